"""Live coverage: posts on a live story, their credits, and who may do what with them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article, WorkflowError
from live.models import LiveCoverage, LiveCursor, LivePost
from tests.factories import contributor, jpeg


@pytest.fixture
def live(publish, editor):
    story = publish(
        headline="Storm reaches the coast",
        slug="storm-live",
        credits=[("reporting", "Ann Lee", "Oslo", "")],
    )
    LiveCoverage.start(story, editor)
    return story


def test_an_editor_switches_a_story_to_live_and_ends_it(publish, editor):
    story = publish()
    assert LiveCoverage.of(story) is None
    LiveCoverage.start(story, editor)
    assert story.live_coverage.is_running and story.live_coverage.started_at is not None
    story.live_coverage.end(editor)
    story.refresh_from_db()
    assert LiveCoverage.of(story) is not None and not story.live_coverage.is_running
    assert story.live_coverage.ended_at >= story.live_coverage.started_at
    with pytest.raises(WorkflowError):
        story.live_coverage.add_post(editor, "<p>Too late.</p>")


def test_a_reporter_may_neither_start_nor_end_coverage(publish, reporter, live):
    with pytest.raises(PermissionDenied):
        LiveCoverage.start(publish(slug="other"), reporter)
    with pytest.raises(PermissionDenied):
        live.live_coverage.end(reporter)


def test_posting_keeps_the_article_body_allowlist(live, editor):
    post = live.live_coverage.add_post(
        editor,
        '<p onclick="x()">Water <b>rising</b></p><script>alert(1)</script><img src=x>',
        title="Flood warning",
    )
    post.refresh_from_db()
    assert post.body == "<p>Water <b>rising</b></p>"
    assert post.title == "Flood warning"
    assert post.posted_at is not None and post.created_by == editor


def test_an_empty_post_is_refused_saying_why(live, editor):
    with pytest.raises(ValidationError, match="needs some text"):
        live.live_coverage.add_post(editor, "<p> </p><script>x</script>")
    assert not LivePost.objects.exists()


def test_a_reporter_on_the_story_may_post_one_not_on_it_may_not(live, reporter, make_user):
    with pytest.raises(PermissionDenied):
        live.live_coverage.add_post(reporter, "<p>Not mine.</p>")
    live.created_by = reporter
    live.save()
    assert live.live_coverage.add_post(reporter, "<p>Mine now.</p>").pk
    stranger = make_user("stranger", "Reporters")
    with pytest.raises(PermissionDenied):
        live.live_coverage.add_post(stranger, "<p>Nope.</p>")
    moderator = make_user("mod", "Moderators")
    with pytest.raises(PermissionDenied):
        live.live_coverage.add_post(moderator, "<p>Nope.</p>")


def test_pinning_correcting_and_withdrawing_are_for_editors(live, editor, reporter):
    live.created_by = reporter
    live.save()
    post = live.live_coverage.add_post(reporter, "<p>Bridge closed.</p>")
    for change in (
        lambda: post.pin(reporter),
        lambda: post.correct(reporter, "It was the other bridge."),
        lambda: post.withdraw(reporter),
        lambda: post.break_out(reporter),
    ):
        with pytest.raises(PermissionDenied):
            change()
    post.pin(editor)
    post.correct(editor, "The north bridge, not the south one, is closed.")
    post.refresh_from_db()
    assert post.pinned and post.correction.startswith("The north bridge")
    assert post.corrected_at is not None
    with pytest.raises(ValidationError):
        post.correct(editor, "  ")
    post.withdraw(editor)
    assert not LivePost.objects.visible().filter(pk=post.pk).exists()
    post.refresh_from_db()
    assert not post.pinned  # a withdrawn post is no key point


def test_a_post_has_its_own_credits_in_the_article_style(live, editor):
    post = live.live_coverage.add_post(
        editor,
        "<p>Roofs torn off.</p>",
        credits=[("reporting", contributor("Bo Ek"), "Bergen")],
    )
    assert post.credit_line == "(Reporting by Bo Ek in Bergen)"


def test_the_article_credit_line_names_every_post_contributor_once(live, editor):
    bo, cy = contributor("Bo Ek"), contributor("Cy Dahl")
    live.live_coverage.add_post(editor, "<p>One.</p>", credits=[("reporting", bo, "Bergen")])
    live.live_coverage.add_post(editor, "<p>Two.</p>", credits=[("reporting", bo, "Bergen")])
    live.live_coverage.add_post(editor, "<p>Three.</p>", credits=[("reporting", cy, "Oslo")])
    withdrawn = live.live_coverage.add_post(
        editor, "<p>Four.</p>", credits=[("reporting", contributor("Di Fu"), "Oslo")]
    )
    withdrawn.withdraw(editor)
    line = Article.objects.get(pk=live.pk).credit_line
    assert line == "(Reporting by Ann Lee in Oslo, Bo Ek in Bergen and Cy Dahl in Oslo)"
    assert line.count("Bo Ek") == 1 and "Di Fu" not in line


def test_a_post_picture_gets_the_lead_image_checks(live, editor):
    with pytest.raises(ValidationError, match="not an image"):
        live.live_coverage.add_post(
            editor,
            "<p>Photo.</p>",
            image=SimpleUploadedFile("x.jpg", b"not a picture"),
            image_alt="Flooded street",
        )
    with pytest.raises(ValidationError, match="what the picture shows"):
        live.live_coverage.add_post(editor, "<p>Photo.</p>", image=jpeg(400, 300))
    post = live.live_coverage.add_post(
        editor, "<p>Photo.</p>", image=jpeg(400, 300), image_alt="Flooded street"
    )
    assert post.image.name.startswith("live/") and post.image.name.endswith(".jpg")


def test_breaking_a_post_out_makes_a_draft_with_its_words_picture_and_credits(live, editor):
    post = live.live_coverage.add_post(
        editor,
        "<p>The dam has burst.</p>",
        title="Dam bursts",
        image=jpeg(400, 300),
        image_alt="The dam",
        credits=[("reporting", contributor("Bo Ek"), "Bergen")],
    )
    story = post.break_out(editor)
    assert story.status == Article.Status.DRAFT and story.headline == "Dam bursts"
    assert story.body == post.body and story.section == live.section
    assert story.credit_line == "(Reporting by Bo Ek in Bergen)"
    assert story.lead_image.file.name != post.image.name  # a copy of its own, in the library
    assert story.lead_image.alt_text == "The dam"
    post.refresh_from_db()
    assert post.broken_out_to == story
    with pytest.raises(WorkflowError):
        post.break_out(editor)


def test_a_cursor_reads_back_as_written_and_refuses_junk(live, editor):
    post = live.live_coverage.add_post(editor, "<p>One.</p>")
    cursor = LiveCursor.parse(str(post.cursor))
    assert (cursor.moment, cursor.pk) == (post.posted_at, post.pk)
    for junk in ("", "abc", "12", "1_x", "-1_2", "9" * 30 + "_1", "253402300800000000_1"):
        with pytest.raises(ValueError):
            LiveCursor.parse(junk)
