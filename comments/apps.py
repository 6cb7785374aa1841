from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from newsroom import pagecache

        from . import pages
        from .forms import FORM_TIME, signed_form_time
        from .moderation import next_comment_closing

        # Comments readers see, and comment forms closing by themselves (comments/pages.py).
        pagecache.watch(self.get_model("Comment"), pages.comment_changed, before=["status"])
        pagecache.watch_schedule(next_comment_closing, pages.closed_between)
        # Each reader's form time is their own, so a page cached long ago is no head start.
        pagecache.fill_per_reader(FORM_TIME, signed_form_time)
