from datetime import timedelta

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import (
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    prefetch_related_objects,
)
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView

from library.cachetags import photos_by
from library.models import LibraryImage
from newsroom.pagecache import kept, shown_so_far, shows

from . import cachetags, embeds, extensions, search, structured_data
from .models import Article, Contributor, Correction, FrontPageSlot, Section, Topic
from .models.article import credits_with_people
from .pagination import NewerOlderPaginator
from .related import related_stories

PHOTO_COUNT = 8
# The lead story and the ones beside it at the top of the home page.
TOP_COUNT = 4


def story_parts(article):
    """The story with its credits and the corrections due, each read once, in two queries."""
    prefetch_related_objects([article], credits_with_people(), due_corrections())
    return article


def due_corrections():
    """An article's corrections as readers see them: none before its time."""
    return Prefetch("corrections", queryset=Correction.objects.due())


class PublishedListView(ListView):
    context_object_name = "articles"
    paginate_by = 20
    paginator_class = NewerOlderPaginator

    def get_queryset(self):
        # A card shows no body, notes or credits: a page of twenty reads none of them.
        return (
            Article.objects.published()
            .select_related("section", "lead_image")
            .defer("body", "notes")
            .for_lists()
        )


class OneVersionPerStoryMixin:
    """Lists show a story once: a translation is reached from its published original."""

    def get_queryset(self):
        return super().get_queryset().one_per_story()


class HomeView(OneVersionPerStoryMixin, PublishedListView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        articles = list(context["articles"])
        top = []
        if context["page_obj"].number == 1:
            # The stories editors pinned, in their order, lead first; then the newest.
            shows(cachetags.FRONT_PAGE)
            top = self.pinned()
            pinned = {article.pk for article in top}
            articles = [article for article in articles if article.pk not in pinned]
            top += articles[: max(0, TOP_COUNT - len(top))]
            articles = articles[len(top) - len(pinned) :]
        lead = top[0] if top else None
        by_section = {}
        for article in sorted(articles, key=lambda a: (a.section.position, a.section.name)):
            by_section.setdefault(article.section, []).append(article)
        context.update(lead=lead, top=top[1:], by_section=list(by_section.items()))
        return context

    def pinned(self):
        # Kept until a pin changes, expires (the schedule renews "front-page") or a
        # story's state changes; the stories themselves come with the page's list query.
        ids = kept(
            "front-page-pins",
            [cachetags.FRONT_PAGE, cachetags.EVERY_STORY],
            lambda: list(
                FrontPageSlot.objects.current()
                .order_by("position", "pk")
                .values_list("article_id", flat=True)
            ),
        )
        order = {}
        for article_id in ids:
            order.setdefault(article_id, len(order))
        if not order:
            return []
        found = self.get_queryset().filter(pk__in=order)
        return sorted(found, key=lambda article: order[article.pk])


class SectionView(OneVersionPerStoryMixin, PublishedListView):
    template_name = "articles/section.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        shows(cachetags.section_stories(self.section.pk))
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class TopicView(PublishedListView):
    template_name = "articles/topic.html"

    def get_queryset(self):
        self.topic = get_object_or_404(Topic, slug=self.kwargs["slug"])
        shows(cachetags.topic_stories(self.topic.pk))
        return super().get_queryset().filter(topics=self.topic)

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, **kwargs)


class ContributorView(PublishedListView):
    template_name = "articles/contributor.html"

    def get_queryset(self):
        self.contributor = get_object_or_404(
            Contributor.objects.select_related("photo"), slug=self.kwargs["slug"]
        )
        person = self.contributor.pk
        shows(cachetags.contributor(person), cachetags.contributor_stories(person))
        return super().get_queryset().credited_to(self.contributor).with_credits()

    def photos(self):
        """The photographer's newest pictures leading a story readers may see, each with it."""
        shows(photos_by(self.contributor.pk))
        leading = Article.objects.published().filter(lead_image=OuterRef("pk"))
        return list(
            LibraryImage.objects.filter(photographer=self.contributor)
            .annotate(story_slug=Subquery(leading.values("slug")[:1]))
            .filter(story_slug__isnull=False)[:PHOTO_COUNT]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            contributor=self.contributor,
            structured_data=structured_data.profile_page(self.request, self.contributor),
            **kwargs,
        )
        if context["page_obj"].number == 1:
            context["photos"] = self.photos()
        for article in context["articles"]:
            article.contributor_roles = [
                credit.get_role_display()
                for credit in article.credits.all()
                if credit.contributor_id == self.contributor.pk
            ]
        return context


class SearchView(PublishedListView):
    template_name = "articles/search.html"
    paginator_class = Paginator  # readers are told how many stories match

    def get_queryset(self):
        self.query = self.request.GET.get("q", "").strip()[:200]
        words = search.normalized(self.query)
        if not words:
            return Article.objects.none()
        # What a query finds is kept until a public story changes; each page of results
        # then reads only its own stories.
        ids = kept(
            f"search:{words}",
            [cachetags.SEARCHED],
            lambda: search.best_first_ids(Article.objects.published(), words),
        )
        return search.Results(super().get_queryset(), ids)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        if self.query and getattr(self.request, "renders_for_page_cache", False):
            # A page of results, as HTML, kept until a public story changes (the kept keys'
            # tag) or one it shows does: then it reads no story at all.
            page = context["page_obj"].number
            context["results_html"] = kept(
                f"search-results:{translation.get_language()}:{page}:{self.query}",
                shown_so_far(),
                lambda: render_to_string(
                    "articles/includes/search_results.html", context, self.request
                ),
            )
        return context


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        # Its credits and corrections are read with the story's text (story_parts), which
        # a reader is most often given as kept.
        return (
            self.stories()
            .select_related("section", "translation_of", "lead_image__photographer")
            .with_extensions()
            .prefetch_related("topics")
        )

    def stories(self):
        """The articles this view shows: those readers may see."""
        return Article.objects.published()

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object()
        except Http404:
            if self.was_withdrawn():
                return TemplateResponse(request, "410.html", status=410)
            raise
        # The page speaks the article's language, whatever the reader's browser asks for.
        with translation.override(self.object.language):
            response = self.render_to_response(self.get_context_data(object=self.object))
            response.render()
        response.headers["Content-Language"] = self.object.language
        origins = set(embeds.frame_origins(response.content.decode()))
        for extension in extensions.registered():
            origins.update(extension.frame_origins(self.object))
        if origins:
            # Only a page showing an embed may frame its provider (after the reader's click).
            response._csp_update = {"frame-src": sorted(origins)}
        return response

    def was_withdrawn(self):
        return Article.objects.gone().filter(slug=self.kwargs.get("slug")).exists()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        root_id = article.translation_of_id or article.pk
        versions = kept(
            f"versions:{root_id}:{article.pk}",
            [cachetags.versions_of(root_id)],
            lambda: list(
                Article.objects.published()
                .filter(Q(pk=root_id) | Q(translation_of_id=root_id))
                .exclude(pk=article.pk)
                .order_by("language")
            ),
        )
        original = next((v for v in versions if v.pk == article.translation_of_id), None)
        topics = article.topics.all()
        # Kept as the HTML of its cards, in the page's language; named by what it is
        # worked out from, so that an edit of the story's words does not end it.
        placed = f"{article.section_id}:{article.language}:{sorted(t.pk for t in topics)}"
        related_html = kept(
            f"related:{article.pk}:{translation.get_language()}:{placed}",
            [
                cachetags.versions_of(root_id),
                cachetags.section_stories(article.section_id),
                *(cachetags.topic_stories(topic.pk) for topic in topics),
            ],
            lambda: render_to_string(
                "articles/includes/related.html",
                {"related": related_stories(article, [article.pk, *(v.pk for v in versions)])},
                self.request,
            ),
        )
        context.update(
            translations=versions,
            related_html=related_html,
            structured_data=kept(
                f"json-ld:{self.request.build_absolute_uri('/')}:{article.pk}",
                [cachetags.story(article.pk), cachetags.versions_of(root_id)],
                lambda: structured_data.news_article(self.request, story_parts(article), original),
            ),
        )
        context["story_html"] = self.kept_story(context)
        return context

    def kept_story(self, context):
        """The story itself (header, picture, text, live posts, credits, corrections) as
        HTML, kept until anything it shows changes; None when the page is one reader's."""
        article, request = context["article"], self.request
        if not getattr(request, "renders_for_page_cache", False):
            story_parts(article)  # the template shows it as it is now
            return None

        def render():
            story_parts(article)
            return render_to_string("articles/includes/story.html", context, request)

        name = f"story:{article.pk}:{translation.get_language()}:{request.GET.urlencode()}"
        # What the page read before (the story, its section and picture …) shows in the
        # text too: the part is kept under those tags as well as those of what it reads.
        return kept(name, shown_so_far(), render)


@method_decorator(staff_member_required, name="dispatch")
# A draft is for the newsroom's eyes: no browser or shared cache keeps it (as the admin).
@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Newsroom staff see any article exactly as readers will, whatever its state."""

    def dispatch(self, request, *args, **kwargs):
        # Staff of the comments desk have no business with unpublished articles.
        if not Article.may_see_unpublished(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def stories(self):
        return Article.objects.all()

    def get_context_data(self, **kwargs):
        # Readers have not seen it yet (withdrawn stories were out once): no time, no comments.
        not_yet = not self.object.is_public and self.object.status != Article.Status.WITHDRAWN
        return super().get_context_data(preview=True, not_yet_published=not_yet, **kwargs)


class NewsSitemapView(TemplateView):
    """Google News sitemap: what was published in the last two days."""

    template_name = "sitemaps/news.xml"
    content_type = "application/xml"

    def get_context_data(self, **kwargs):
        since = timezone.now() - timedelta(days=2)
        articles = Article.objects.published().filter(publish_at__gte=since).order_by("-publish_at")
        return super().get_context_data(articles=articles[:1000], **kwargs)


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"


class CorrectionListView(ListView):
    """Every correction readers may see, newest first: the newsroom's public record."""

    template_name = "articles/corrections.html"
    context_object_name = "corrections"
    paginate_by = 30

    def get_queryset(self):
        return (
            Correction.objects.public()
            .select_related("article__section")
            .order_by("-published_at", "-pk")
        )
