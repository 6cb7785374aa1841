import time

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import Http404, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from articles.models import Article
from articles.redirects import formerly_at
from articles.views import ArticleDetailView
from newsroom.clientip import client_ip

from . import ratelimit
from .confirmations import proven_emails, remember_proof
from .cookies import SignedIds
from .forms import CommentForm, ReportForm, signed_form_time
from .models import Comment, Confirmation
from .moderation import comments_open, confirm
from .threads import thread_page_url

# A reader's own waiting comments, by id. Not HttpOnly, so that the page's script knows
# to ask for them (ids alone, of their own comments).
OWN_COMMENTS = SignedIds("comments_own", "comments.own", days=30, kept=50, httponly=False)
REPORT_RATE_PER_IP = 20
MODERATION_QUEUE = reverse_lazy("admin:comments_comment_changelist")


@never_cache
def form_values(request, article_pk):
    """What a reader's comment and report forms need of their own, fetched as they start
    writing: the article's page is the same bytes for every reader (newsroom/pagecache)."""
    article = get_object_or_404(Article.objects.published(), pk=article_pk)
    values = {
        "csrfmiddlewaretoken": get_token(request),
        "timestamp": signed_form_time(article.pk),
        "waiting": waiting_comments_html(request, article),
    }
    return JsonResponse(values, headers={"X-Robots-Tag": "noindex"})


def waiting_comments_html(request, article):
    """The reader's own comments on the article that wait for a moderator or for them,
    which no other reader sees: "" when there are none."""
    ids = own_comment_ids(request)
    if not ids:
        return ""
    waiting = list(
        Comment.objects.filter(pk__in=ids, article=article)
        .filter(status__in=[Comment.Status.PENDING, Comment.Status.SPAM])
        .order_by("created_at", "pk")
    )
    if not waiting:
        return ""
    return render_to_string("comments/own_waiting.html", {"comments": waiting}, request=request)


def lacks_token(request):
    """Whether this POST fails Django's CSRF check (a page read without its script)."""
    checker = CsrfViewMiddleware(lambda request: None)
    return checker.process_view(request, lambda: None, (), {}) is not None


def ask_again(request, template, context):
    """A page that asks the reader to send what they typed once more, this time with
    their own token: how a reader without scripts posts from a page shared by all."""
    response = render(request, template, context)
    response["X-Robots-Tag"] = "noindex"
    return response


def own_comment_ids(request):
    """The ids of the comments this browser posted."""
    return set(OWN_COMMENTS.read(request))


def remember_own_comment(request, response, comment):
    """The commenter sees their own pending comment; nobody else does."""
    return OWN_COMMENTS.add(request, response, comment.pk)


@method_decorator(csrf_exempt, name="dispatch")  # checked in post(): see lacks_token
@method_decorator(never_cache, name="dispatch")
class PostCommentView(ArticleDetailView):
    """Posting to a published article; a refused comment shows the article page again."""

    http_method_names = ["post"]

    def get_object(self, queryset=None):
        """The article, also at a slug it had when the reader opened the form: a redirect
        would turn the post into a GET and lose the comment."""
        try:
            return super().get_object(queryset)
        except Http404:
            article = formerly_at(self.get_queryset(), self.kwargs["slug"])
            if article is None:
                raise
            return article

    def post(self, request, *args, **kwargs):
        self.object = article = self.get_object()  # published articles only
        if not comments_open(article):
            messages.error(request, _("Comments are closed on this article."))
            return redirect(article)
        if lacks_token(request):
            # Typed before the page asked for a form time: the reader took that long.
            shown_at = time.time() - settings.COMMENTS_MIN_SECONDS
            typed = {name: request.POST.get(name, "") for name in ("name", "email", "text")}
            typed["parent"] = request.POST.get("parent", "")
            typed["timestamp"] = signed_form_time(article.pk, at=shown_at)
            form = CommentForm(initial=typed, article=article, user=request.user)
            return ask_again(
                request, "comments/post_again.html", {"form": form, "article": article}
            )
        form = CommentForm(request.POST, article=article, user=request.user, ip=client_ip(request))
        if form.is_valid():
            comment = form.save(
                queue_url=request.build_absolute_uri(MODERATION_QUEUE),
                proven_emails=proven_emails(request),
                site_url=request.build_absolute_uri("/"),
            )
            messages.success(request, posted_message(comment))
            return remember_own_comment(request, redirect(thread_page_url(comment)), comment)
        if form.is_bot:
            messages.error(request, _("Your comment could not be accepted."))
            return redirect(article)
        form.renew_timestamp()
        return self.render_to_response(self.get_context_data(comment_form=form))


def posted_message(comment):
    """What the reader is told: where their comment stands, and whether a link is coming."""
    if comment.awaits_confirmation:
        return _(
            "Your comment will appear once you confirm it: we are sending a link to %(email)s."
        ) % {"email": comment.email}
    if comment.is_public:
        text = _("Thank you: your comment is published.")
    else:
        text = _("Your comment is awaiting moderation.")
    if comment.confirmation is None:
        return text
    return _(
        "%(text)s We are sending a link to %(email)s: please confirm your address, so that "
        "once a few of your comments are approved, the next ones appear at once."
    ) % {"text": text, "email": comment.email}


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """The page a mailed link opens: one button proves the address (mail scanners only GET)."""

    http_method_names = ["get", "post"]

    def get(self, request, token):
        try:
            confirmation = Confirmation.from_token(token)
        except signing.SignatureExpired:
            return self.page(request, problem="expired", status=400)
        except signing.BadSignature:
            return self.page(request, problem="invalid", status=400)
        return self.page(request, confirmation=confirmation)

    def post(self, request, token):
        try:
            confirmation = Confirmation.from_token(token)
        except signing.BadSignature:  # expired ones too
            return self.get(request, token)
        confirm(confirmation)
        response = redirect(request.path)
        remember_proof(request, response, confirmation)
        return response

    def page(self, request, confirmation=None, problem=None, status=200):
        comment = confirmation.comment if confirmation else None
        context = {
            "confirmation": confirmation,
            "comment": comment,
            "problem": problem,
            "days": settings.COMMENTS_CONFIRM_DAYS,
        }
        response = render(request, "comments/confirm.html", context, status=status)
        response["X-Robots-Tag"] = "noindex"
        return response


def reporter_weight(request):
    """A reader whose browser proved an address with approved comments weighs more."""
    proven = proven_emails(request)
    if proven and Comment.objects.approved().filter(email__in=proven).exists():
        return max(1, settings.COMMENTS_REPORT_COMMENTER_WEIGHT)
    return 1


@method_decorator(csrf_exempt, name="dispatch")  # checked in post(): see lacks_token
@method_decorator(never_cache, name="dispatch")
class ReportCommentView(View):
    http_method_names = ["post"]

    def post(self, request, pk):
        comment = get_object_or_404(
            Comment.objects.approved().select_related("article"),
            pk=pk,
            article__in=Article.objects.published(),
        )
        form = ReportForm(request.POST)
        if lacks_token(request):
            context = {"form": form, "comment": comment, "article": comment.article}
            return ask_again(request, "comments/report_again.html", context)
        ip = client_ip(request)
        if not form.is_valid():
            messages.error(request, _("Please choose why you are reporting this comment."))
        elif ratelimit.is_limited("report", ip, REPORT_RATE_PER_IP):
            messages.error(request, _("You have sent many reports; please try again later."))
        else:
            ratelimit.count("report", ip)
            comment.report(form.cleaned_data["reason"], ip=ip, weight=reporter_weight(request))
            messages.success(request, _("Thank you. A moderator will look at this comment."))
        return redirect(thread_page_url(comment))
