"""
A story cut to what the article's fields hold, before anything is written.

Wire and ninjs copy comes from outside: a 5,000-character caption or a 300-character
"name" must not reach the database (PostgreSQL refuses it and the import fails with a
500). Each text longer than its field is cut to fit, and the whole of it kept in a note;
a credit whose name cannot be a contributor's is left out, noted the same way. The
limits are read from the models, so a field made longer or shorter is followed.
"""

from articles.models import Article, Contributor, Credit

# Story attributes written to the article field of the same name.
ARTICLE_TEXTS = [
    "headline",
    "dateline_place",
    "dateline_agency",
]


def _limit(model, name):
    return model._meta.get_field(name).max_length


def fit_to_fields(story, credits, notes):
    """Cut the story's texts to fit, in place; return the credits that fit. Notes say what."""
    for name in ARTICLE_TEXTS:
        value, limit = getattr(story, name), _limit(Article, name)
        if len(value) > limit:
            setattr(story, name, value[:limit].rstrip())
            label = Article._meta.get_field(name).verbose_name
            notes.append(
                f"The {label} was cut to {limit} characters; as sent ({len(value):,}): {value}"
            )
    kept = []
    name_limit, place_limit = _limit(Contributor, "name"), _limit(Credit, "place")
    for role, name, place, language in credits:
        if len(name) > name_limit:
            notes.append(
                f"Not credited: a name of {len(name):,} characters (at most {name_limit}): {name}"
            )
            continue
        if len(place) > place_limit:
            notes.append(
                f"The place of {name}'s credit was cut to {place_limit} characters; "
                f"as sent: {place}"
            )
            place = place[:place_limit].rstrip()
        kept.append((role, name, place, language))
    return kept
