"""Readers see approved comments only, escaped, and the counts agree with what they see."""

import pytest
from django.db.models import Count
from django.urls import reverse

from articles.models import Article
from comments.counts import comment_count_annotation, comment_counts
from comments.models import Comment
from tests.factories import add_comment

pytestmark = pytest.mark.django_db

HIDDEN = [Comment.Status.PENDING, Comment.Status.REJECTED, Comment.Status.SPAM, "removed"]


@pytest.fixture
def mixed(article):
    """One comment in each status, each with a text naming its status."""
    return {
        status: add_comment(article, status=status, text=f"Text of a {status} comment")
        for status in Comment.Status.values
    }


def page_of(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_only_approved_comments_are_on_the_page(client, article, mixed):
    page = page_of(client, article)
    assert "Text of a approved comment" in page
    for status in HIDDEN:
        assert f"Text of a {status} comment" not in page
    assert "1 comment<" in page


def test_counts_are_of_approved_comments_only(article, publish, mixed):
    other = publish(headline="Quiet story")
    add_comment(other, status=Comment.Status.APPROVED)
    add_comment(other, status=Comment.Status.APPROVED)
    add_comment(other, status=Comment.Status.SPAM)
    silent = publish(headline="No comments")

    assert comment_counts([article, other, silent]) == {article.pk: 1, other.pk: 2, silent.pk: 0}
    annotated = Article.objects.published().annotate(**comment_count_annotation())
    assert {a.pk: a.comment_count for a in annotated} == {
        article.pk: 1,
        other.pk: 2,
        silent.pk: 0,
    }


def test_annotation_is_not_inflated_by_other_joins(article, mixed):
    add_comment(article, status=Comment.Status.APPROVED)
    row = (
        Article.objects.filter(pk=article.pk)
        .annotate(n_credits=Count("credits"), **comment_count_annotation())
        .get()
    )
    assert row.comment_count == 2


def test_counts_for_a_list_cost_one_query(article, publish, django_assert_num_queries):
    articles = [publish(headline=f"Story {n}") for n in range(5)]
    for a in articles:
        add_comment(a)
    with django_assert_num_queries(1):
        comment_counts(articles)


def test_the_commenters_email_is_never_shown(client, article):
    add_comment(article, email="secret.reader@example.org")
    assert "secret.reader" not in page_of(client, article)


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert('x')</script>",
        '<img src=x onerror="alert(1)">',
        '"><svg onload=alert(1)>',
        "http://evil.example/\"onmouseover='alert(1)'",
    ],
)
def test_html_in_names_and_text_is_shown_escaped(client, article, payload):
    add_comment(article, name=payload, text=f"Look: {payload}")
    page = page_of(client, article)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "<svg" not in page
    assert "onmouseover='alert" not in page
    assert 'onmouseover="' not in page


def test_links_are_clickable_and_marked_as_user_content(client, article):
    add_comment(article, text="Read https://example.org/report first.\nThen decide.")
    page = page_of(client, article)
    assert '<a href="https://example.org/report" rel="nofollow ugc">' in page
    assert "first.<br>Then decide." in page


def test_replies_show_under_their_comment_and_hidden_replies_do_not(client, article):
    top = add_comment(article, text="Top comment")
    add_comment(article, parent=top, text="Public reply")
    add_comment(article, parent=top, text="Spam reply", status=Comment.Status.SPAM)
    page = page_of(client, article)
    assert page.index("Top comment") < page.index("Public reply")
    assert "Spam reply" not in page
    assert f"?reply_to={top.pk}#comment-form" in page


def test_a_removed_comment_with_replies_leaves_a_tombstone(client, article):
    top = add_comment(article, text="Later removed", status=Comment.Status.REMOVED)
    add_comment(article, parent=top, text="A reply still worth reading")
    page = page_of(client, article)
    assert "Comment removed." in page
    assert "Later removed" not in page
    assert "A reply still worth reading" in page


def test_a_reply_link_opens_the_form_for_that_comment(client, article):
    top = add_comment(article, name="Grace")
    page = client.get(f"{article.get_absolute_url()}?reply_to={top.pk}").content.decode()
    assert "Reply to Grace" in page
    assert f'name="parent" value="{top.pk}"' in page


def test_report_links_only_on_public_comments(client, article, mixed):
    page = page_of(client, article)
    approved = mixed[Comment.Status.APPROVED]
    assert reverse("comments:report", args=[approved.pk]) in page
    for status in HIDDEN:
        assert reverse("comments:report", args=[mixed[status].pk]) not in page


def test_preview_of_an_unpublished_article_offers_no_form(client, editor, make_article):
    draft = make_article(headline="Draft")
    client.force_login(editor)
    page = client.get(reverse("articles:preview", args=[draft.pk])).content.decode()
    assert "Readers can comment once the story is published." in page
    assert "Comments are closed." not in page and 'name="text"' not in page


def test_lists_show_approved_comment_counts(client, article, mixed):
    add_comment(article, status=Comment.Status.APPROVED, text="Another approved one")
    for url in (reverse("articles:home"), article.section.get_absolute_url()):
        page = client.get(url).content.decode()
        assert f'<a href="{article.get_absolute_url()}#comments">2 comments</a>' in page, url
