from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from newsroom import pagecache

        from . import pages
        from .models import forget_places, forget_styles
        from .tasks import picture_saved

        # What readers see, and which cached pages each change ends (articles/pages.py).
        Article = self.get_model("Article")
        pagecache.watch(
            Article,
            pages.article_changed,
            before=pages.BEFORE,
            instance_tag=lambda article: pages.article(article.pk),
            moves_schedule=pages.article_moves_schedule,
        )
        pagecache.watch(self.get_model("Credit"), pages.credit_changed, before=["contributor_id"])
        pagecache.watch(
            self.get_model("Correction"),
            pages.correction_changed,
            moves_schedule=pages.correction_moves_schedule,
        )
        pagecache.watch(
            self.get_model("LibraryImage"),
            pages.picture_changed,
            before=["photographer_id"],
            instance_tag=lambda picture: f"picture-{picture.pk}",
        )
        pagecache.watch(self.get_model("Contributor"), pages.contributor_changed, before=["name"])
        # Sections, credit styles and places show on every page, in menus and credit lines.
        topics = Article.topics.through
        m2m_changed.connect(pages.topics_moved, sender=topics, dispatch_uid="pages-topics")
        # Topics' names show in menus of stories and topic pages in every language.
        for name in ("Section", "Topic", "CreditStyle", "CreditPhrase", "Place"):
            pagecache.watch(self.get_model(name), pages.whole_site)
        for name in ("FrontPageSlot", "BreakingNews"):
            pagecache.watch(self.get_model(name), pages.editors_choice_changed, moves_schedule=True)
        pagecache.watch_schedule(
            pages.next_editors_choice_expiry, pages.editors_choice_expired_between
        )
        pagecache.watch_schedule(Article.objects.next_release, pages.released_between)
        Correction = self.get_model("Correction")
        pagecache.watch_schedule(Correction.objects.next_due, pages.corrections_due_between)

        # A live story's posts show on its page, updates, feed and the lists showing it.
        pagecache.watch(self.get_model("LivePost"), pages.live_post_changed)
        pagecache.watch(self.get_model("LivePostCredit"), pages.live_post_credit_changed)
        post_save.connect(
            picture_saved, sender=self.get_model("LibraryImage"), dispatch_uid="picture-renditions"
        )

        forgetting = {"CreditStyle": forget_styles, "CreditPhrase": forget_styles}
        forgetting["Place"] = forget_places
        for name, forget in forgetting.items():
            model = self.get_model(name)
            post_save.connect(forget, sender=model, dispatch_uid=f"forget-{name}")
            post_delete.connect(forget, sender=model, dispatch_uid=f"forget-{name}-del")
