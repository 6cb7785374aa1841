from django.contrib import admin
from django.urls import path

from . import views

app_name = "desk"

# Under admin/, before the admin's own pages: the desk is the admin's front page.
urlpatterns = [
    path("admin/", admin.site.admin_view(views.DeskView.as_view()), name="home"),
    path(
        "admin/desk/settings/",
        admin.site.admin_view(views.SettingsView.as_view()),
        name="settings",
    ),
    path(
        "admin/desk/notices/<int:pk>/open/",
        admin.site.admin_view(views.open_notice),
        name="open-notice",
    ),
    path(
        "admin/desk/notices/read/",
        admin.site.admin_view(views.mark_all_read),
        name="mark-all-read",
    ),
    path("admin/desk/drafts/", admin.site.admin_view(views.autosave), name="autosave"),
    path(
        "admin/desk/drafts/<uuid:page>/discard/",
        admin.site.admin_view(views.discard_draft),
        name="discard-draft",
    ),
]
