from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from articles import extensions
        from newsroom import pagecache

        from . import cachetags
        from .counts import CommentCounts
        from .forms import FORM_TIME, signed_form_time
        from .moderation import next_comment_closing
        from .threads import PAGE_PARAMETER, REPLY_TO

        # Lists of stories show each one's count of comments.
        extensions.register(CommentCounts())
        # Comments readers see, and comment forms closing by themselves (comments/cachetags.py).
        pagecache.watch(self.get_model("Comment"), cachetags.comment_changed, before=["status"])
        pagecache.watch_schedule(next_comment_closing, cachetags.closed_between)
        # Each reader's form time is their own, so a page cached long ago is no head start.
        pagecache.fill_per_reader(FORM_TIME, signed_form_time)
        # A story's page of comments, and the comment a reply answers.
        pagecache.reads_parameters(PAGE_PARAMETER, REPLY_TO)
