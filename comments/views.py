from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views import View

from articles.models import Article
from articles.views import ArticleDetailView
from newsroom.clientip import client_ip

from . import ratelimit
from .forms import CommentForm, ReportForm
from .models import Comment
from .moderation import comments_open
from .threads import thread_page_url

OWN_COMMENTS_SESSION_KEY = "comments_own_ids"
REPORT_RATE_PER_IP = 20
MODERATION_QUEUE = reverse_lazy("admin:comments_comment_changelist")


def remember_own_comment(request, comment):
    """The commenter sees their own pending comment; nobody else does."""
    own = request.session.get(OWN_COMMENTS_SESSION_KEY, [])
    request.session[OWN_COMMENTS_SESSION_KEY] = [*own, comment.pk][-50:]


class PostCommentView(ArticleDetailView):
    """Posting to a published article; a refused comment shows the article page again."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.object = article = self.get_object()  # published articles only
        if not comments_open(article):
            messages.error(request, _("Comments are closed on this article."))
            return redirect(article)
        form = CommentForm(request.POST, article=article, user=request.user, ip=client_ip(request))
        if form.is_valid():
            comment = form.save(queue_url=request.build_absolute_uri(MODERATION_QUEUE))
            remember_own_comment(request, comment)
            if comment.is_public:
                messages.success(request, _("Thank you: your comment is published."))
            else:
                messages.success(request, _("Your comment is awaiting moderation."))
            return redirect(thread_page_url(comment))
        if form.is_bot:
            messages.error(request, _("Your comment could not be accepted."))
            return redirect(article)
        form.renew_timestamp()
        return self.render_to_response(self.get_context_data(comment_form=form))


class ReportCommentView(View):
    http_method_names = ["post"]

    def post(self, request, pk):
        comment = get_object_or_404(
            Comment.objects.approved().select_related("article"),
            pk=pk,
            article__in=Article.objects.published(),
        )
        form = ReportForm(request.POST)
        ip = client_ip(request)
        if not form.is_valid():
            messages.error(request, _("Please choose why you are reporting this comment."))
        elif ratelimit.is_limited("report", ip, REPORT_RATE_PER_IP):
            messages.error(request, _("You have sent many reports; please try again later."))
        else:
            ratelimit.count("report", ip)
            comment.report(form.cleaned_data["reason"], ip=ip)
            messages.success(request, _("Thank you. A moderator will look at this comment."))
        return redirect(thread_page_url(comment))
