from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from articles.models import Article

from .drafts import PAGE_FIELD, when
from .models import KINDS, Draft, Notice, NoticeSetting, as_uuid
from .piles import SHOWN, article_piles, comment_queue

# What the page sends besides its form: which story, and whether nothing is unsaved any more.
ARTICLE_FIELD, UNCHANGED_FIELD = "_autosave_article", "_autosave_unchanged"
NOT_KEPT = {"csrfmiddlewaretoken", PAGE_FIELD, ARTICLE_FIELD, UNCHANGED_FIELD}


class DeskView(TemplateView):
    """The admin's front page: each person's own stories and what waits for them."""

    template_name = "admin/desk/home.html"

    def get_context_data(self, **kwargs):
        request, user = self.request, self.request.user
        notices = list(user.notices.unread().select_related("article")[: SHOWN + 1])
        return super().get_context_data(
            **admin.site.each_context(request),
            title="My desk",
            piles=article_piles(user),
            queue=comment_queue(user),
            notices=notices[:SHOWN],
            more_notices=len(notices) > SHOWN,
            drafts=list(Draft.objects.open().filter(user=user).select_related("article")[:SHOWN]),
            app_list=admin.site.get_app_list(request),
            **kwargs,
        )


def kinds_for(user):
    """The kinds of notice this person can receive at all."""
    if not Article.may_see_unpublished(user):
        return []
    return [
        kind for kind in KINDS.values() if kind.name != "submitted" or Article.may_publish(user)
    ]


class SettingsForm(forms.Form):
    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = kinds_for(user)
        chosen = {row.kind: row for row in NoticeSetting.objects.filter(user=user)}
        for kind in self.kinds:
            row = chosen.get(kind.name)
            for channel, label in (("on_desk", "on my desk"), ("by_email", "by email")):
                self.fields[f"{kind.name}-{channel}"] = forms.BooleanField(
                    required=False,
                    label=f"{kind.label} {label}",
                    initial=getattr(row, channel) if row else True,
                )

    def rows(self):
        for kind in self.kinds:
            yield kind, self[f"{kind.name}-on_desk"], self[f"{kind.name}-by_email"]


class SettingsView(FormView):
    """Which kinds of notice someone gets, on their desk and by email."""

    template_name = "admin/desk/settings.html"

    def get_form(self, form_class=None):
        return SettingsForm(self.request.user, **self.get_form_kwargs())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **admin.site.each_context(self.request), title="Notification settings", **kwargs
        )

    def form_valid(self, form):
        for kind in form.kinds:
            NoticeSetting.objects.update_or_create(
                user=self.request.user,
                kind=kind.name,
                defaults={
                    "on_desk": form.cleaned_data[f"{kind.name}-on_desk"],
                    "by_email": form.cleaned_data[f"{kind.name}-by_email"],
                },
            )
        messages.success(self.request, "Your notification settings are saved.")
        return redirect("desk:settings")


def open_notice(request, pk):
    """Follow a notice to its story, and count it read."""
    notice = get_object_or_404(Notice, pk=pk, user=request.user)
    if notice.read_at is None:
        Notice.objects.filter(pk=notice.pk).update(read_at=timezone.now())
    if notice.article_id is None:
        messages.info(request, "That story has been deleted since.")
        return redirect("admin:index")
    return redirect(reverse("admin:articles_article_change", args=[notice.article_id]))


@require_POST
def mark_all_read(request):
    request.user.notices.mark_read()
    messages.success(request, "All your notices are marked as read.")
    return redirect("admin:index")


@require_POST
def autosave(request):
    """Keep what an open story page holds as the person's private draft (see Draft)."""
    page = as_uuid(request.POST.get(PAGE_FIELD, ""))
    article_id = request.POST.get(ARTICLE_FIELD, "")
    if page is None or not (article_id == "" or article_id.isdigit()):
        return JsonResponse({"error": "This page cannot keep drafts: reload it."}, status=400)
    article = None
    if article_id:
        article = Article.objects.filter(pk=int(article_id)).first()
        if article is None:
            return JsonResponse({"error": "This story has been deleted."}, status=404)
    if request.POST.get(UNCHANGED_FIELD):
        Draft.forget(request.user, page)
        return JsonResponse({"kept": False, "message": ""})
    # As the form sends them; PostgreSQL keeps no NUL character, and no form field takes one.
    fields = [
        [name.replace("\x00", ""), value.replace("\x00", "")]
        for name, values in request.POST.lists()
        if name not in NOT_KEPT
        for value in values
    ]
    try:
        kept = Draft.keep(request.user, page, fields, article)
    except PermissionDenied as error:
        return JsonResponse({"error": str(error)}, status=403)
    message = f"Unsaved changes kept for you at {when(timezone.now())}." if kept else ""
    return JsonResponse({"kept": kept, "message": message})


@require_POST
def discard_draft(request, page):
    draft = get_object_or_404(Draft.objects.open(), page=page, user=request.user)
    draft.delete()
    messages.success(request, "Your unsaved changes are discarded.")
    if draft.article_id is None:
        return redirect("admin:articles_article_add")
    return redirect("admin:articles_article_change", draft.article_id)
