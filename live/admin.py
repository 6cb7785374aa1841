"""Live coverage on the article's admin page: a short form to post, the posts and their actions.

Each button is a thin wrapper over a model method (live/models.py), which decides who may
do it; the outcome is reported with a message. The articles app's admin knows nothing of
it: the story's admin is registered again here with the live desk added.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from articles.models import Article, Contributor, Role, WorkflowError
from library.uploads import SafeImageField

from .models import LiveCoverage, LivePost

POSTS_SHOWN = 30


class LivePostForm(forms.Form):
    title = forms.CharField(max_length=250, required=False)
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="HTML as in articles: paragraphs, subheads, links, quotes and lists.",
    )
    reporter = forms.CharField(
        label="Reported by", max_length=150, required=False, help_text="One name, or none."
    )
    place = forms.CharField(label="From", max_length=100, required=False, help_text="e.g. Kyiv")
    image = SafeImageField(required=False)
    image_alt = forms.CharField(label="Image alt text", max_length=250, required=False)
    image_caption = forms.CharField(label="Image caption", max_length=500, required=False)

    def clean_reporter(self):
        name = self.cleaned_data["reporter"].strip()
        try:
            return Contributor.objects.for_name(name) if name else None
        except ValidationError as error:
            raise ValidationError(error.messages) from None


def default_reporter(user):
    contributor = Contributor.objects.filter(user=user).first()
    return contributor.name if contributor else ""


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
        if obj is not None and (LiveCoverage.of(obj) or obj.is_public):
            context["live_desk"] = self.live_desk(request, obj, context.get("live_form"))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def live_desk(self, request, article, form=None):
        user = request.user
        coverage = LiveCoverage.of(article)
        posts = article.live_posts.order_by("-posted_at", "-pk").with_credits()
        posts = posts.select_related("broken_out_to")
        return {
            "article": article,
            "coverage": coverage,
            "can_post": coverage is not None and coverage.is_running and coverage.can_post(user),
            "can_run": LiveCoverage.can_run(article, user),
            "form": form or LivePostForm(initial={"reporter": default_reporter(user)}),
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
            else:
                raise PermissionDenied
        except (WorkflowError, PermissionDenied) as error:
            messages.error(request, str(error) or "You may not do that.")
        return self._back(article)

    def _add_post(self, request, article):
        form = LivePostForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            credits = []
            if data["reporter"]:
                credits.append((Role.REPORTING, data["reporter"], data["place"].strip()))
            try:
                LiveCoverage.running(article).add_post(
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
