"""The workflow in the admin: a button per step open to the user, a bulk action per step."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from ..forms import TransitionForm
from ..models import STEPS, ReaderState, WorkflowError


def step_action(step):
    """The bulk action of a workflow step, for ArticleAdmin.actions."""

    @admin.action(description=step.bulk, permissions=["publish" if step.permission else "change"])
    def action(modeladmin, request, queryset):
        modeladmin.take_step_on_each(request, queryset, step)

    action.__name__ = f"{step.verb}_selected"
    return action


class WorkflowAdminMixin:
    @admin.display(description="Workflow history")
    def workflow_history(self, obj):
        if not obj.pk:
            return "—"
        rows = obj.transitions.select_related("user")
        return format_html(
            '<table class="workflow-history"><thead><tr><th>When</th><th>Who</th>'
            "<th>From</th><th>To</th><th>Note</th></tr></thead><tbody>{}</tbody></table>",
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                (
                    (
                        timezone.localtime(t.created_at).strftime("%Y-%m-%d %H:%M"),
                        t.user or "—",
                        t.get_from_status_display(),
                        t.get_to_status_display(),
                        t.note,
                    )
                    for t in rows
                ),
            )
            or mark_safe("<tr><td colspan=5>No changes of state yet.</td></tr>"),
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/workflow/<str:name>/",
                self.admin_site.admin_view(self.transition_view),
                name="articles_article_transition",
            ),
        ] + super().get_urls()

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["transitions"] = [
                (step.name, step.verb.capitalize()) for step in obj.available_steps(request.user)
            ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def transition_view(self, request, object_id, name):
        article = self.get_object(request, object_id)
        if article is None or name not in STEPS:
            raise Http404("No such article or workflow step.")
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        step = STEPS[name]
        form = TransitionForm(step, request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                article.take_step(
                    name,
                    request.user,
                    form.cleaned_data["note"],
                    publish_at=form.cleaned_data.get("publish_at"),
                )
            except (WorkflowError, PermissionDenied) as error:
                messages.error(request, str(error))
            else:
                messages.success(request, self._outcome(article))
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"{step.verb.capitalize()}: {article.headline}",
            "article": article,
            "form": form,
            "name": name,
            "allowed": article.can_transition(request.user, name),
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/articles/article/transition.html", context)

    def _outcome(self, article):
        def at(moment):
            return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M %Z")

        state = article.reader_state
        if state == ReaderState.EMBARGOED:
            outcome = f"“{article.headline}” is embargoed until {at(article.embargo_until)}"
            if article.publish_at > article.embargo_until:
                return f"{outcome} and scheduled for {at(article.publish_at)}."
            return f"{outcome}."
        if state == ReaderState.SCHEDULED:
            return f"“{article.headline}” is scheduled for {at(article.publish_at)}."
        return f"“{article.headline}” is now {article.get_status_display().lower()}."

    def take_step_on_each(self, request, queryset, step):
        done, held, refused = 0, [], []
        for article in queryset:
            try:
                article.take_step(step.name, request.user)
                done += 1
            except (WorkflowError, PermissionDenied) as error:
                refused.append(str(error))
            else:
                if article.is_scheduled:  # published, but not for readers yet: say until when
                    held.append(self._outcome(article))
        if done:
            self.message_user(request, f"{step.label}: {done} article(s).", messages.SUCCESS)
        for outcome in held:
            self.message_user(request, outcome, messages.INFO)
        for reason in refused:
            self.message_user(request, reason, messages.ERROR)
