from django import forms
from django.contrib import admin, messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from articles.models import Article

from .models import KINDS, Notice, NoticeSetting
from .piles import SHOWN, article_piles, comment_queue


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
