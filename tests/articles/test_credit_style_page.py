"""The credit style page: saved unchanged, it changes no word of any style or line."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, CreditPhrase, CreditStyle
from tests.factories import form_values, reader_pages

pytestmark = pytest.mark.django_db


def phrases():
    return list(CreditPhrase.objects.order_by("pk").values())


def styles():
    return list(CreditStyle.objects.order_by("pk").values())


def test_saving_every_credit_style_unchanged_changes_no_published_credit_line(client, editor):
    call_command("load_demo", stdout=None)
    stories = Article.objects.published()
    lines = {story.slug: story.credit_line for story in stories}
    pages = reader_pages()
    assert any("; " in line for line in lines.values())
    before = styles(), phrases()

    client.force_login(editor)
    for style in CreditStyle.objects.all():
        url = reverse("admin:articles_creditstyle_change", args=[style.pk])
        response = client.post(url, form_values(client.get(url)))
        assert response.status_code == 302, style.name

    assert (styles(), phrases()) == before
    stories = Article.objects.published()
    assert {story.slug: story.credit_line for story in stories} == lines
    assert reader_pages() == pages


def test_a_separator_typed_with_its_space_keeps_it(client, editor):
    style = CreditStyle.objects.get(name="English wire")
    phrase = style.phrases.get(role="editing")
    client.force_login(editor)
    url = reverse("admin:articles_creditstyle_change", args=[style.pk])
    data = form_values(client.get(url))
    number = next(k for k, v in data.items() if k.endswith("-id") and v == str(phrase.pk))
    data[number.replace("-id", "-separator")] = " / "
    assert client.post(url, data).status_code == 302
    phrase.refresh_from_db()
    assert phrase.separator == " / "


def test_each_box_of_the_phrases_table_is_named_by_its_column_and_row(client, editor):
    call_command("load_demo", stdout=None)
    style = CreditStyle.objects.filter(phrases__isnull=False).first()
    client.force_login(editor)
    page = client.get(reverse("admin:articles_creditstyle_change", args=[style.pk]))
    html = page.content.decode()
    for box in re.findall(r'<(?:input|select)[^>]*name="phrases-0-[^"]*"[^>]*>', html):
        if 'type="hidden"' not in box:
            assert re.search(r'aria-label="[^"]+, row 1"', box), box
    assert 'aria-label="Role, row 1"' in html
