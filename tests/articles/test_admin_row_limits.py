"""
An article's credits and corrections in the admin: a form sent back claiming thousands of
rows is refused as too many, without building them.
"""

import pytest
from django.urls import reverse

from tests.factories import form_values

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", ["credits", "corrections"])
def test_a_form_claiming_thousands_of_rows_is_refused_quickly(client, editor, publish, rows):
    story = publish(headline="Storm reaches the coast", slug="storm")
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[story.pk])
    response = client.post(url, {**form_values(client.get(url)), f"{rows}-TOTAL_FORMS": "50000"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Please submit at most 100 forms." in page
    assert f'name="{rows}-101-' not in page
