"""What changed between two versions of a story, as an editor reads it: the body's words
and the credits' rows, not the stored HTML and field values."""

import difflib
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..bodypictures import PICTURE
from ..html import html_to_text
from ..models import Contributor, Credit, Role

# Kept with every version so saving works, but no one edits them: never worth a line.
BOOKKEEPING_FIELDS = ["edit_token", "modified_at", "revision", "created_at", "credit_variant"]

WORD_OR_BREAK = re.compile(r"\n|[^\s]+")


def readable_body(html):
    """The body's text, a paragraph a line; a library picture as its number."""
    html = PICTURE.sub(lambda found: f"<p>[Picture {found[1]}]</p>", html or "")
    return html_to_text(html)


def word_diff(old, new):
    """The new text in paragraphs, with the words added in <ins> and removed in <del>."""
    return mark_safe("".join(f"<p>{paragraph}</p>" for paragraph in changed_words(old, new)))


def changed_words(old, new):
    """word_diff's paragraphs, each as HTML."""
    old_words, new_words = WORD_OR_BREAK.findall(old), WORD_OR_BREAK.findall(new)
    paragraphs, words = [], []

    def add(tag, tokens):
        for token in tokens:
            if token == "\n":
                paragraphs.append(" ".join(words))
                words.clear()
            else:
                words.append(f"<{tag}>{escape(token)}</{tag}>" if tag else escape(token))

    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, old_from, old_to, new_from, new_to in matcher.get_opcodes():
        if op in ("delete", "replace"):
            add("del", old_words[old_from:old_to])
        if op in ("insert", "replace"):
            add("ins", new_words[new_from:new_to])
        if op == "equal":
            add("", new_words[new_from:new_to])
    paragraphs.append(" ".join(words))
    # Neighbouring changed words read as one change.
    return [re.sub(r"</(ins|del)> <\1>", " ", p) for p in paragraphs if p]


@dataclass
class CreditRow:
    change: str  # "added", "removed", "changed", "moved" or "" (as it was)
    role: str
    name: str
    place: str
    language: str

    @classmethod
    def of(cls, row, names, change="", before=None):
        cells = cls.cells(row, names)
        if before is not None:
            old = cls.cells(before, names)
            cells = {key: cls.changed(old[key], value) for key, value in cells.items()}
        return cls(change, **cells)

    @staticmethod
    def changed(old, new):
        return new if old == new else mark_safe(" ".join(changed_words(old, new)))

    @staticmethod
    def cells(row, names):
        languages = dict(settings.ARTICLE_LANGUAGES)
        return {
            "role": str(Role(row["role"]).label),
            "name": names.get(row["contributor_id"], "?"),
            "place": row["place"],
            "language": languages.get(row["language"], row["language"]),
        }


def credits_in(version, article_id):
    """The story's credit rows kept with this version, in their order."""
    content_type = ContentType.objects.get_for_model(Credit)
    rows = [
        version.field_dict
        for version in version.revision.version_set.filter(content_type=content_type)
    ]
    rows = [row for row in rows if row["article_id"] == article_id]
    return sorted(rows, key=lambda row: (row["position"], row["id"]))


def credit_rows(old_version, new_version, article_id):
    """The credits of the newer version, each marked added, changed, moved or as it was,
    and the ones it no longer has marked removed, where they stood."""
    old, new = credits_in(old_version, article_id), credits_in(new_version, article_id)
    names = dict(
        Contributor.objects.filter(pk__in={row["contributor_id"] for row in old + new}).values_list(
            "pk", "name"
        )
    )
    old_by_id = {row["id"]: row for row in old}
    new_ids = {row["id"] for row in new}
    moved = moved_ids(
        [row["id"] for row in old if row["id"] in new_ids],
        [row["id"] for row in new if row["id"] in old_by_id],
    )
    rows = []
    for row in new:
        before = old_by_id.get(row["id"])
        if before is None:
            rows.append(CreditRow.of(row, names, "added"))
        elif CreditRow.cells(before, names) != CreditRow.cells(row, names):
            rows.append(CreditRow.of(row, names, "changed", before))
        else:
            rows.append(CreditRow.of(row, names, "moved" if row["id"] in moved else ""))
    for index, row in enumerate(old):
        if row["id"] not in new_ids:
            rows.insert(min(index, len(rows)), CreditRow.of(row, names, "removed"))
    return rows


def moved_ids(old_order, new_order):
    """The ids that left their place among the others: all but the longest run kept in order."""
    matcher = difflib.SequenceMatcher(None, old_order, new_order, autojunk=False)
    kept = {
        new_order[block.b + offset]
        for block in matcher.get_matching_blocks()
        for offset in range(block.size)
    }
    return set(new_order) - kept


def render_credit_rows(rows):
    return render_to_string("admin/articles/article/compare_credits.html", {"rows": rows})
