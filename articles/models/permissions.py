"""
Who may do what with stories. Groups hold the permissions (see the migrations); these
methods are the only place they are asked for, so the admin, the wire and the views
obey the same rules. Each state change checks them itself (workflow, updates, live).
"""

from .workflow import PUBLISH_PERMISSION, Status

EDIT_ANY_PERMISSION = "articles.edit_any_article"
TRANSLATE_PERMISSION = "articles.translate_article"
ADD_PERMISSION = "articles.add_article"
CHANGE_PERMISSION = "articles.change_article"
DELETE_PERMISSION = "articles.delete_article"
VIEW_PERMISSION = "articles.view_article"


class PermissionsMixin:
    @staticmethod
    def may_publish(user):
        """Publish, schedule, embargo, return and withdraw stories; run live coverage."""
        return user.has_perm(PUBLISH_PERMISSION)

    @staticmethod
    def may_set_embargo(user):
        """An embargo is a promise to partners: only those who may publish make one."""
        return user.has_perm(PUBLISH_PERMISSION)

    @staticmethod
    def may_translate(user):
        return user.has_perm(TRANSLATE_PERMISSION)

    @staticmethod
    def may_write(user):
        """Start a story of one's own (or a translation, or an imported one)."""
        return user.has_perm(ADD_PERMISSION)

    @staticmethod
    def may_see_unpublished(user):
        """The newsroom's staff see stories readers cannot yet (the desk, previews)."""
        return user.has_perm(VIEW_PERMISSION)

    def is_worked_on_by(self, user):
        """They wrote the story or are credited on it."""
        return self.created_by_id == user.pk or (
            self.pk is not None and self.credits.filter(contributor__user=user).exists()
        )

    def can_be_edited_by(self, user):
        if user.has_perm(EDIT_ANY_PERMISSION):
            return True
        if not user.has_perm(CHANGE_PERMISSION):
            return False
        if self.status not in (Status.DRAFT, Status.REVIEW):
            return False
        if self.translation_of_id and self.may_translate(user):
            return True
        return self.is_worked_on_by(user)

    def can_be_contributed_to_by(self, user):
        """Adding to a story once it is out (a live post): whoever may edit any story, or may
        write and is on this one."""
        if user.has_perm(EDIT_ANY_PERMISSION):
            return True
        return user.has_perm(CHANGE_PERMISSION) and self.is_worked_on_by(user)

    def can_be_deleted_by(self, user):
        """A draft by whoever may delete articles; anything readers may have seen by editors."""
        if not user.has_perm(DELETE_PERMISSION):
            return False
        return self.status == Status.DRAFT or user.has_perm(EDIT_ANY_PERMISSION)
