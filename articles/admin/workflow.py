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
from ..models import STEPS, ReaderState, Status, WorkflowError


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

    def steps_open_to(self, request, obj):
        """The steps this user may take on the article; on a new one, as its author."""
        if obj is None:
            obj = self.model(status=Status.DRAFT, created_by=request.user)
        return obj.available_steps(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.steps_open = frozenset(step.name for step in self.steps_open_to(request, obj))
        return form

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        steps = self.steps_open_to(request, obj)
        can_save = (
            self.has_change_permission(request, obj)
            if obj is not None
            else self.has_add_permission(request)
        )
        context["can_save"] = can_save
        if can_save:
            # Buttons on the form itself: each saves what was typed, then takes its step.
            context["save_and_steps"] = steps
        else:
            # Someone who may take a step without editing goes through the step's own page.
            context["transitions"] = [(step.name, step.button) for step in steps]
        context["publish_open"] = any(step.name == "publish" for step in steps)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        step = form.requested_step()
        if step is not None:
            request.requested_step = (
                step,
                form.cleaned_data.get("step_note", ""),
                form.cleaned_data.get("step_publish_at"),
            )

    def response_add(self, request, obj, post_url_continue=None):
        if hasattr(request, "requested_step"):
            return self._take_requested_step(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if hasattr(request, "requested_step"):
            return self._take_requested_step(request, obj)
        return super().response_change(request, obj)

    def _take_requested_step(self, request, article):
        """After a "Save and …" button saved the form: the step itself, on what was saved."""
        step, note, publish_at = request.requested_step
        try:
            article.take_step(step.name, request.user, note, publish_at=publish_at)
        except (WorkflowError, PermissionDenied) as error:
            messages.error(request, f"Your changes were saved, but: {error}")
        else:
            messages.success(request, f"Saved. {self._outcome(article)}")
        return redirect(reverse("admin:articles_article_change", args=[article.pk]))

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
            "title": f"{step.button}: “{article.headline}”",
            "article": article,
            "form": form,
            "step": step,
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
