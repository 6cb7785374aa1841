from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from newsroom.admin_autocomplete import KnownKeysMultipleChoiceField
from newsroom.admin_moments import KeepsStoredMoments

from .editor import BODY_HELP, OPENED_FIELD, body_widget, unchanged_body
from .models import STEPS, Article, Contributor

# The name of the article form's buttons that save, then take a workflow step.
STEP_BUTTON = "_step"


class LabelledSplitDateTime(AdminSplitDateTime):
    """The admin's date and time boxes, each named by a label of its own.

    Django's own says "Date:" and "Time:" as plain text, which leaves both boxes
    nameless to screen readers.
    """

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, key in zip(
            context["widget"]["subwidgets"], ("date_label", "time_label"), strict=True
        ):
            box = subwidget["attrs"].get("id")
            if box:
                context[key] = format_html('<label for="{}">{}</label>', box, context[key])
        return context


def publish_time_field(label):
    """The admin's own date and time boxes, saying which time zone they mean."""
    return forms.SplitDateTimeField(
        required=False,
        label=label,
        help_text="Leave empty to publish now; a later time schedules the story. "
        f"Times are {timezone.get_current_timezone_name()}.",
        widget=LabelledSplitDateTime,
    )


class ArticleAdminForm(KeepsStoredMoments):
    # The token the article had when this form was opened: a different one
    # in the database now means someone saved in between.
    opened_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    minor_edit = forms.BooleanField(
        required=False,
        label="Minor edit",
        help_text="For a published article: a typo fix that readers are not told about. "
        "Leave unticked for a substantive update, shown to readers as “Updated”.",
    )
    house_style = forms.BooleanField(
        required=False,
        label="Write the credit line in house style",
        help_text="The credit line follows the way its wire footer was written (separators, "
        "capitals, order …). Tick to write it the way the credit style does instead.",
    )
    # What a "Save and …" button needs besides the article: kept in the workflow history.
    step_note = forms.CharField(
        required=False,
        label="Note for the history",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Goes with the next step. Returning a story to its reporter needs one.",
    )
    # The steps this user may take on this article, set by the admin for each request.
    steps_open = frozenset()

    class Meta:
        model = Article
        fields = [
            "headline",
            "slug",
            "standfirst",
            "body",
            "dateline_place",
            "dateline_agency",
            "section",
            "topics",
            "language",
            "translation_of",
            "credit_style",
            "comment_policy",
            "lead_image",
            "embargo_until",
            "notes",
            "credits_to_check",
        ]
        field_classes = {"topics": KnownKeysMultipleChoiceField}
        widgets = {
            "headline": forms.TextInput(attrs={"size": 90}),
            "standfirst": forms.Textarea(attrs={"rows": 3, "cols": 90}),
            "credits_to_check": forms.Textarea(attrs={"rows": 3, "cols": 90}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step_publish_at"] = publish_time_field("Publish at")
        if self.instance.pk:
            self.fields["opened_token"].initial = self.instance.edit_token
            if self.instance.credit_line_is_as_sent:
                self.fields[
                    "house_style"
                ].help_text += f" It would read: {self.instance.credit_line_in_house_style}"
        else:
            # A new story starts with its headline, not with the buttons above it.
            self.fields["headline"].widget.attrs["autofocus"] = True
        # The rich editor, unless the body holds what it would drop (then the HTML box).
        if "body" in self.fields:  # not when the page is read-only to this user
            sent = self.data.get(self.add_prefix("body"), "") if self.is_bound else ""
            self.fields["body"].widget = body_widget(
                f"{self.instance.body}{sent}",
                pictures=True,
                language=self.instance.language,
                stored=self.instance.body,
            )
            self.fields["body"].help_text = BODY_HELP
        if "lead_image" in self.fields:
            # Its thumbnail beside the box (static/newsroom-admin/library.js).
            box = self.fields["lead_image"].widget
            getattr(box, "widget", box).attrs["data-describe"] = reverse(
                "admin:library_libraryimage_described", args=[0]
            ).removesuffix("0/")

    class Media:
        js = ["newsroom-admin/library.js"]
        css = {"all": ["newsroom-admin/body-editor.css"]}  # the lead image's thumbnail

    def clean_body(self):
        # Opened and saved with nothing typed: the body stays exactly as it was.
        sent = self.cleaned_data["body"]
        return unchanged_body(sent, self.data.get(OPENED_FIELD), self.instance.body)

    def requested_step(self):
        """The step of the "Save and …" button that sent the form, if one did."""
        return STEPS.get(self.data.get(STEP_BUTTON, ""))

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            current = (
                Article.objects.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("edit_token", flat=True)
                .first()
            )
            if current is not None and cleaned.get("opened_token") != current:
                raise ValidationError(
                    "Someone else saved this article after you opened it, so your changes "
                    "were not saved and nothing was overwritten. Your text is still below: "
                    "copy what you need, open the article again, and apply your changes "
                    "to the latest version.",
                    code="stale",
                )
        if cleaned.get("house_style"):
            self.instance.credit_variant = {}
        step = self.requested_step()
        if step is not None:
            # Refused before anything is saved: the text stays in the form.
            if step.name not in self.steps_open:
                raise ValidationError(
                    f"This article cannot be {step.past} by you now; nothing was saved.",
                    code="step",
                )
            if step.note_required and not cleaned.get("step_note", "").strip():
                self.add_error("step_note", step.note_required)
        return cleaned


class TransitionForm(forms.Form):
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, step, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if step.note_required:
            self.fields["note"].required = True
            self.fields["note"].help_text = step.note_required
        if step.name == "publish":
            self.fields["publish_at"] = publish_time_field("Publish time")
            self.order_fields(["publish_at", "note"])


class TranslationForm(forms.Form):
    language = forms.ChoiceField(choices=settings.ARTICLE_LANGUAGES)
    translator = forms.ModelChoiceField(
        queryset=Contributor.objects.all(),
        required=False,
        help_text="Credited for the translation. Defaults to you, if you are a contributor.",
    )

    def __init__(self, original, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, name) for code, name in settings.ARTICLE_LANGUAGES if code != original.language
        ]
