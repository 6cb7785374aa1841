"""
Unsaved changes on a story's admin page (see ``Draft``): the open page keeps what is typed
every few seconds (static/newsroom-admin/article-form.js posts it to ``views.autosave``),
and opening the story again offers it back: "Restore your unsaved changes from 10:42?".

Restoring opens the page with the form and its lists (credits, corrections) filled in from
the draft, exactly as the form would have been sent, and nothing saved. The story's admin
is registered again with this added (desk/admin.py), as the live app adds its desk.
"""

import copy
import uuid

from django.contrib import messages
from django.forms.utils import ErrorDict
from django.utils import timezone

from .models import Draft, as_uuid

# The hidden field naming the open page, which the page's script adds to the form.
PAGE_FIELD = "_autosave_page"
# How often an open page keeps what was typed.
AUTOSAVE_SECONDS = 5


def when(moment):
    """10:42 today, 3 Dec 10:42 before: the local time of a draft."""
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return f"{local:%H:%M}"
    return f"{local.day} {local:%b %H:%M}"


class DraftsAdminMixin:
    def keeps_drafts(self, request, obj):
        """On the story's own page (not a revision's), for those who may write it there."""
        match = request.resolver_match
        opts = self.opts
        pages = {f"{opts.app_label}_{opts.model_name}_{name}" for name in ("add", "change")}
        if match is None or match.url_name not in pages:
            return False
        if obj is None:
            return self.has_add_permission(request)
        return self.has_change_permission(request, obj)

    def restoring(self, request, obj):
        """The person's own draft of this story that ``?restore=`` names, on opening its page."""
        if not hasattr(request, "restoring_draft"):
            page = as_uuid(request.GET.get("restore", ""))
            draft = None
            if page and request.method == "GET":
                draft = (
                    Draft.objects.open()
                    .filter(user=request.user, page=page, article=obj if obj else None)
                    .first()
                )
                if draft is None:
                    messages.warning(request, "Those unsaved changes are gone: saved or discarded.")
                elif not self.keeps_drafts(request, obj):
                    messages.warning(
                        request, "You may not edit this story now: your changes cannot go back in."
                    )
                    draft = None
            request.restoring_draft = draft
        return request.restoring_draft

    def restored_data(self, request, obj):
        draft = self.restoring(request, obj)
        if draft is None:
            return None
        return draft.form_data(obj.edit_token if obj else None)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        data = self.restored_data(request, obj)
        return form if data is None else bound_to(form, data)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        data = self.restored_data(request, obj if obj.pk else None)
        if data is not None:
            kwargs["data"] = data
        return kwargs

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if self.keeps_drafts(request, obj):
            restored = self.restoring(request, obj)
            if restored is not None:
                without_errors(context)
                messages.info(
                    request,
                    f"Your unsaved changes from {when(restored.saved_at)} are back in the "
                    "form. Nothing is saved until you save.",
                )
            context["autosave"] = self.autosave(request, obj, restored)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def autosave(self, request, obj, restored):
        # The page keeps its draft under its own name; a refused save's page keeps the one it
        # had, and a restored draft's page takes that draft over.
        page = as_uuid(request.POST.get(PAGE_FIELD, "")) if request.method == "POST" else None
        page = page or (restored.page if restored else uuid.uuid4())
        offer = None if restored else Draft.offered(request.user, obj, page)
        return {
            "page": page,
            "article": obj.pk if obj else "",
            "seconds": AUTOSAVE_SECONDS,
            "restored": restored is not None,
            "offer": offer,
            "offer_time": when(offer.saved_at) if offer else "",
            "offer_behind": offer is not None and offer.is_behind(obj),
        }

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        page = as_uuid(request.POST.get(PAGE_FIELD, ""))
        if page is not None:
            Draft.story_saved(request.user, obj, page)


def bound_to(form_class, data):
    """The admin's form class, opened on ``data`` as if it had been sent."""

    class Restored(form_class):
        def __init__(self, *args, **kwargs):
            if not args and "data" not in kwargs:
                kwargs.pop("initial", None)
                kwargs["data"] = data
                if kwargs.get("instance") is not None:
                    # Checking the draft fills in its instance: the page's story stays as saved.
                    kwargs["instance"] = copy.copy(kwargs["instance"])
            super().__init__(*args, **kwargs)

    Restored.__name__ = form_class.__name__
    return Restored


def without_errors(context):
    """A restored draft is not a save: nothing in it is an error to correct yet."""
    context["errors"] = []
    context["adminform"].form._errors = ErrorDict()
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        formset._non_form_errors = formset.error_class()
        formset._errors = [ErrorDict() for _ in formset.forms]
        for form in formset.forms:
            form._errors = ErrorDict()
