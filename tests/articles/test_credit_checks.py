"""
In the admin: stories whose credits need checking, the choice of house style for a footer
kept as sent.
"""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import change_url, save_through_admin
from wire.importer import save_story
from wire.story import Story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("section")]

CHANGELIST = reverse("admin:articles_article_changelist")


def import_footer(footer, by, headline="Ministers meet"):
    story = Story(source_id=f"t:{headline}", headline=headline, paragraphs=["Text."], footer=footer)
    return save_story(story, by).article


def test_the_filter_lists_stories_whose_credits_need_checking_with_the_reason(client, editor):
    fine = import_footer("(Reporting by Ann Lee; Editing by Bo Ek)", editor, "Fine story")
    odd = import_footer("(Reporting by Ann Lee and 3 others; Editing by Bo Ek)", editor, "Odd one")
    client.force_login(editor)
    page = client.get(CHANGELIST).content.decode()
    assert "Credits need checking" in page
    listed = client.get(CHANGELIST, {"credits_check": "yes"}).context["cl"].result_list
    assert list(listed) == [odd]
    assert list(client.get(CHANGELIST, {"credits_check": "no"}).context["cl"].result_list) == [fine]
    form = client.get(change_url(odd)).content.decode()
    assert "“3 others” is not a name: it contains digits" in form
    assert "Reporting by Ann Lee and 3 others" in form  # kept as sent, to put right


def test_emptying_what_was_not_read_takes_the_story_off_the_list(client, editor):
    odd = import_footer("(Reporting by Ann Lee; Sound by Zed Zee)", editor)
    client.force_login(editor)
    assert save_through_admin(client, odd, credits_to_check="").status_code == 302
    odd.refresh_from_db()
    assert (odd.credits_to_check, odd.credits_check_reason) == ("", "")
    assert not Article.objects.exclude(credits_to_check="").exists()


def test_a_footer_kept_as_sent_goes_to_house_style_with_one_choice(client, editor):
    article = import_footer("(Reporting by Ann Lee, editing by Bo Ek)", editor)
    assert article.credit_line == "(Reporting by Ann Lee, editing by Bo Ek)"
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert 'name="house_style"' in page
    assert save_through_admin(client, article, house_style="on").status_code == 302
    article.refresh_from_db()
    assert article.credit_variant == {}
    assert article.credit_line == "(Reporting by Ann Lee; Editing by Bo Ek)"
    assert 'name="house_style"' not in client.get(change_url(article)).content.decode()


def test_choosing_another_style_leaves_the_footer_s_own_way_behind(editor, make_article):
    article = import_footer("(Reporting by Ann Lee, editing by Bo Ek)", editor)
    article.credit_style = None
    article.language = "fr"
    article.save()
    assert article.credit_line == "(Reportage Ann Lee, édité par Bo Ek)"
