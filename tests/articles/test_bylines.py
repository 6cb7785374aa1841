"""The byline above the story and the photo credit under its picture, made from the credits."""

import re

import pytest

from articles.models import CreditStyle
from tests.factories import with_lead_image

pytestmark = pytest.mark.django_db


def byline(page):
    found = re.search(r'<p class="byline[^"]*">(.*?)</p>', page, re.S)
    return found and found.group(1)


def without_tags(html):
    return re.sub(r"<[^>]+>", "", html)


CREDITS = [
    ("reporting", "Ann Lee", "Paris", ""),
    ("reporting", "Bo Ek", "Paris", ""),
    ("editing", "Cy Moss", "", ""),
    ("photography", "Pia Holm", "", ""),
]


def test_the_byline_names_reporters_and_writers_each_linked_to_their_page(client, publish):
    article = publish(credits=[*CREDITS, ("writing", "Di Fay", "", "")])
    page = client.get(article.get_absolute_url()).content.decode()
    line = byline(page)
    assert without_tags(line) == "By Ann Lee and Bo Ek in Paris and Di Fay"
    for credit in article.credits.filter(role__in=["reporting", "writing"]):
        link = f'<a href="{credit.contributor.get_absolute_url()}">{credit.contributor.name}</a>'
        assert link in line
    assert "Cy Moss" not in line and "Pia Holm" not in line
    assert page.index('class="byline') < page.index('class="article-body"')


def test_a_french_story_has_a_french_byline(client, publish):
    article = publish(language="fr", credits=[("reporting", "Ann Lee", "Moscow", "")])
    page = client.get(article.get_absolute_url()).content.decode()
    assert without_tags(byline(page)) == "Par Ann Lee à Moscou"


def test_the_byline_words_are_the_style_s(client, publish):
    CreditStyle.objects.filter(name="English wire").update(byline_label="Words:")
    CreditStyle.objects.get(name="English wire").save()  # forget the cached styles
    article = publish(credits=[("writing", "Di Fay", "", "")])
    page = client.get(article.get_absolute_url()).content.decode()
    assert without_tags(byline(page)) == "Words: Di Fay"


def test_no_reporter_or_writer_no_byline(client, publish):
    article = publish(credits=[("editing", "Cy Moss", "", "")])
    assert byline(client.get(article.get_absolute_url()).content.decode()) is None


def test_the_photographer_is_credited_under_the_lead_image(client, publish):
    article = with_lead_image(publish(credits=CREDITS))
    page = client.get(article.get_absolute_url()).content.decode()
    caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", page, re.S).group(1)
    pia = article.credits.get(role="photography").contributor
    assert f'Photo: <a href="{pia.get_absolute_url()}">Pia Holm</a>' in caption
    assert "Jane Lens" not in caption  # the typed-in credit gives way to the credited one


def test_without_a_photography_credit_the_typed_picture_credit_stays(client, publish):
    article = with_lead_image(publish(credits=CREDITS[:1]))
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<span class="photo-credit">Photo: Jane Lens</span>' in page
