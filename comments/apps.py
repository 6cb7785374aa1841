from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from newsroom import pagecache

        from . import pages
        from .moderation import next_comment_closing

        # Comments readers see, and comment forms closing by themselves (comments/pages.py).
        pagecache.watch(self.get_model("Comment"), pages.comment_changed, before=["status"])
        pagecache.watch_schedule(next_comment_closing, pages.closed_between)
