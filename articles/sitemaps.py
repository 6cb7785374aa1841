from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef

from .models import Article, Contributor, Credit, Section, Topic


class ArticleSitemap(Sitemap):
    changefreq = "hourly"
    limit = 5000

    def items(self):
        return Article.objects.published().order_by("-publish_at", "-pk")

    def lastmod(self, item):
        return item.updated_at or item.publish_at


class SectionSitemap(Sitemap):
    """Each section page in every interface language, each naming the others (hreflang)."""

    changefreq = "hourly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Section.objects.all()


class ContributorSitemap(Sitemap):
    changefreq = "daily"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        # Only people readers can reach through a published story; a probe per
        # contributor, not a DISTINCT over every credit of every story.
        return Contributor.objects.filter(
            Exists(
                Credit.objects.filter(
                    contributor=OuterRef("pk"), article__in=Article.objects.published()
                )
            )
        )


class TopicSitemap(Sitemap):
    """Topics readers can reach through a published story, in every interface language."""

    changefreq = "daily"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Topic.objects.filter(
            Exists(
                Article.topics.through.objects.filter(
                    topic=OuterRef("pk"), article__in=Article.objects.published()
                )
            )
        )


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "contributors": ContributorSitemap,
    "topics": TopicSitemap,
}
