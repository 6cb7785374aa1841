from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from newsroom.pagecache import content_changed

        # Approving, removing or editing a comment changes the article page and counts on lists.
        model = self.get_model("Comment")
        post_save.connect(content_changed, sender=model, dispatch_uid="pages-Comment")
        post_delete.connect(content_changed, sender=model, dispatch_uid="pages-Comment-del")
