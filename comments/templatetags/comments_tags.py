from django import template
from django.core.paginator import Paginator
from django.urls import reverse

from newsroom.pagecache import kept, shows

from ..forms import CommentForm, ReportForm
from ..moderation import comments_open
from ..pages import comments_of
from ..text import comment_html
from ..threads import PAGE_PARAMETER, THREADS_PER_PAGE, public_threads
from ..views import OWN_COMMENTS_SESSION_KEY

register = template.Library()


@register.filter
def comment_text(text):
    return comment_html(text)


@register.inclusion_tag("articles/includes/comment_count.html")
def comment_count(article):
    """The count of an article annotated with one (lists); nothing otherwise."""
    count = getattr(article, "comment_count", None)
    if count is not None:
        shows(comments_of(article.pk))
    return {"article": article, "count": count}


@register.inclusion_tag("comments/article_comments.html", takes_context=True)
def article_comments(context, article):
    shows(comments_of(article.pk))
    request = context.get("request")
    session = getattr(request, "session", None)
    own_ids = set(session.get(OWN_COMMENTS_SESSION_KEY, [])) if session is not None else set()
    if own_ids:
        threads, count = public_threads(article, own_ids)
    else:  # what every other reader sees, kept until a comment on it changes
        threads, count = kept(
            f"threads:{article.pk}", [comments_of(article.pk)], lambda: public_threads(article)
        )
    is_open = comments_open(article)
    form, replying_to = context.get("comment_form"), None
    if form is not None and form.is_bound:
        replying_to = getattr(form, "cleaned_data", {}).get("parent")
    if is_open and form is None:
        reply_to = request.GET.get("reply_to", "") if request else ""
        if reply_to.isdigit():
            replying_to = next(
                (
                    t.comment
                    for t in threads
                    if t.comment and t.comment.pk == int(reply_to) and t.comment.is_public
                ),
                None,
            )
        form = CommentForm(
            article=article,
            user=getattr(request, "user", None),
            request=request,
            initial={"parent": replying_to.pk if replying_to else None},
        )
    pages = Paginator(threads, THREADS_PER_PAGE)
    page = pages.get_page(request.GET.get(PAGE_PARAMETER) if request else None)
    return {
        "article": article,
        "threads": page.object_list,
        "page": page,
        "page_parameter": PAGE_PARAMETER,
        "count": count,
        "own_ids": own_ids,
        "is_open": is_open,
        "form": form,
        "replying_to": replying_to,
        "report_form": ReportForm(),
        "post_url": reverse("comments:post", kwargs={"slug": article.slug}),
        "request": request,
    }
