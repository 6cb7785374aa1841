"""
How an article moves from draft to readers: one table of steps, each taken
by a locked model method that records it.

The admin's buttons and bulk actions are made from ``STEPS``; adding a step
here adds it there.
"""

from dataclasses import dataclass

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone

from ..signals import step_taken


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


def release_moment(status, publish_at, embargo_until):
    """When a story reaches readers: the later of its publish time and embargo, once the
    newsroom has published it; None before. Stored as ``Article.release_at`` on every save."""
    if status != Status.PUBLISHED or publish_at is None:
        return None
    return max(publish_at, embargo_until or publish_at)


class WorkflowError(Exception):
    """A state change that the article's current state does not allow."""


@dataclass(frozen=True)
class Step:
    name: str
    sources: frozenset
    target: str
    permission: str | None  # None: whoever may edit the article may take it
    label: str  # what the history says: "Published"
    verb: str  # "publish"
    past: str  # "published"
    button: str  # the admin's button for one article
    bulk: str = ""  # the admin's action for many articles; empty: none
    note_required: str = ""  # when set, the step needs a note and this says why
    save_label: str = ""  # the article form's button that saves, then takes the step
    confirm: str = ""  # asked before that button acts, for a step readers notice at once

    def allowed_from(self, status):
        return status in self.sources

    @property
    def save_button(self):
        return self.save_label or f"Save and {self.verb}"


PUBLISH_PERMISSION = "articles.publish_article"

STEPS = {
    step.name: step
    for step in (
        Step(
            "submit",
            frozenset({Status.DRAFT}),
            Status.REVIEW,
            None,
            label="Submitted for review",
            verb="submit",
            past="submitted",
            button="Submit for review",
            save_label="Save and submit",
            bulk="Submit selected articles for review",
        ),
        Step(
            "publish",
            frozenset({Status.DRAFT, Status.REVIEW, Status.PUBLISHED}),
            Status.PUBLISHED,
            PUBLISH_PERMISSION,
            label="Published",
            verb="publish",
            past="published",
            button="Publish",
            save_label="Save and publish",
            bulk="Publish selected articles now",
        ),
        Step(
            "return",
            frozenset({Status.REVIEW}),
            Status.DRAFT,
            PUBLISH_PERMISSION,
            label="Returned to reporter",
            verb="return",
            past="returned",
            button="Return to reporter",
            save_label="Save and return to reporter",
            note_required="Say what the reporter should change: a note is required.",
        ),
        Step(
            "withdraw",
            frozenset({Status.PUBLISHED}),
            Status.WITHDRAWN,
            PUBLISH_PERMISSION,
            label="Withdrawn",
            verb="withdraw",
            past="withdrawn",
            button="Withdraw",
            save_label="Save and withdraw",
            confirm="Withdraw this story? Its page will tell readers it is gone.",
            bulk="Withdraw selected articles",
        ),
    )
}


class Transition(models.Model):
    """One step of the workflow: never edited, only added."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="transitions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=10, choices=Status.choices)
    to_status = models.CharField(max_length=10, choices=Status.choices)
    note = models.TextField(blank=True)
    publish_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class WorkflowMixin:
    """The steps of STEPS as methods of Article."""

    def can_transition(self, user, name):
        step = STEPS[name]
        if not step.allowed_from(self.status):
            return False
        if name == "publish" and self.is_public:
            return False  # already live; only a scheduled article can be rescheduled
        if step.permission:
            return user.has_perm(step.permission)
        return self.can_be_edited_by(user)

    def available_steps(self, user):
        return [step for step in STEPS.values() if self.can_transition(user, step.name)]

    def submit(self, by, note=""):
        return self.take_step("submit", by, note)

    def publish(self, by, at=None, note=""):
        return self.take_step("publish", by, note, publish_at=at)

    def return_to_reporter(self, by, note):
        return self.take_step("return", by, note)

    def withdraw(self, by, note=""):
        return self.take_step("withdraw", by, note)

    def take_step(self, name, by, note="", publish_at=None):
        step = STEPS[name]
        if step.note_required and not note.strip():
            raise WorkflowError(step.note_required)
        with transaction.atomic(), reversion.create_revision():
            # Lock the row and judge the state as it is now, not as this
            # instance remembers it: two editors clicking at once get one change.
            current = type(self).objects.select_for_update().get(pk=self.pk)
            if not step.allowed_from(current.status):
                raise WorkflowError(
                    f"“{current.headline}” is {current.get_status_display().lower()}: "
                    f"it cannot be {step.past} now."
                )
            if name == "publish" and current.is_public:
                raise WorkflowError(f"“{current.headline}” is already published.")
            if not current.can_transition(by, name):
                raise PermissionDenied(f"You may not {step.verb} “{current.headline}”.")
            from_status = current.status
            current.status = step.target
            fields = ["status", "modified_at"]
            if name == "publish":
                now = timezone.now()
                current.publish_at = max(publish_at, now) if publish_at else now
                fields.append("publish_at")
            current.save(update_fields=fields)
            if step.target == Status.WITHDRAWN:
                current.take_down_lead_image()
            reversion.set_user(by)
            # Saved and stepped in one go (the admin's "Save and …"): the revision says both.
            said = (reversion.get_comment(), f"{step.label}. {note}".strip())
            reversion.set_comment(" ".join(part for part in said if part))
            self.refresh_from_db()
            transition = Transition.objects.create(
                article=self,
                user=by,
                from_status=from_status,
                to_status=self.status,
                note=note,
                publish_at=current.publish_at if name == "publish" else None,
            )
            step_taken.send(
                sender=type(self), article=self, step=step, by=by, note=note, transition=transition
            )
            return transition

    def settle_release(self):
        """Keep ``release_at`` the moment the story reaches readers, and ``first_published_at``
        the moment readers first saw it: the release moment, for as long as it is to come, and
        kept once past (readers saw the story, whatever happens to it next). Returns the names
        of the fields it changed."""
        changed = []
        release = release_moment(self.status, self.publish_at, self.embargo_until)
        if release != self.release_at:
            self.release_at = release
            changed.append("release_at")
        first = self.first_published_at
        if (first is None or first > timezone.now()) and first != release:
            self.first_published_at = release
            changed.append("first_published_at")
        return changed

    def record_recovery(self, by, state_when_deleted):
        Transition.objects.create(
            article=self,
            user=by,
            from_status=state_when_deleted,
            to_status=self.status,
            note="Recovered after deletion.",
        )
