"""What live coverage adds to a story, through the articles app's extensions."""

from django.db.models import Exists, OuterRef

from articles import embeds
from articles.extensions import StoryExtension

from .models import LiveCoverage
from .structured_data import live_blog


class LiveStories(StoryExtension):
    relation = "live_coverage"

    def list_annotations(self):
        # The flag readers' cards show a LIVE label by, read with the list in one query.
        running = LiveCoverage.objects.filter(article=OuterRef("pk"), ended_at__isnull=True)
        return {"live_coverage_running": Exists(running)}

    def credits(self, article):
        coverage = LiveCoverage.of(article)
        return coverage.post_credit_tuples() if coverage else []

    def structured_data(self, request, article, data):
        if coverage := LiveCoverage.of(article):
            live_blog(request, coverage, data)

    def frame_origins(self, article):
        # A new post may bring any provider's embed while the coverage runs.
        coverage = LiveCoverage.of(article)
        return sorted(embeds.ORIGINS) if coverage and coverage.is_running else []

    def badges(self, article):
        coverage = LiveCoverage.of(article)
        return [("live-coverage", "Live coverage")] if coverage and coverage.is_running else []
