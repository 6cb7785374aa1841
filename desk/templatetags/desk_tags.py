"""The admin's top navigation: each person's way to their desk, lists and notices."""

from django import template
from django.urls import reverse

from articles.models import Article

register = template.Library()

# Past this, the count says "99+": the number is a nudge, not a report.
COUNTED = 99


@register.inclusion_tag("admin/desk/nav.html", takes_context=True)
def desk_nav(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_active or not user.is_staff:
        return {"links": []}
    links = [("My desk", reverse("admin:index"), "desk")]
    if Article.may_see_unpublished(user):
        links.append(("Articles", reverse("admin:articles_article_changelist"), "articles"))
    if user.has_perm("comments.view_comment"):
        links.append(("Comments", reverse("admin:comments_comment_changelist"), "comments"))
    unread = user.notices.unread().order_by()[: COUNTED + 1].count()
    path = request.path
    return {
        "links": [
            (label, url, name, path == url if name == "desk" else path.startswith(url))
            for label, url, name in links
        ],
        "notices_url": reverse("admin:desk_notice_changelist") + "?read=no",
        "unread": f"{COUNTED}+" if unread > COUNTED else unread,
        "on_notices": path.startswith(reverse("admin:desk_notice_changelist")),
    }
