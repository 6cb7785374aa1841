from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from newsroom import pagecache

        from . import cachetags
        from .models import forget_places, forget_styles

        # What readers see, and which cached pages each change ends (articles/cachetags.py).
        Article = self.get_model("Article")
        pagecache.watch(
            Article,
            cachetags.article_changed,
            before=cachetags.BEFORE,
            instance_tag=lambda article: cachetags.story(article.pk),
            moves_schedule=cachetags.article_moves_schedule,
        )
        pagecache.watch(
            self.get_model("Credit"), cachetags.credit_changed, before=["contributor_id"]
        )
        pagecache.watch(
            self.get_model("Correction"),
            cachetags.correction_changed,
            moves_schedule=cachetags.correction_moves_schedule,
        )
        pagecache.watch(
            self.get_model("Contributor"), cachetags.contributor_changed, before=["name"]
        )
        topics = Article.topics.through
        m2m_changed.connect(cachetags.topics_moved, sender=topics, dispatch_uid="pages-topics")
        # Sections, topics, credit styles and places show on every page, in menus and lines.
        for name in ("Section", "Topic", "CreditStyle", "CreditPhrase", "Place"):
            pagecache.watch(self.get_model(name), cachetags.whole_site)
        for name in ("FrontPageSlot", "BreakingNews"):
            pagecache.watch(
                self.get_model(name), cachetags.editors_choice_changed, moves_schedule=True
            )
        pagecache.watch_schedule(
            cachetags.next_editors_choice_expiry, cachetags.editors_choice_expired_between
        )
        pagecache.watch_schedule(Article.objects.next_release, cachetags.released_between)
        Correction = self.get_model("Correction")
        pagecache.watch_schedule(Correction.objects.next_due, cachetags.corrections_due_between)
        # Lists' pages, search words, sitemaps' pages: other parameters make no new page.
        pagecache.reads_parameters("page", "q", "p")

        forgetting = {"CreditStyle": forget_styles, "CreditPhrase": forget_styles}
        forgetting["Place"] = forget_places
        for name, forget in forgetting.items():
            model = self.get_model(name)
            post_save.connect(forget, sender=model, dispatch_uid=f"forget-{name}")
            post_delete.connect(forget, sender=model, dispatch_uid=f"forget-{name}-del")
