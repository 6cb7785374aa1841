from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from newsroom import pagecache

        from .models import forget_styles

        # Readers see all of these (styles make credit lines): a change renders pages afresh,
        # and so does a story reaching readers at its publish time or embargo's end, or a
        # correction at the time it is dated.
        seen = ("Section", "Contributor", "Article", "Credit", "Correction")
        for name in (*seen, "CreditStyle", "CreditPhrase"):
            pagecache.watch(self.get_model(name))
        pagecache.watch_schedule(self.get_model("Article").objects.next_release)
        pagecache.watch_schedule(self.get_model("Correction").objects.next_due)

        for name in ("CreditStyle", "CreditPhrase"):
            model = self.get_model(name)
            post_save.connect(forget_styles, sender=model, dispatch_uid=f"styles-{name}")
            post_delete.connect(forget_styles, sender=model, dispatch_uid=f"styles-{name}-del")
