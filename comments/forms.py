import time

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from newsroom import pagecache

from . import ratelimit
from .models import Comment, Report
from .moderation import submit_comment
from .text import count_links, is_one_line, plain_name, without_direction_controls

TIMESTAMP_SALT = "comments.form-timestamp"
# The page cache fills each reader's own form time in, as it does their CSRF token.
FORM_TIME = "comment-form-time"


def make_timestamp(article, at=None):
    """A signed note of when the form was shown, for which article."""
    return signed_form_time(article.pk, at)


def signed_form_time(article_pk, at=None):
    shown_at = int(at if at is not None else time.time())
    return signing.dumps({"a": int(article_pk), "t": shown_at}, salt=TIMESTAMP_SALT)


class CommentForm(forms.Form):
    name = forms.CharField(
        max_length=80, label=_("Your name"), help_text=_("Shown with your comment.")
    )
    email = forms.EmailField(
        max_length=254,
        label=_("Your email"),
        help_text=_("Never shown. We may send it a link to confirm it is yours."),
    )
    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 5}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    timestamp = forms.CharField(widget=forms.HiddenInput)
    # People never see this field; a bot filling in every field does.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, article, user=None, ip=None, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.article, self.ip, self.is_bot = article, ip, False
        self.user = user if user is not None and user.is_authenticated and user.is_staff else None
        if self.user is not None:
            del self.fields["name"], self.fields["email"]
        self.fields["timestamp"].initial = (
            pagecache.per_reader(request, FORM_TIME, article.pk)
            if request is not None
            else make_timestamp(article)
        )
        self.max_length = settings.COMMENTS_MAX_LENGTH
        if self.max_length:
            self.fields["text"].widget.attrs["maxlength"] = self.max_length
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            *(["name", "email"] if self.user is None else []),
            Field("text"),
            "parent",
            "timestamp",
            Div("website", css_class="visually-hidden", aria_hidden="true"),
            Submit("submit", _("Post comment")),
        )

    # Each refusal says what to do next; what the reader typed stays in the form.

    def clean_website(self):
        if self.cleaned_data["website"]:
            self.is_bot = True
            raise forms.ValidationError(_("Your comment could not be accepted."))
        return ""

    def check_timestamp(self, value):
        # A hidden field: its errors are shown above the form.
        try:
            data = signing.loads(value, salt=TIMESTAMP_SALT)
            shown_at, article_pk = float(data["t"]), data["a"]
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            self.is_bot = True
            raise forms.ValidationError(
                _("Something went wrong with this form. Please send your comment again.")
            ) from None
        if article_pk != self.article.pk:
            raise forms.ValidationError(
                _("This form belongs to another article. Please send your comment again.")
            )
        age = time.time() - shown_at
        if age < settings.COMMENTS_MIN_SECONDS:
            raise forms.ValidationError(
                _(
                    "That was quick! Please take a moment to read your comment over, "
                    "then send it again."
                )
            )
        if settings.COMMENTS_FORM_MAX_AGE and age > settings.COMMENTS_FORM_MAX_AGE:
            raise forms.ValidationError(
                _(
                    "This page was open for a long time, so the form has expired. "
                    "Your comment is still here: please send it again."
                )
            )
        return shown_at

    def clean_name(self):
        typed = self.cleaned_data["name"]
        if not is_one_line(typed):
            raise forms.ValidationError(_("Please write your name on a single line."))
        name = plain_name(typed)
        if not name:
            raise forms.ValidationError(_("Please write your name."))
        return name

    def clean_text(self):
        # Without what would make it show otherwise than the rules below read it.
        text = without_direction_controls(self.cleaned_data["text"]).strip()
        if self.max_length and len(text) > self.max_length:
            raise forms.ValidationError(
                _("Please keep your comment under %(max)d characters (it has %(count)d).")
                % {"max": self.max_length, "count": len(text)}
            )
        links, allowed = count_links(text), settings.COMMENTS_MAX_LINKS
        if allowed and links > allowed:
            raise forms.ValidationError(
                _("Please include no more than %(max)d links (your comment has %(count)d).")
                % {"max": allowed, "count": links}
            )
        return text

    def clean_parent(self):
        pk = self.cleaned_data.get("parent")
        if not pk:
            return None
        parent = (
            Comment.objects.approved()
            .filter(article=self.article, pk=pk)
            .select_related("parent")
            .first()
        )
        if parent is None:
            raise forms.ValidationError(
                _(
                    "The comment you replied to is no longer available. "
                    "You can post yours as a new comment instead."
                )
            )
        # One level of replies: a reply to a reply joins the same thread.
        return parent.parent or parent

    def clean(self):
        cleaned = super().clean()
        if "timestamp" in cleaned:
            self.check_timestamp(cleaned["timestamp"])
        if self.errors:
            return cleaned
        email = self.user.email if self.user else cleaned.get("email", "")
        too_many = ratelimit.is_limited(
            "ip", self.ip, settings.COMMENTS_RATE_PER_IP
        ) or ratelimit.is_limited("email", email, settings.COMMENTS_RATE_PER_EMAIL)
        if too_many:
            raise forms.ValidationError(
                _(
                    "Thank you for taking part! You have posted several comments in a short time; "
                    "please wait a few minutes before posting again. Your comment is still here."
                )
            )
        return cleaned

    def full_clean(self):
        super().full_clean()
        # Errors of hidden fields would go unseen: show them above the form.
        for name, field in self.fields.items():
            if field.widget.is_hidden and name in self._errors:
                self.add_error(None, forms.ValidationError(self._errors.pop(name).as_data()))

    def renew_timestamp(self):
        """Show a form with errors again with a fresh timestamp, so it can be sent again."""
        self.data = self.data.copy()
        self.data[self.add_prefix("timestamp")] = make_timestamp(self.article)

    def save(self, queue_url=None, proven_emails=(), site_url=""):
        """The comment, saved; proven_emails are the addresses the reader's browser proved."""
        data = self.cleaned_data
        if self.user is not None:
            name = self.user.get_full_name() or self.user.get_username()
            email = self.user.email
        else:
            name, email = data["name"], data["email"]
        ratelimit.count("ip", self.ip)
        ratelimit.count("email", email)
        return submit_comment(
            self.article,
            name=name,
            email=email,
            text=data["text"],
            parent=data.get("parent"),
            user=self.user,
            ip=self.ip,
            queue_url=queue_url,
            proven=email.strip().lower() in proven_emails,
            site_url=site_url,
        )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(choices=Report.Reason.choices, label=_("Why?"))
