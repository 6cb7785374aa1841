"""The article's admin page for someone who may read but not edit it (a translator on
an original): the body as it will read, the credits as rows, nothing empty around it."""

import re

import pytest

from tests.factories import change_url, library_picture

pytestmark = pytest.mark.django_db

BODY = (
    "<p>The <strong>bridge</strong> opens.</p>"
    '<blockquote class="pull-quote"><p>It took ten years.</p></blockquote>'
    '<aside class="fact-box"><h3>In numbers</h3><ul><li>2 km long</li></ul></aside>'
)


@pytest.fixture
def original(publish):
    return publish(
        headline="Bridge opens",
        body=BODY,
        credits=[("reporting", "Ann One", "Kyiv", ""), ("editing", "Bo Two", "", "")],
    )


def read_only_page(client, user, article):
    client.force_login(user)
    page = client.get(change_url(article))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="headline"' not in html  # read, not edited
    return html


def test_the_body_shows_as_it_will_read_not_as_html(client, translator, original):
    html = read_only_page(client, translator, original)
    assert "&lt;p&gt;" not in html and "&lt;aside" not in html
    body = html.split('class="body-as-read">')[1].split("</div>")[0]
    assert "<p>The <strong>bridge</strong> opens.</p>" in body
    assert '<blockquote class="pull-quote">' in body
    assert '<aside class="fact-box"><h3>In numbers</h3>' in body


def test_a_library_picture_in_the_body_is_drawn(client, translator, original):
    picture = library_picture(alt_text="The bridge at dusk")
    original.body = f'<p>Text.</p><figure data-image="{picture.pk}"></figure>'
    original.save()
    body = read_only_page(client, translator, original).split('class="body-as-read">')[1]
    assert re.search(r'<img [^>]*alt="The bridge at dusk"', body)


def test_credits_are_rows_of_role_name_and_place_with_nothing_of_the_form(
    client, translator, original
):
    html = read_only_page(client, translator, original)
    credits = html.split('<ol class="credit-list">')[1].split("</ol>")[0]
    assert "{&#x27;" not in credits and "is_hidden" not in credits
    rows = re.findall(r'<li class="credit-row[^"]*"[^>]*>(.*?)</li>', credits, flags=re.S)
    cells = [re.findall(r'<div class="readonly">(?:<a [^>]*>)?([^<]*)', row) for row in rows]
    assert cells == [["Reporting", "Ann One", "Kyiv", "-"], ["Editing", "Bo Two", "-", "-"]]


def test_no_empty_live_coverage_band_on_a_story_that_is_not_live(
    client, translator, editor, original
):
    assert "Live coverage" not in read_only_page(client, translator, original)
    client.force_login(editor)  # who may start it still has the button
    assert "Start live coverage" in client.get(change_url(original)).content.decode()
