"""History: compare, restore and recover, judged on the article as it is now."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ..models import Article
from .history_diff import (
    BOOKKEEPING_FIELDS,
    credit_rows,
    readable_body,
    render_credit_rows,
    word_diff,
)


class RevisionsAdminMixin:
    """Reversion judges permissions on the restored copy, whose state may be an old
    draft; these views judge the article as it is now."""

    compare_template = "admin/articles/article/compare.html"
    compare_exclude = BOOKKEEPING_FIELDS

    def compare_body(self, obj_compare):
        """The body as it reads, with the words added and removed marked."""
        old, new = obj_compare.value1, obj_compare.value2
        return word_diff(readable_body(old), readable_body(new))

    def compare_CharField(self, obj_compare):
        # Short texts too: the words changed, each choice by the name the form shows.
        return word_diff(*obj_compare.to_string())

    compare_TextField = compare_CharField

    def compare_credits(self, obj_compare):
        """A row a credit: added, removed or changed, with its role, name, place, language."""
        return render_credit_rows(
            credit_rows(
                obj_compare.compare_obj1.version_record,
                obj_compare.compare_obj2.version_record,
                obj_compare.obj.pk,
            )
        )

    def compare_view(self, request, object_id, extra_context=None):
        self._article_or_refuse(request, object_id, self.has_view_permission)
        return super().compare_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        article = self._article_or_refuse(request, object_id, self.has_change_permission)
        request.article_workflow_state = {
            field: getattr(article, field) for field in Article.WORKFLOW_FIELDS
        }
        return super().revision_view(request, object_id, version_id, extra_context)

    def has_recover_permission(self, request):
        # A deleted article may have been live: only those who may delete bring one back.
        return self.has_delete_permission(request) and self.has_add_permission(request)

    def changelist_view(self, request, extra_context=None):
        # Offered only to those who may use it: anyone else would get a 403 for clicking.
        extra_context = {
            **(extra_context or {}),
            "has_recover_permission": self.has_recover_permission(request),
        }
        return super().changelist_view(request, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        # It may have been live when deleted; it comes back as a draft for an editor to publish.
        request.recovering_article = True
        request.article_workflow_state = {"status": Article.Status.DRAFT, "embargo_until": None}
        return super().recover_view(request, version_id, extra_context)

    def _article_or_refuse(self, request, object_id, permission):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such article.")
        if not permission(request, article):
            raise PermissionDenied
        return article
