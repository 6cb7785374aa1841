from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Article
from articles.models.takedown import WITHDRAWN_FOLDER


class Command(BaseCommand):
    help = (
        "Move the pictures of stories withdrawn before withdrawals took pictures down out of "
        "the addresses they were served at, and delete their renditions. Safe to run again."
    )

    def handle(self, **options):
        withdrawn = (
            Article.objects.filter(status=Article.Status.WITHDRAWN)
            .exclude(lead_image=None)
            .exclude(lead_image__file__startswith=f"{WITHDRAWN_FOLDER}/")
        )
        count = 0
        for article in withdrawn.iterator():
            with transaction.atomic():
                article.take_down_lead_image()
            count += 1
        self.stdout.write(f"Pictures of {count} withdrawn stories taken down.")
