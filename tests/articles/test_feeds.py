import feedparser
import pytest

from articles.models import Section


@pytest.fixture(autouse=True)
def reader_host(settings):
    settings.ALLOWED_HOSTS = ["news.example.org", "testserver"]


def parse(client, url):
    response = client.get(url, HTTP_HOST="news.example.org")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize(("url", "version"), [("/feeds/rss/", "rss20"), ("/feeds/atom/", "atom10")])
def test_latest_feed_is_read_by_a_real_feed_reader(client, publish, url, version):
    older = publish(
        headline="Older story",
        standfirst="The older summary.",
        hours_ago=5,
        credits=[("reporting", "Guy Faulconbridge", "Moscow", "")],
    )
    newer = publish(headline="Newer story", hours_ago=1)
    feed = parse(client, url)
    assert feed.version == version
    assert [e.title for e in feed.entries] == [newer.headline, older.headline]
    entry = feed.entries[1]
    assert entry.link == f"http://news.example.org{older.get_absolute_url()}"
    assert entry.summary == "The older summary."
    assert entry.author == "Guy Faulconbridge"
    assert entry.tags[0].term == "World"
    assert entry.published_parsed is not None
    # The host readers used, never a placeholder domain.
    assert "example.com" not in feed.feed.link


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_section_feed_has_only_that_section(client, publish, section, kind):
    sport = Section.objects.create(name="Sport", slug="sport")
    publish(headline="World story")
    publish(headline="Sport story", section=sport)
    feed = parse(client, f"/section/sport/{kind}/")
    assert [e.title for e in feed.entries] == ["Sport story"]
    assert feed.feed.title == "The Newsroom: Sport"
    assert client.get(f"/section/nowhere/{kind}/").status_code == 404


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_contributor_feed_has_their_stories(client, publish, kind):
    publish(headline="Her story", credits=[("editing", "Blandine Hénault", "", "")])
    publish(headline="Someone else's", credits=[("writing", "Alex Richardson", "", "")])
    feed = parse(client, f"/contributor/blandine-henault/{kind}/")
    assert [e.title for e in feed.entries] == ["Her story"]
