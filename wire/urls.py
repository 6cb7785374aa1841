from django.contrib import admin
from django.urls import path

from articles.models import Article
from articles.redirects import follow_former_slugs
from newsroom.pagecache import public_page

from . import push, views

app_name = "wire"
stories = Article.objects.addressable

urlpatterns = [
    path("wire/push/<slug:agency>/", push.push, name="push"),
    path(
        "admin/articles/article/import-wire-story/",
        admin.site.admin_view(views.ImportStoryView.as_view()),
        name="import",
    ),
    path(
        "articles/<slug:slug>/ninjs.json",
        public_page(follow_former_slugs(views.NinjsView.as_view(), "wire:ninjs", stories)),
        name="ninjs",
    ),
    path(
        "articles/<slug:slug>/live/<int:post_id>/ninjs.json",
        public_page(
            follow_former_slugs(views.LivePostNinjsView.as_view(), "wire:live-post-ninjs", stories)
        ),
        name="live-post-ninjs",
    ),
]
