from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from .health import health

admin.site.site_header = settings.NEWSROOM_NAME
admin.site.site_title = settings.NEWSROOM_NAME
admin.site.index_title = "My desk"
# The admin's pages are wide tables and forms; the top navigation replaces the side menu.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    path("health/", health, name="health"),
    path("", include("wire.urls")),  # before the admin: it adds a page under admin/
    path("", include("desk.urls")),  # before the admin: the desk is its front page
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
    path("", include("comments.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
