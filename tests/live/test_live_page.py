"""Live coverage for readers: the story's page, its pages of older posts, the updates endpoint."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from live.models import LiveCoverage, LivePost
from tests.factories import contributor


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def live(publish, editor):
    story = publish(headline="Storm reaches the coast", slug="storm-live")
    LiveCoverage.start(story, editor)
    return story


def add_posts(article, by, count, minutes_apart=1):
    """``count`` posts, the first the oldest, ``minutes_apart`` from one another."""
    start = timezone.now() - timedelta(minutes=minutes_apart * count)
    posts = []
    for n in range(count):
        post = article.live_coverage.add_post(by, f"<p>Update number {n}.</p>", title=f"Update {n}")
        LivePost.objects.filter(pk=post.pk).update(
            posted_at=start + timedelta(minutes=minutes_apart * n)
        )
        posts.append(post)
    return posts


def updates(article, cursor, **headers):
    url = reverse("live:updates", args=[article.slug])
    return Client().get(url, {"after": cursor}, **headers)


def page_cursor(html):
    return html.split('data-cursor="', 1)[1].split('"', 1)[0]


def test_readers_see_posts_newest_first_with_credits_and_key_points(client, live, editor):
    first = live.live_coverage.add_post(
        editor,
        "<p>Wind picks up.</p>",
        title="Wind",
        credits=[("reporting", contributor("Bo Ek"), "Bergen")],
    )
    first.pin(editor)
    live.live_coverage.add_post(editor, "<p>Trees down.</p>", title="Trees")
    page = client.get(live.get_absolute_url()).content.decode()
    assert page.index("Trees down.") < page.index("Wind picks up.")
    assert "(Reporting by Bo Ek in Bergen)" in page
    key_points = page.split('class="key-points', 1)[1].split("</aside>", 1)[0]
    assert "Wind" in key_points and "Trees" not in key_points
    assert 'data-updates="/articles/storm-live/live/updates/"' in page
    assert "js/live.js" in page


def test_a_corrected_post_shows_its_note_and_a_withdrawn_one_is_gone(client, live, editor):
    kept = live.live_coverage.add_post(editor, "<p>Bridge shut.</p>")
    kept.correct(editor, "The north bridge, not the south one.")
    gone = live.live_coverage.add_post(editor, "<p>Wrong town named.</p>")
    gone.pin(editor)
    gone.withdraw(editor)
    page = client.get(live.get_absolute_url()).content.decode()
    assert "The north bridge, not the south one." in page
    assert "Wrong town named." not in page and "key-points" not in page


def test_ended_coverage_says_so_with_the_time_and_stops_polling(client, live, editor):
    live.live_coverage.add_post(editor, "<p>Last word.</p>")
    live.live_coverage.end(editor)
    page = client.get(live.get_absolute_url()).content.decode()
    assert "Live coverage has ended" in page and "Last word." in page
    assert "data-updates" not in page and "js/live.js" not in page
    cursor = str(LivePost.objects.get().cursor)
    assert json.loads(updates(live, cursor).content)["ended"] is True


def shown_posts(html):
    """The stream of posts on a page, without its JSON-LD or key points."""
    return html.split('<div class="live-posts">', 1)[1].split("</section>", 1)[0]


def test_long_streams_page_by_time(client, live, editor):
    posts = add_posts(live, editor, 45)
    first = shown_posts(client.get(live.get_absolute_url()).content.decode())
    assert "Update number 44." in first and "Update number 25." in first
    assert "Update number 24." not in first
    older = first.split('href="?before=', 1)[1].split("#", 1)[0]
    second = client.get(live.get_absolute_url(), {"before": older}).content.decode()
    assert "data-updates" not in second  # older posts: nothing new comes here
    second = shown_posts(second)
    assert "Update number 24." in second and "Update number 5." in second
    assert "Update number 25." not in second and "Update number 4." not in second
    third_cursor = second.split('href="?before=', 1)[1].split("#", 1)[0]
    third = shown_posts(
        client.get(live.get_absolute_url(), {"before": third_cursor}).content.decode()
    )
    assert "Update number 0." in third and "?before=" not in third
    assert len(posts) == 45


def test_a_broken_cursor_gets_a_clear_400(client, live):
    assert client.get(live.get_absolute_url(), {"before": "yesterday"}).status_code == 400
    assert updates(live, "nonsense").status_code == 400
    url = reverse("live:updates", args=[live.slug])
    assert Client().get(url).status_code == 400


def test_a_cursor_past_the_year_9999_gets_a_400_too(client, live):
    for far in ("253402300800000000_1", "999999999999999999_999999999999999999"):
        assert client.get(live.get_absolute_url(), {"before": far}).status_code == 400
        assert updates(live, far).status_code == 400


def test_the_updates_endpoint_gives_new_posts_and_a_new_cursor(live, editor):
    cursor = page_cursor(Client().get(live.get_absolute_url()).content.decode())
    nothing = json.loads(updates(live, cursor).content)
    assert nothing["count"] == 0 and nothing["posts"] == [] and nothing["cursor"] == cursor
    live.live_coverage.add_post(editor, "<p>First.</p>")
    live.live_coverage.add_post(editor, "<p>Second.</p>", title="Second one")
    answer = json.loads(updates(live, cursor).content)
    assert answer["count"] == 2 and not answer["ended"]
    assert "Second." in answer["posts"][0] and "First." in answer["posts"][1]
    assert 'id="post-' in answer["posts"][0]
    after = json.loads(updates(live, answer["cursor"]).content)
    assert after["count"] == 0


def test_every_reader_at_a_cursor_gets_the_same_bytes_and_a_304(live, editor):
    post = live.live_coverage.add_post(editor, "<p>First.</p>")
    cursor = str(post.cursor)
    first, second = updates(live, cursor), updates(live, cursor, HTTP_COOKIE="csrftoken=abc")
    assert first.content == second.content and first["ETag"] == second["ETag"]
    assert second["X-Page-Cache"] == "hit"
    assert "public" in first["Cache-Control"]
    assert updates(live, cursor, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_new_post_ends_the_cached_answers_and_page(live, editor):
    cursor = str(live.live_coverage.add_post(editor, "<p>First.</p>").cursor)
    etag = updates(live, cursor)["ETag"]
    Client().get(live.get_absolute_url())
    live.live_coverage.add_post(editor, "<p>Breaking now.</p>")
    response = updates(live, cursor, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
    assert json.loads(response.content)["count"] == 1
    page = Client().get(live.get_absolute_url())
    assert page["X-Page-Cache"] == "miss" and "Breaking now." in page.content.decode()


def test_too_many_new_posts_ask_for_a_reload(live, editor):
    cursor = page_cursor(Client().get(live.get_absolute_url()).content.decode())
    for n in range(52):
        live.live_coverage.add_post(editor, f"<p>Flash {n}.</p>")
    answer = json.loads(updates(live, cursor).content)
    assert answer["reload"] and answer["posts"] == [] and answer["count"] == 52


def test_no_updates_for_a_story_that_is_not_live_or_not_public(publish, make_article):
    story = publish(slug="plain")
    assert updates(story, "1_1").status_code == 404
    draft = make_article(slug="draft-live")
    LiveCoverage.objects.create(article=draft, started_at=timezone.now())
    assert updates(draft, "1_1").status_code == 404


def test_a_long_live_page_costs_a_bounded_number_of_queries(
    client, live, editor, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    reporters = [contributor(name) for name in ("Ann Lee", "Bo Ek", "Cy Dahl")]
    for n, post in enumerate(add_posts(live, editor, 30)):
        post.credits.create(contributor=reporters[n % 3], role="reporting")
    # Thirty posts from three reporters cost what three would: no query per post (one
    # reads every reporter of the story for its JSON-LD authors).
    with django_assert_max_num_queries(14):
        response = client.get(live.get_absolute_url())
    assert response.status_code == 200


def test_a_post_broken_out_links_to_its_story_once_readers_can_see_it(live, editor):
    post = live.live_coverage.add_post(editor, "<p>The dam has burst.</p>", title="Dam bursts")
    story = post.break_out(editor)
    page = Client().get(live.get_absolute_url()).content.decode()
    assert "Full story:" not in page  # a draft is nobody's business
    story.publish(editor)
    page = Client().get(live.get_absolute_url()).content.decode()
    assert f'href="{story.get_absolute_url()}">Full story: Dam bursts' in page


def test_a_french_live_story_speaks_french(client, publish, editor):
    story = publish(headline="Tempête sur la côte", slug="tempete", language="fr")
    LiveCoverage.start(story, editor)
    story.live_coverage.add_post(editor, "<p>Le vent se lève.</p>").pin(editor)
    page = client.get(story.get_absolute_url()).content.decode()
    assert "En direct" in page and "Les points clés" in page
    assert 'data-one-new="1 nouveau message"' in page
    story.live_coverage.end(editor)
    assert "Le direct est terminé" in client.get(story.get_absolute_url()).content.decode()


def key_point_links(html):
    box = html.split('class="key-points', 1)[1].split("</aside>", 1)[0]
    return [part.split('"', 1)[0] for part in box.split('href="')[1:]]


def test_key_points_link_to_their_posts_on_whichever_page_they_are(client, live, editor):
    posts = add_posts(live, editor, 30)
    old, recent = posts[3], posts[28]
    old.pin(editor)
    recent.pin(editor)
    page = client.get(live.get_absolute_url()).content.decode()
    on_this_page, further_down = key_point_links(page)
    assert on_this_page == f"#post-{recent.pk}" and f'id="post-{recent.pk}"' in page
    address, anchor = further_down.split("#")
    assert address.startswith("?before=") and anchor == f"post-{old.pk}"
    older = shown_posts(client.get(live.get_absolute_url() + address).content.decode())
    assert older.split('id="post-', 2)[1].startswith(f'{old.pk}"')  # it opens that page


LIVE_LABEL = '<span class="badge text-bg-danger live-label">{}</span> <a href="/articles/storm-live'


def test_cards_of_a_running_live_story_carry_a_live_label(live, publish, editor):
    from articles.models import Topic

    quiet = publish(headline="A quiet story", slug="quiet", hours_ago=1)
    storms = Topic.objects.create(name="Storms", slug="storms")
    for story in (live, quiet):
        story.topics.add(storms)
    lists = ["/", f"/section/{live.section.slug}/", "/topic/storms/", "/fr/"]
    for address in lists:
        page = Client().get(address).content.decode()
        label = "En direct" if address.startswith("/fr/") else "Live"
        assert LIVE_LABEL.format(label) in page, address
        assert page.count("live-label") == 1, address
    live.live_coverage.end(editor)  # the cached lists turn over
    for address in lists:
        assert "live-label" not in Client().get(address).content.decode(), address
