from django.contrib import admin
from django.urls import path

from newsroom.pagecache import public_page

from . import views

app_name = "wire"

urlpatterns = [
    path(
        "admin/articles/article/import-wire-story/",
        admin.site.admin_view(views.ImportStoryView.as_view()),
        name="import",
    ),
    path("articles/<slug:slug>/ninjs.json", public_page(views.NinjsView.as_view()), name="ninjs"),
]
