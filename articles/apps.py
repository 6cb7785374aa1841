from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from newsroom.pagecache import content_changed

        # Readers see all of these (styles make credit lines): a change starts a new
        # generation of cached pages.
        seen = ("Section", "Contributor", "Article", "Credit", "Correction")
        for name in (*seen, "CreditStyle", "CreditPhrase"):
            model = self.get_model(name)
            post_save.connect(content_changed, sender=model, dispatch_uid=f"pages-{name}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"pages-{name}-del")
