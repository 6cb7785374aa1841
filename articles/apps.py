from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from newsroom import pagecache

        from .models import forget_places, forget_styles

        # Readers see all of these (styles and places make credit lines): a change renders
        # pages afresh, and so does a story reaching readers at its publish time or embargo's end.
        seen = ("Section", "Contributor", "Article", "Credit", "Correction")
        for name in (*seen, "CreditStyle", "CreditPhrase", "Place"):
            pagecache.watch(self.get_model(name))
        pagecache.watch_schedule(self.get_model("Article").objects.next_release)

        forgetting = {"CreditStyle": forget_styles, "CreditPhrase": forget_styles}
        forgetting["Place"] = forget_places
        for name, forget in forgetting.items():
            model = self.get_model(name)
            post_save.connect(forget, sender=model, dispatch_uid=f"forget-{name}")
            post_delete.connect(forget, sender=model, dispatch_uid=f"forget-{name}-del")
