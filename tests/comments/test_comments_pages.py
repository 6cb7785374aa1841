"""Long discussions are split into pages of threads, replies kept under their comment."""

from datetime import timedelta

import pytest
from django.utils import timezone

from comments.models import Comment
from comments.threads import THREADS_PER_PAGE
from tests.factories import post_comment

pytestmark = pytest.mark.django_db

THREADS = 2 * THREADS_PER_PAGE + 20


@pytest.fixture
def discussion(article):
    """Threads numbered oldest first; the first of the second page has a reply."""
    start = timezone.now() - timedelta(days=1)
    Comment.objects.bulk_create(
        Comment(
            article=article,
            name=f"Reader {n}",
            email=f"reader{n}@example.org",
            text=f"Thread {n} opens.",
            status=Comment.Status.APPROVED,
            created_at=start + timedelta(minutes=n),
        )
        for n in range(1, THREADS + 1)
    )
    parent = Comment.objects.get(text=f"Thread {THREADS_PER_PAGE + 1} opens.")
    Comment.objects.create(
        article=article,
        parent=parent,
        name="Replier",
        email="replier@example.org",
        text="A reply to the first thread of page two.",
        status=Comment.Status.APPROVED,
        created_at=start + timedelta(hours=12),
    )
    return article


def comments_page(client, article, **params):
    response = client.get(article.get_absolute_url(), params)
    assert response.status_code == 200
    return response.content.decode()


def threads_on(page):
    return [n for n in range(1, THREADS + 1) if f"Thread {n} opens." in page]


def test_the_first_page_shows_the_oldest_threads_and_counts_every_comment(client, discussion):
    page = comments_page(client, discussion)
    assert threads_on(page) == list(range(1, THREADS_PER_PAGE + 1))
    assert f"{THREADS + 1} comments<" in page
    assert "Comments page 1 of 3" in page
    assert 'href="?comments=2#comments"' in page
    assert "Earlier comments" not in page


def test_later_pages_keep_replies_under_their_thread(client, discussion):
    page = comments_page(client, discussion, comments=2)
    assert threads_on(page) == list(range(THREADS_PER_PAGE + 1, 2 * THREADS_PER_PAGE + 1))
    first_thread = page.index(f"Thread {THREADS_PER_PAGE + 1} opens.")
    reply = page.index("A reply to the first thread of page two.")
    assert first_thread < reply < page.index(f"Thread {THREADS_PER_PAGE + 2} opens.")
    assert 'href="?comments=1#comments"' in page and 'href="?comments=3#comments"' in page
    assert f"{THREADS + 1} comments<" in page
    # Replying from page two comes back to page two.
    parent = Comment.objects.get(text=f"Thread {THREADS_PER_PAGE + 1} opens.")
    assert f'href="?comments=2&amp;reply_to={parent.pk}#comment-form"' in page


def test_a_page_past_the_end_or_not_a_number_still_shows_comments(client, discussion):
    assert threads_on(comments_page(client, discussion, comments=99)) == list(
        range(2 * THREADS_PER_PAGE + 1, THREADS + 1)
    )
    assert threads_on(comments_page(client, discussion, comments="x"))[0] == 1


def test_a_short_discussion_has_no_page_links(client, article):
    post_comment(client, article)
    assert "Comments page" not in comments_page(client, article)


def test_a_new_comment_takes_the_reader_to_the_page_showing_it(client, discussion):
    response = post_comment(client, discussion, text="Late to the discussion.")
    comment = Comment.objects.get(text="Late to the discussion.")
    assert response.url == f"{discussion.get_absolute_url()}?comments=3#comment-{comment.pk}"
    assert "Late to the discussion." in comments_page(client, discussion, comments=3)


def test_a_reply_takes_the_reader_to_its_thread_page(client, discussion):
    parent = Comment.objects.get(text=f"Thread {THREADS_PER_PAGE + 1} opens.")
    response = post_comment(client, discussion, parent=parent.pk, text="Me too.")
    reply = Comment.objects.get(text="Me too.")
    assert response.url == f"{discussion.get_absolute_url()}?comments=2#comment-{reply.pk}"
