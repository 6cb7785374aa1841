from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from newsroom.pagecache import public_page

from . import cachetags, feeds, views
from .models import Article, Contributor, Section, Topic
from .redirects import public_page_by_slug
from .sitemaps import SITEMAPS

app_name = "articles"

# What the pages listing every story, and every correction, show (articles/cachetags.py).
EVERY_STORY = [cachetags.EVERY_STORY]
CORRECTIONS = [cachetags.EVERY_STORY, cachetags.CORRECTIONS]


def page(view, name, owners):
    return public_page_by_slug(view, f"articles:{name}", owners)


stories = Article.objects.addressable
sections = Section.objects.all
people = Contributor.objects.all
topics = Topic.objects.all

urlpatterns = [
    path("", public_page(views.HomeView.as_view(), shows=EVERY_STORY), name="home"),
    path("search/", public_page(views.SearchView.as_view(), shows=EVERY_STORY), name="search"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path(
        "section/<slug:slug>/",
        page(views.SectionView.as_view(), "section", sections),
        name="section",
    ),
    path(
        "contributor/<slug:slug>/",
        page(views.ContributorView.as_view(), "contributor", people),
        name="contributor",
    ),
    path("topic/<slug:slug>/", page(views.TopicView.as_view(), "topic", topics), name="topic"),
    path(
        "topic/<slug:slug>/rss/",
        page(feeds.TopicFeed(), "topic-feed-rss", topics),
        name="topic-feed-rss",
    ),
    path(
        "topic/<slug:slug>/atom/",
        page(feeds.TopicAtomFeed(), "topic-feed-atom", topics),
        name="topic-feed-atom",
    ),
    path(
        "articles/<slug:slug>/",
        page(views.ArticleDetailView.as_view(), "detail", stories),
        name="detail",
    ),
    path(
        "corrections/",
        public_page(views.CorrectionListView.as_view(), shows=CORRECTIONS),
        name="corrections",
    ),
    path(
        "corrections/rss/",
        public_page(feeds.CorrectionsFeed(), shows=CORRECTIONS),
        name="corrections-feed",
    ),
    # Feeds
    path("feeds/rss/", public_page(feeds.LatestArticlesFeed(), shows=EVERY_STORY), name="feed-rss"),
    path(
        "feeds/atom/",
        public_page(feeds.LatestArticlesAtomFeed(), shows=EVERY_STORY),
        name="feed-atom",
    ),
    path(
        "section/<slug:slug>/rss/",
        page(feeds.SectionFeed(), "section-feed-rss", sections),
        name="section-feed-rss",
    ),
    path(
        "section/<slug:slug>/atom/",
        page(feeds.SectionAtomFeed(), "section-feed-atom", sections),
        name="section-feed-atom",
    ),
    path(
        "contributor/<slug:slug>/rss/",
        page(feeds.ContributorFeed(), "contributor-feed-rss", people),
        name="contributor-feed-rss",
    ),
    path(
        "contributor/<slug:slug>/atom/",
        page(feeds.ContributorAtomFeed(), "contributor-feed-atom", people),
        name="contributor-feed-atom",
    ),
    # For search engines
    # An index of sitemaps, each paginated: an archive of any size stays listed.
    path(
        "sitemap.xml",
        public_page(sitemap_views.index, shows=EVERY_STORY),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "articles:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-news.xml",
        public_page(views.NewsSitemapView.as_view(), shows=EVERY_STORY),
        name="news-sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_page(sitemap_views.sitemap, shows=EVERY_STORY),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
]
