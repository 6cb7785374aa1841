"""RSS and Atom feeds: latest stories, per section and per contributor."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from newsroom.pagecache import shows

from .cachetags import contributor as contributor_page
from .cachetags import contributor_stories, section_stories, topic_stories
from .models import Article, Contributor, Correction, Section, Topic

FEED_LENGTH = 30


class LatestArticlesFeed(Feed):
    def title(self, obj=None):
        return f"{settings.NEWSROOM_NAME}: {_('Latest news')}"

    description = _("The latest published stories.")

    def link(self, obj=None):
        return reverse("articles:home")

    def feed_url(self, obj=None):
        return reverse("articles:feed-rss")

    def published(self, obj=None):
        return Article.objects.published()

    def items(self, obj=None):
        return (
            self.published(obj)
            .select_related("section")
            .with_credits()
            .order_by("-publish_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        # Feed readers show a description as HTML; a standfirst is plain text.
        return escape(item.standfirst)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.first_published_at or item.publish_at

    def item_updateddate(self, item):
        return item.updated_at or item.publish_at

    def item_author_name(self, item):
        return ", ".join(dict.fromkeys(c.contributor.name for c in item.credits.all())) or None

    def item_categories(self, item):
        return [item.section.name]

    def item_extra_kwargs(self, item):
        return {"language": item.language}


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description

    def feed_url(self, obj=None):
        return reverse("articles:feed-atom")


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        section = get_object_or_404(Section, slug=slug)
        shows(section_stories(section.pk))
        return section

    def title(self, obj):
        return f"{settings.NEWSROOM_NAME}: {obj.local_name}"

    def description(self, obj):
        text = obj.description or _("The latest stories in %(section)s.") % {
            "section": obj.local_name
        }
        return escape(text)

    def link(self, obj):
        return obj.get_absolute_url()

    def feed_url(self, obj):
        return reverse("articles:section-feed-rss", kwargs={"slug": obj.slug})

    def published(self, obj):
        return Article.objects.published().filter(section=obj)


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)

    def feed_url(self, obj):
        return reverse("articles:section-feed-atom", kwargs={"slug": obj.slug})


class TopicFeed(SectionFeed):
    def get_object(self, request, slug):
        topic = get_object_or_404(Topic, slug=slug)
        shows(topic_stories(topic.pk))
        return topic

    def feed_url(self, obj):
        return reverse("articles:topic-feed-rss", kwargs={"slug": obj.slug})

    def published(self, obj):
        return Article.objects.published().filter(topics=obj)


class TopicAtomFeed(TopicFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)

    def feed_url(self, obj):
        return reverse("articles:topic-feed-atom", kwargs={"slug": obj.slug})


class ContributorFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        contributor = get_object_or_404(Contributor, slug=slug)
        shows(contributor_page(contributor.pk), contributor_stories(contributor.pk))
        return contributor

    def title(self, obj):
        return f"{settings.NEWSROOM_NAME}: {obj.name}"

    def description(self, obj):
        return escape(_("Stories credited to %(name)s.") % {"name": obj.name})

    def link(self, obj):
        return obj.get_absolute_url()

    def feed_url(self, obj):
        return reverse("articles:contributor-feed-rss", kwargs={"slug": obj.slug})

    def published(self, obj):
        return Article.objects.published().credited_to(obj)


class ContributorAtomFeed(ContributorFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)

    def feed_url(self, obj):
        return reverse("articles:contributor-feed-atom", kwargs={"slug": obj.slug})


class CorrectionsFeed(Feed):
    description = _("Corrections to our published stories, newest first.")

    def title(self):
        return f"{settings.NEWSROOM_NAME}: {_('Corrections')}"

    def link(self):
        return reverse("articles:corrections")

    def items(self):
        return (
            Correction.objects.public()
            .select_related("article")
            .order_by("-published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return _("Correction: %(headline)s") % {"headline": item.article.headline}

    def item_description(self, item):
        return escape(item.text)

    def item_pubdate(self, item):
        return item.published_at
