from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from .images import SafeImageField
from .models import Article, Contributor


class ArticleAdminForm(forms.ModelForm):
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
            "language",
            "translation_of",
            "credit_style",
            "comment_policy",
            "lead_image",
            "lead_image_caption",
            "lead_image_alt",
            "lead_image_credit",
            "embargo_until",
            "notes",
            "credits_to_check",
        ]
        field_classes = {"lead_image": SafeImageField}
        widgets = {
            "headline": forms.TextInput(attrs={"size": 90}),
            "standfirst": forms.Textarea(attrs={"rows": 3, "cols": 90}),
            "body": forms.Textarea(attrs={"rows": 24, "cols": 90}),
            "credits_to_check": forms.Textarea(attrs={"rows": 3, "cols": 90}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["opened_token"].initial = self.instance.edit_token
            if self.instance.credit_line_is_as_sent:
                self.fields[
                    "house_style"
                ].help_text += f" It would read: {self.instance.credit_line_in_house_style}"

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
        return cleaned


class TransitionForm(forms.Form):
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, step, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if step.note_required:
            self.fields["note"].required = True
            self.fields["note"].help_text = step.note_required
        if step.name == "publish":
            self.fields["publish_at"] = forms.SplitDateTimeField(
                required=False,
                label="Publish time",
                help_text="Leave empty to publish now; a future time schedules it.",
                widget=forms.SplitDateTimeWidget(
                    date_attrs={"type": "date"}, time_attrs={"type": "time"}
                ),
            )


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
