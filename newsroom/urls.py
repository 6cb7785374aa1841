from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLResolver, include, path
from django.urls.resolvers import LocalePrefixPattern
from django.utils.translation import get_language

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
    path("", include("comments.urls")),
]


class InterfaceLanguagePrefix(LocalePrefixPattern):
    """/fr/ for French; no prefix for English, or for a language the site's interface
    does not speak (a story in German links to the English pages around it)."""

    @property
    def language_prefix(self):
        language = get_language() or settings.LANGUAGE_CODE
        if language == settings.LANGUAGE_CODE or language not in dict(settings.LANGUAGES):
            return ""
        return f"{language}/"


# The public site in each interface language (as i18n_patterns with prefix_default_language
# off, which the language check of the page cache and LocaleMiddleware recognise).
urlpatterns.append(
    URLResolver(
        InterfaceLanguagePrefix(prefix_default_language=False),
        [path("", include("articles.urls")), path("", include("live.urls"))],
    )
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
