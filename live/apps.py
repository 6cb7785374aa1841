from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = "Live coverage"

    def ready(self):
        from articles import extensions
        from newsroom import pagecache

        from . import cachetags
        from .extension import LiveStories
        from .posts import CURSORS

        extensions.register(LiveStories())
        # A post shows on its story's page, updates, feed and lists (live/cachetags.py).
        pagecache.watch(self.get_model("LiveCoverage"), cachetags.coverage_changed)
        pagecache.watch(self.get_model("LivePost"), cachetags.post_changed)
        pagecache.watch(self.get_model("LivePostCredit"), cachetags.post_credit_changed)
        # A live page's posts before or after a cursor.
        pagecache.reads_parameters(*CURSORS)
