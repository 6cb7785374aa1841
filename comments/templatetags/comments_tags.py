from django import template
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import ngettext

from newsroom.pagecache import kept, shows

from ..cachetags import comments_of
from ..forms import CommentForm, ReportForm
from ..moderation import comments_open
from ..text import comment_html
from ..threads import PAGE_PARAMETER, REPLY_TO, THREADS_PER_PAGE, public_threads
from ..views import own_comment_ids

register = template.Library()


@register.filter
def comment_text(text):
    return comment_html(text)


@register.simple_tag
def comment_count(article):
    """ " · 3 comments", linked, for an article annotated with its count (lists); nothing
    otherwise. Written here rather than in a template: a list page shows it on every card."""
    count = getattr(article, "comment_count", None)
    if count is None:
        return ""
    shows(comments_of(article.pk))
    if not count:
        return ""
    text = ngettext("%(counter)s comment", "%(counter)s comments", count) % {"counter": count}
    return format_html(' · <a href="{}#comments">{}</a>', article.get_absolute_url(), text)


@register.simple_tag(takes_context=True)
def article_comments(context, article):
    """The comment threads and form under an article.

    What every anonymous reader sees is rendered once per language, page and reply
    and kept until a comment on the story changes: the forms carry no reader's CSRF
    token or form time, which static/js/comments.js asks for (views.form_values).
    """
    request = context.get("request")
    shared = (
        getattr(request, "renders_for_page_cache", False)
        and context.get("comment_form") is None
        and not _own_comment_ids(request)
    )
    if not shared:
        return _render_comments(context, article)
    query = request.GET
    name = ":".join(
        [
            "comments-html",
            str(article.pk),
            translation.get_language() or "",
            query.get(PAGE_PARAMETER, "")[:12],
            query.get(REPLY_TO, "")[:12],
        ]
    )
    return kept(name, [comments_of(article.pk)], lambda: _render_comments(context, article))


def _own_comment_ids(request):
    # A page kept for every reader holds none of one reader's comments: the page's script
    # asks for those (comments.views.form_values).
    if request is None or getattr(request, "renders_for_page_cache", False):
        return set()
    return own_comment_ids(request)


def _render_comments(context, article):
    shows(comments_of(article.pk))
    request = context.get("request")
    own_ids = _own_comment_ids(request)
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
        reply_to = request.GET.get(REPLY_TO, "") if request else ""
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
    return render_to_string(
        "comments/article_comments.html",
        {
            "article": article,
            "threads": page.object_list,
            "page": page,
            "page_parameter": PAGE_PARAMETER,
            "count": count,
            "own_ids": own_ids,
            "for_every_reader": getattr(request, "renders_for_page_cache", False),
            "is_open": is_open,
            "form": form,
            "replying_to": replying_to,
            "report_form": ReportForm(),
            "post_url": reverse("comments:post", kwargs={"slug": article.slug}),
            "reader_values_url": reverse("comments:form-values", args=[article.pk]),
        },
        request=request,
    )
