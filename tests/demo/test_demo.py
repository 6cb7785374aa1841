import pytest
from django.core.management import call_command

from demo.management.commands.load_demo import DEMO_PASSWORD

SEED_LINE = (
    "(Report Guy Faulconbridge in Moscow and Gwladys Fouche in Oslo; "
    "French version Lina Golovnya, edited by Blandine Hénault)"
)


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=None)


@pytest.mark.parametrize("username", ["admin", "editor", "reporter", "translator", "moderator"])
def test_every_role_can_log_in_with_the_demo_password(demo, client, username):
    client.post("/admin/login/", {"username": username, "password": DEMO_PASSWORD})
    assert client.get("/admin/").status_code == 200


def test_the_seed_story_credit_line_is_under_its_demo_article(demo, client):
    page = client.get("/articles/former-wagner-commander-asks-norway-for-asylum/")
    assert page.status_code == 200
    assert SEED_LINE in page.content.decode()


def test_demo_comments_show_approved_only(demo, client):
    page = client.get("/articles/nordic-central-banks-hold-rates/").content.decode()
    assert "Mortgage holders will be relieved for now." in page
    assert "A comment waiting in the moderation queue." not in page


def test_loading_the_demo_twice_changes_nothing(demo):
    from articles.models import Article
    from comments.models import Comment

    counts = Article.objects.count(), Comment.objects.count()
    call_command("load_demo", stdout=None)
    assert (Article.objects.count(), Comment.objects.count()) == counts


def test_the_demo_shows_french_places_bylines_and_a_photo_credit(demo, client):
    from articles.models import Article

    french = Article.objects.get(slug="un-ancien-commandant-de-wagner-demande-l-asile-en-norvege")
    assert french.credits.filter(place="Moscow").exists()  # named once, in English
    page = client.get(french.get_absolute_url()).content.decode()
    assert "à Moscou et" in page and "Par <a href=" in page
    english = client.get("/articles/former-wagner-commander-asks-norway-for-asylum/")
    assert 'By <a href="/contributor/guy-faulconbridge/">Guy Faulconbridge</a> in Moscow' in (
        english.content.decode()
    )
    banks = client.get("/articles/nordic-central-banks-hold-rates/").content.decode()
    assert 'Photo: <a href="/contributor/petra-lindqvist/">Petra Lindqvist</a>' in banks


def test_the_demo_has_a_live_story_from_three_reporters_in_two_places(demo, client):
    from articles.models import Article
    from live.models import LivePostCredit

    story = Article.objects.get(slug="storm-ingrid-live")
    assert story.live_coverage.is_running and story.is_public
    posts = story.live_posts.visible()
    assert posts.count() == 20
    credits = LivePostCredit.objects.filter(post__article=story)
    assert len({c.contributor_id for c in credits}) == 3
    assert {c.place for c in credits} == {"Bergen", "Stavanger"}
    assert posts.filter(pinned=True).exists() and posts.exclude(correction="").count() == 1
    page = client.get(story.get_absolute_url()).content.decode()
    assert "Key points" in page and "gave 21,000 homes" in page
    assert "Anna Ringstrom in Bergen" in page
    assert 'data-embed="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"' in page


def test_the_demo_shows_topics_profiles_the_front_page_and_french_menus(demo, client):
    home = client.get("/").content.decode()
    assert (
        'class="display-6 lead-headline"><a href="/articles/nordic-central-banks-hold-rates/"'
        in home
    )
    assert "Norway weighs a Wagner commander" in home  # the banner
    assert 'style="--section-colour: #bc4b1c"' in home
    story = client.get("/articles/nordic-central-banks-hold-rates/").content.decode()
    assert 'href="/topic/interest-rates/">Interest rates</a>' in story
    profile = client.get("/contributor/gwladys-fouche/").content.decode()
    assert "Oslo correspondent" in profile and "profile-photo" in profile and "sameAs" in profile
    french = client.get("/fr/").content.decode()
    assert ">Économie</a>" in french and 'aria-label="Langue"' in french
    assert "Pays nordiques" in client.get("/fr/topic/nordic-countries/").content.decode()
