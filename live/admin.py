"""Live coverage on the article's admin page: a short form to post, the posts and their actions.

Each button is a thin wrapper over a model method (live/models.py), which decides who may
do it; the outcome is reported with a message. The articles app's admin knows nothing of
it: the story's admin is registered again here with the live desk added.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from articles.editor import body_widget
from articles.models import Article, Contributor, Role, WorkflowError
from library.uploads import SafeImageField
from newsroom.admin_autocomplete import KnownKeysMultipleChoiceField, could_be_key

from .models import NEW_NAME_REFUSED, ONLY_YOURSELF, LiveCoverage, LivePost, LivePostCredit

POSTS_SHOWN = 30


class ContributorSearch(AutocompleteSelectMultiple):
    """The admin's search box for contributors. Sent back with a value that is no id (a
    name typed into a forged form), it shows the others: Django would fail looking it up."""

    def optgroups(self, name, value, attrs=None):
        ids = [v for v in value if could_be_key(Contributor._meta.pk, v)]
        return super().optgroups(name, ids, attrs)

    def build_attrs(self, base_attrs, extra_attrs=None):
        # Each name chosen has its own ×; select2's "clear all" would sit inside its list.
        return {**super().build_attrs(base_attrs, extra_attrs), "data-allow-clear": "false"}


class LivePostForm(forms.Form):
    """A post as the live desk offers it: its words in the story body's editor, and who
    reported it chosen from the contributors this person may credit on this story."""

    title = forms.CharField(max_length=250, required=False)
    body = forms.CharField(label="Words")
    reporters = forms.ModelMultipleChoiceField(Contributor.objects.none(), required=False)
    place = forms.CharField(label="From", max_length=100, required=False, help_text="e.g. Kyiv")
    image = SafeImageField(required=False)
    image_alt = forms.CharField(label="Image alt text", max_length=250, required=False)
    image_caption = forms.CharField(label="Image caption", max_length=500, required=False)

    def __init__(self, coverage, user, *args, **kwargs):
        # Prefixed: the post's fields sit on the article's page beside the article's own.
        super().__init__(*args, prefix="live", **kwargs)
        typed = self.data.get(self.add_prefix("body"), "") if self.is_bound else ""
        self.fields["body"].widget = body_widget(typed)
        self.fields["reporters"] = self.reporters_field(coverage, user)

    @staticmethod
    def reporters_field(coverage, user):
        """Anyone on the list, by autocomplete, for editors (or when an editor allowed it);
        otherwise only oneself, ticked."""
        creditable = coverage.creditable(user)
        if coverage.may_credit_anyone(user):
            source = LivePostCredit._meta.get_field("contributor")
            widget = ContributorSearch(source, admin.site)
            help_text = "Type a few letters of a contributor’s name."
            not_offered = "No such contributor: choose from the list."
        else:
            widget = forms.CheckboxSelectMultiple
            help_text = "Only yourself: an editor can let reporters credit others on this story."
            if not creditable.exists():
                help_text = "You have no contributor profile to be credited under."
            not_offered = ONLY_YOURSELF
        return KnownKeysMultipleChoiceField(
            creditable,
            label="Reported by",
            required=False,
            widget=widget,
            help_text=help_text,
            error_messages={"invalid_choice": not_offered, "invalid_pk_value": NEW_NAME_REFUSED},
        )

    def clean_reporters(self):
        # In the order they were chosen: the post's credit line names them so.
        chosen = list(self.cleaned_data["reporters"])
        order = self.data.getlist(self.add_prefix("reporters"))
        return sorted(chosen, key=lambda contributor: order.index(str(contributor.pk)))


def own_contributors(coverage, user):
    return list(coverage.creditable(user).filter(user=user).values_list("pk", flat=True))


class LiveCoverageAdminMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/live/<str:action>/",
                view(require_POST(self.live_view)),
                name="articles_article_live",
            ),
            path(
                "<path:object_id>/live/post/<int:post_id>/<str:action>/",
                view(require_POST(self.live_post_view)),
                name="articles_article_live_post",
            ),
        ] + super().get_urls()

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The band on a story that has had coverage, or that its reader could make live.
        could_start = obj is not None and obj.is_public and LiveCoverage.can_run(obj, request.user)
        if obj is not None and (LiveCoverage.of(obj) or could_start):
            desk = self.live_desk(request, obj, context.get("live_form"))
            context["live_desk"] = desk
            if desk["form"] is not None:
                # The post's editor and search box, also where the article itself is read-only.
                context["media"] = context["media"] + desk["form"].media
        return super().render_change_form(request, context, add, change, form_url, obj)

    def live_desk(self, request, article, form=None):
        user = request.user
        coverage = LiveCoverage.of(article)
        posts = article.live_posts.order_by("-posted_at", "-pk").with_credits()
        posts = posts.select_related("broken_out_to")
        can_post = coverage is not None and coverage.is_running and coverage.can_post(user)
        if form is None and can_post:
            own = own_contributors(coverage, user)
            form = LivePostForm(coverage, user, initial={"reporters": own})
        return {
            "article": article,
            "coverage": coverage,
            "can_run": LiveCoverage.can_run(article, user),
            # A refused post comes back with what was typed, whatever refused it.
            "form": form,
            "posts": list(posts[:POSTS_SHOWN]),
            "count": article.live_posts.count(),
        }

    def _back(self, article):
        return redirect(reverse("admin:articles_article_change", args=[article.pk]))

    def live_view(self, request, object_id, action):
        article = get_object_or_404(self.model, pk=object_id)
        try:
            if action == "start":
                LiveCoverage.start(article, request.user)
                messages.success(request, "Live coverage started: add posts from the form.")
            elif action == "end":
                LiveCoverage.running(article).end(request.user)
                messages.success(request, "Live coverage ended; the page stays for readers.")
            elif action == "post":
                return self._add_post(request, article)
            elif action in ("credit-others", "credit-self"):
                allowed = action == "credit-others"
                LiveCoverage.running(article).let_others_be_credited(request.user, allowed)
                messages.success(
                    request,
                    "Reporters may now credit any contributor on their posts."
                    if allowed
                    else "Reporters now credit only themselves on their posts.",
                )
            else:
                raise PermissionDenied
        except (WorkflowError, PermissionDenied) as error:
            messages.error(request, str(error) or "You may not do that.")
        return self._back(article)

    def _add_post(self, request, article):
        coverage = LiveCoverage.of(article) or LiveCoverage.running(article)  # says "no coverage"
        form = LivePostForm(coverage, request.user, request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            place = data["place"].strip()
            credits = [(Role.REPORTING, contributor, place) for contributor in data["reporters"]]
            try:
                coverage.add_post(
                    request.user,
                    data["body"],
                    title=data["title"],
                    image=data["image"],
                    image_alt=data["image_alt"],
                    image_caption=data["image_caption"],
                    credits=credits,
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.error_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, error)
            except (WorkflowError, PermissionDenied) as error:
                form.add_error(None, str(error) or "You may not post on this story.")
            else:
                messages.success(request, "Posted: readers see it now.")
                return self._back(article)
        # Nothing is lost: the page comes back with what was typed and why it was refused.
        messages.error(request, "The post was not added: see below.")
        request.method = "GET"  # show the article's page as it is, with this form on top
        return self.change_view(request, str(article.pk), extra_context={"live_form": form})

    def live_post_view(self, request, object_id, post_id, action):
        post = get_object_or_404(LivePost, pk=post_id, article_id=object_id)
        user = request.user
        try:
            if action in ("pin", "unpin"):
                post.pin(user, pinned=action == "pin")
                messages.success(request, "Pinned as a key point." if post.pinned else "Unpinned.")
            elif action == "correct":
                post.correct(user, request.POST.get("note", ""))
                messages.success(request, "Correction added to the post.")
            elif action == "withdraw":
                post.withdraw(user)
                messages.success(request, "Withdrawn: gone from the page, feed and JSON-LD.")
            elif action == "break-out":
                story = post.break_out(user)
                url = reverse("admin:articles_article_change", args=[story.pk])
                messages.success(request, "A draft article was made from the post.")
                return redirect(url)
            else:
                raise PermissionDenied
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except (WorkflowError, PermissionDenied) as error:
            messages.error(request, str(error) or "You may not do that.")
        return self._back(post.article)


class LiveArticleAdmin(LiveCoverageAdminMixin, type(admin.site.get_model_admin(Article))):
    """The story's admin as the articles app made it, with the live desk on its page."""


admin.site.unregister(Article)
admin.site.register(Article, LiveArticleAdmin)
