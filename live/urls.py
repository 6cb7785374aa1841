from django.urls import path

from articles.models import Article
from articles.redirects import public_page_by_slug

from . import views

app_name = "live"

stories = Article.objects.addressable

urlpatterns = [
    path(
        "articles/<slug:slug>/live/updates/",
        public_page_by_slug(views.LiveUpdatesView.as_view(), "live:updates", stories),
        name="updates",
    ),
    path(
        "articles/<slug:slug>/live/atom/",
        public_page_by_slug(views.LivePostsFeed(), "live:feed", stories),
        name="feed",
    ),
]
