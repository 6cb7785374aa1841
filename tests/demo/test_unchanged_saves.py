"""
Every admin change form of the demo, opened by each role that may edit the object and sent
back unchanged as a browser would send it (the form's own fields and its inlines, with
their management forms): no field of any object changes, and no page readers see changes.
"""

from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from tests.factories import reader_pages

pytestmark = pytest.mark.django_db

ROLES = ["admin", "editor", "reporter", "translator", "moderator"]
# Written by every save, whatever it holds: when it was saved, and the token that tells
# an open form it is out of date.
SAVED_STAMPS = {"modified_at", "edit_token", "date_changed", "last_update"}
# What a save writes about itself (its log, versions, sessions, the scheduler's note that
# its tasks were saved), not the newsroom's data.
NOT_DATA = {"admin", "reversion", "sessions", "contenttypes", "axes", "PeriodicTasks"}


class BrowserForm(HTMLParser):
    """The name/value pairs a browser sends for one form of a page: its enabled fields,
    checked boxes, every selected option (a single choice with none selected sends its
    first), and textareas as typed."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.pairs = form_id, False, []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.pairs.append([name, attrs.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self._select is not None:
            self._select["options"].append((attrs.get("value"), "selected" in attrs))
            self._option = self._select["options"][-1]
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
            self.pairs.append(self._textarea)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select is not None:
            select, self._select = self._select, None
            chosen = [value for value, selected in select["options"] if selected]
            if not chosen and not select["multiple"] and select["options"]:
                chosen = [select["options"][0][0]]
            self.pairs += [[select["name"], value] for value in chosen]
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data.removeprefix("\n") if not self._textarea[1] else data
        elif self._select is not None and self._select["options"]:
            # An option without a value attribute sends its text.
            value, selected = self._select["options"][-1]
            if value is None:
                self._select["options"][-1] = (data.strip(), selected)

    def data(self):
        sent = {}
        for name, value in self.pairs:
            if "__prefix__" not in name:
                sent.setdefault(name, []).append(value)
        return sent


def stored_data():
    """{model: {pk: {field: value}}} of every object of the newsroom, less saved stamps."""
    data = {}
    for model in apps.get_models():
        if {model._meta.app_label, model.__name__} & NOT_DATA:
            continue
        rows = model._base_manager.order_by("pk").values()
        data[model._meta.label] = {
            row["pk" if "pk" in row else model._meta.pk.attname]: {
                field: value for field, value in row.items() if field not in SAVED_STAMPS
            }
            for row in rows
        }
    return data


def differences(before, after):
    found = []
    for label, objects in after.items():
        old = before.get(label, {})
        for pk in old.keys() - objects.keys():
            found.append(f"{label} {pk} deleted")
        for pk, fields in objects.items():
            if pk not in old:
                found.append(f"{label} {pk} added")
                continue
            changed = {f: (old[pk][f], v) for f, v in fields.items() if old[pk].get(f) != v}
            if changed:
                found.append(f"{label} {pk}: {changed}")
    return found


def change_forms(user):
    """(model admin, object) of every change form this user may save."""
    request = RequestFactory().get("/admin/")
    request.user = user
    for model, model_admin in admin.site._registry.items():
        for obj in model._default_manager.order_by("pk"):
            if model_admin.has_change_permission(request, obj):
                yield model_admin, obj


def errors_of(page):
    text = page.content.decode()
    start = text.find('class="errornote"')
    return text[start : start + 3000] if start >= 0 else text[:500]


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=None)


def test_every_change_form_of_the_demo_saved_unchanged_changes_nothing(demo, client):
    pages = reader_pages()
    failures = []
    for role in ROLES:
        user = User.objects.get(username=role)
        client.force_login(user)
        for model_admin, obj in list(change_forms(user)):
            opts = model_admin.model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            what = f"{role} saving {opts.label} {obj.pk} ({obj})"
            page = client.get(url)
            if page.status_code != 200:
                failures.append(f"{what}: opening answered {page.status_code}")
                continue
            form = BrowserForm(f"{opts.model_name}_form")
            form.feed(page.content.decode())
            before = stored_data()
            response = client.post(url, {**form.data(), "_save": "Save"})
            if response.status_code != 302:
                failures.append(f"{what}: refused: {errors_of(response)}")
                continue
            failures += [f"{what}: {change}" for change in differences(before, stored_data())]
    after = reader_pages()
    failures += [
        f"page {address} changed" for address in pages if after.get(address) != pages[address]
    ]
    assert not failures, "\n".join(failures)
