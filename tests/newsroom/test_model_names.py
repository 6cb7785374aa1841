"""Every model of the newsroom's own apps is named in proper English, one and many."""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

# Names that stay as they are in the plural, or change otherwise than by an ending.
IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women"}


def english_plural(name):
    *words, last = name.split(" ")
    if last in IRREGULAR:
        last = IRREGULAR[last]
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return " ".join([*words, last])


def project_models():
    base = Path(settings.BASE_DIR).resolve()
    for config in apps.get_app_configs():
        if base in Path(config.path).resolve().parents and ".venv" not in config.path:
            yield from config.get_models()


def test_english_plural_knows_the_endings():
    assert english_plural("pinned story") == "pinned stories"
    assert english_plural("log entry") == "log entries"
    assert english_plural("day") == "days"
    assert english_plural("address") == "addresses"
    assert english_plural("breaking-news banner") == "breaking-news banners"


def test_every_model_has_a_proper_plural():
    models = list(project_models())
    assert {model._meta.app_label for model in models} >= {"articles", "comments", "live"}
    wrong = []
    for model in models:
        opts = model._meta
        plural = str(opts.verbose_name_plural)
        if re.search(r"[^aeiou]ys\b", plural):
            wrong.append(f"{opts.label}: {plural}")
        # Django's own plural adds an "s": right only where English does the same.
        elif "verbose_name_plural" not in opts.original_attrs and plural != english_plural(
            str(opts.verbose_name)
        ):
            wrong.append(f"{opts.label}: {plural}, not {english_plural(opts.verbose_name)}")
    assert wrong == []
