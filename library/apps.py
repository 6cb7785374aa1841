from django.apps import AppConfig
from django.db.models.signals import post_save


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = "Media library"

    def ready(self):
        from newsroom import pagecache

        from . import cachetags
        from .tasks import picture_saved

        LibraryImage = self.get_model("LibraryImage")
        # A picture shows wherever a story or a profile uses it (library/cachetags.py).
        pagecache.watch(
            LibraryImage,
            cachetags.picture_changed,
            before=["photographer_id"],
            instance_tag=lambda picture: cachetags.picture(picture.pk),
        )
        post_save.connect(picture_saved, sender=LibraryImage, dispatch_uid="picture-renditions")
