from django import forms

from articles.models import Article, Section

MAX_STORY_BYTES = 2 * 1024 * 1024


class ImportStoryForm(forms.Form):
    file = forms.FileField(
        required=False,
        help_text="Wire copy as a UTF-8 text file, or an IPTC ninjs 2.x JSON file.",
    )
    text = forms.CharField(
        required=False,
        label="Or paste the copy",
        widget=forms.Textarea(attrs={"rows": 16, "cols": 90}),
        help_text="Headline on the first line, then the story (paragraphs apart by an "
        "empty line) and the credit footer in parentheses.",
    )
    section = forms.ModelChoiceField(
        queryset=Section.objects.all(),
        required=False,
        help_text="Leave empty for the section a ninjs item names, the section of the "
        "article being updated, or else the first section.",
    )
    publish = forms.BooleanField(
        required=False, help_text="Publish at once instead of sending it to review."
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not Article.may_publish(user):
            del self.fields["publish"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_STORY_BYTES:
            raise forms.ValidationError(
                f"This file is too large for a story: the limit is {MAX_STORY_BYTES // 2**20} MB."
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        cleaned.setdefault("publish", False)
        if bool(cleaned.get("file")) == bool(cleaned.get("text", "").strip()):
            raise forms.ValidationError("Upload a file or paste the copy (one of the two).")
        return cleaned

    def story_source(self):
        """(bytes, name) of what was given."""
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.read(), upload.name
        return self.cleaned_data["text"].encode("utf-8"), "Pasted copy"
