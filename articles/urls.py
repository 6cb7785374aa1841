from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from newsroom.pagecache import public_page

from . import feeds, views
from .sitemaps import SITEMAPS

app_name = "articles"

# Tags of the pages listing every story, and every correction (articles/pages.py).
EVERY_STORY = ["articles"]
CORRECTIONS = ["articles", "corrections"]

urlpatterns = [
    path("", public_page(views.HomeView.as_view(), shows=EVERY_STORY), name="home"),
    path("search/", public_page(views.SearchView.as_view(), shows=EVERY_STORY), name="search"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("section/<slug:slug>/", public_page(views.SectionView.as_view()), name="section"),
    path(
        "contributor/<slug:slug>/", public_page(views.ContributorView.as_view()), name="contributor"
    ),
    path("articles/<slug:slug>/", public_page(views.ArticleDetailView.as_view()), name="detail"),
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
    path("section/<slug:slug>/rss/", public_page(feeds.SectionFeed()), name="section-feed-rss"),
    path(
        "section/<slug:slug>/atom/", public_page(feeds.SectionAtomFeed()), name="section-feed-atom"
    ),
    path(
        "contributor/<slug:slug>/rss/",
        public_page(feeds.ContributorFeed()),
        name="contributor-feed-rss",
    ),
    path(
        "contributor/<slug:slug>/atom/",
        public_page(feeds.ContributorAtomFeed()),
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
