from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from . import feeds, views
from .sitemaps import SITEMAPS

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("section/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("contributor/<slug:slug>/", views.ContributorView.as_view(), name="contributor"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("corrections/", views.CorrectionListView.as_view(), name="corrections"),
    path("corrections/rss/", feeds.CorrectionsFeed(), name="corrections-feed"),
    # Feeds
    path("feeds/rss/", feeds.LatestArticlesFeed(), name="feed-rss"),
    path("feeds/atom/", feeds.LatestArticlesAtomFeed(), name="feed-atom"),
    path("section/<slug:slug>/rss/", feeds.SectionFeed(), name="section-feed-rss"),
    path("section/<slug:slug>/atom/", feeds.SectionAtomFeed(), name="section-feed-atom"),
    path("contributor/<slug:slug>/rss/", feeds.ContributorFeed(), name="contributor-feed-rss"),
    path(
        "contributor/<slug:slug>/atom/", feeds.ContributorAtomFeed(), name="contributor-feed-atom"
    ),
    # For search engines
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("sitemap-news.xml", views.NewsSitemapView.as_view(), name="news-sitemap"),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
]
