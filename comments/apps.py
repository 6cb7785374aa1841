from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


def comment_saved(sender, instance, created, **kwargs):
    # A new comment waiting for moderation shows to nobody but its author, whose
    # pages are never cached: the site's cached pages stay good.
    if created and not instance.is_public:
        return
    from newsroom.pagecache import content_changed

    content_changed()


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from newsroom.pagecache import content_changed

        # Approving or removing a comment changes its article's page and the counts on lists.
        model = self.get_model("Comment")
        post_save.connect(comment_saved, sender=model, dispatch_uid="pages-Comment")
        post_delete.connect(content_changed, sender=model, dispatch_uid="pages-Comment-del")
