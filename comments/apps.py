from django.apps import AppConfig


def shows_to_cached_readers(comment, created):
    # A new comment waiting for moderation shows to nobody but its author, whose
    # pages are never cached: the site's cached pages stay good.
    return not created or comment.is_public


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from newsroom import pagecache

        from .forms import FORM_TIME, signed_form_time
        from .moderation import next_comment_closing

        # Approving or removing a comment changes its article's page and the counts on lists;
        # comment forms close by themselves some days after publication.
        pagecache.watch(self.get_model("Comment"), changes_pages=shows_to_cached_readers)
        pagecache.watch_schedule(next_comment_closing)
        # Each reader's form time is their own, so a page cached long ago is no head start.
        pagecache.fill_per_reader(FORM_TIME, signed_form_time)
