"""History: compare, restore and recover, judged on the article as it is now."""

from django.conf import settings
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from reversion_compare.helpers import html_diff

from ..models import Article, Contributor, Credit, Role


def credit_lines_in(version, article_id):
    """The article's credits kept with this version, one line each, in order."""
    rows = sorted(
        (
            v.field_dict
            for v in version.revision.version_set.filter(
                content_type=ContentType.objects.get_for_model(Credit)
            )
        ),
        key=lambda row: (row["position"], row["id"]),
    )
    rows = [row for row in rows if row["article_id"] == article_id]
    names = dict(
        Contributor.objects.filter(pk__in=[r["contributor_id"] for r in rows]).values_list(
            "pk", "name"
        )
    )
    languages = dict(settings.ARTICLE_LANGUAGES)
    lines = []
    for number, row in enumerate(rows, 1):
        line = f"{number}. {Role(row['role']).label}: {names.get(row['contributor_id'], '?')}"
        if row["place"]:
            line += f", in {row['place']}"
        if row["language"]:
            line += f", into {languages.get(row['language'], row['language'])}"
        lines.append(line)
    return "\n".join(lines)


class RevisionsAdminMixin:
    """Reversion judges permissions on the restored copy, whose state may be an old
    draft; these views judge the article as it is now."""

    def compare_credits(self, obj_compare):
        """Credits side by side, each with its role, place, language and place in the line."""
        article_id = obj_compare.obj.pk
        return html_diff(
            credit_lines_in(obj_compare.compare_obj1.version_record, article_id),
            credit_lines_in(obj_compare.compare_obj2.version_record, article_id),
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
