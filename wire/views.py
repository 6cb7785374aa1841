from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.html import format_html
from django.views.generic import DetailView, FormView

from articles.models import Article, WorkflowError
from live.models import LivePost

from .export import article_to_ninjs
from .forms import ImportStoryForm
from .importer import may_import, read_items, save_story
from .live_ninjs import post_to_ninjs, with_live_posts
from .ninjs3 import as_asked
from .story import BadStory, PictureItem, WirePicture


class NinjsView(DetailView):
    """A published article as IPTC ninjs 2.2, for partners and aggregators; as 3.1 with
    ``?version=3`` (a query, not an Accept header: the page cache keys on the address)."""

    def get_queryset(self):
        shown = Q(pk__in=Article.objects.published().values("pk"))
        # A kill notice stays public: partners must learn to take the story down.
        shown |= Q(pk__in=Article.objects.gone().values("pk"))
        if Article.may_see_unpublished(self.request.user):
            # Staff may pass an embargoed story to partners; it says "withheld".
            shown |= Q(status=Article.Status.PUBLISHED)
        return (
            Article.objects.filter(shown)
            .select_related("section", "translation_of", "lead_image__photographer")
            .with_credits()
            .with_extensions()
            .prefetch_related("topics")
        )

    def render_to_response(self, context):
        absolute = self.request.build_absolute_uri
        item = with_live_posts(article_to_ninjs(self.object, absolute), self.object, absolute)
        item = as_asked(self.request, item)
        return JsonResponse(item, json_dumps_params={"ensure_ascii": False, "indent": 2})


class LivePostNinjsView(NinjsView):
    """One post of a live story as ninjs; a withdrawn one answers a kill notice."""

    def render_to_response(self, context):
        post = get_object_or_404(
            LivePost.objects.with_credits(), pk=self.kwargs["post_id"], article=self.object
        )
        post.article = self.object
        item = as_asked(self.request, post_to_ninjs(post, self.request.build_absolute_uri))
        return JsonResponse(item, json_dumps_params={"ensure_ascii": False, "indent": 2})


class ImportStoryView(FormView):
    """The admin's "Import wire story" page: an uploaded file or pasted copy."""

    form_class = ImportStoryForm
    template_name = "admin/wire/import_story.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **admin.site.each_context(self.request),
            opts=Article._meta,
            title="Import wire story",
            **kwargs,
        )

    def form_valid(self, form):
        """Each story of the file on its own, as the wire inbox takes it (a content-API
        answer wraps several); a picture needs its file beside it, which only the inbox has."""
        data, name = form.story_source()
        try:
            items = read_items(data, name)
        except BadStory as error:
            items = [error]
        saved, refused = [], []
        for number, item in enumerate(items, start=1):
            try:
                if isinstance(item, BadStory):
                    raise item
                if isinstance(item, WirePicture):
                    label = name if len(items) == 1 else f"{name}, item {number} of {len(items)}"
                    raise PictureItem(item, label)
                with transaction.atomic():
                    saved.append(self.save(form, item))
            except (BadStory, PermissionDenied, WorkflowError) as error:
                refused.append(str(error))
        if not saved:
            form.add_error(None, f"{' '.join(refused)} Nothing was imported.")
            return self.form_invalid(form)
        for result in saved:
            self.report(result)
        for reason in refused:
            messages.error(self.request, f"Not imported: {reason}")
        if len(items) == 1:
            return redirect("admin:articles_article_change", saved[0].article.pk)
        return redirect("admin:articles_article_changelist")

    def save(self, form, story):
        return save_story(
            story,
            self.request.user,
            publish=form.cleaned_data["publish"],
            section=form.cleaned_data["section"],
        )

    def report(self, result):
        article = result.article
        done = {
            "created": "imported",
            "updated": "updated from the wire",
            "held": "not changed: the wire's version waits for the desk beside it",
            "withdrawn": "withdrawn by the wire's kill notice",
        }[result.kind]
        messages.success(
            self.request,
            format_html(
                "“{}” was {}; it is now {}.",
                article.headline,
                done,
                article.get_status_display().lower(),
            ),
        )
        for note in result.notes:
            if note != result.check:
                messages.warning(self.request, f"Kept as a note on the article: {note}")
        if result.check:
            messages.warning(self.request, f"Credits need checking: {result.check}")
