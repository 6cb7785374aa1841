"""
Credits that make no sense on an article, said as warnings while an editor works.

Never refused here: wire copy carries odd lines on purpose (an English story with
its French version's credits), so the editor is told and decides. What the
model itself refuses (Credit.clean) is also said early, before the save fails.
Works on plain (role, name, place, language) tuples, saved or not.
"""

from django.conf import settings

from .models import ROLES_WITH_PLACE, Role

LANGUAGE_NAMES = dict(settings.ARTICLE_LANGUAGES)


def credit_warnings(article, credits):
    """What looks wrong with these credits on this article, in words for the editor."""
    warnings = []
    roles = dict(Role.choices)
    language = LANGUAGE_NAMES.get(article.language, article.language)
    seen = set()
    for role, name, place, into in credits:
        label = roles.get(role, role).lower()
        if (role, name) in seen:
            warnings.append(f"{name} is credited twice for {label}.")
        seen.add((role, name))
        if place and role not in ROLES_WITH_PLACE:
            warnings.append(f"{name} has a place, but {label} takes none: clear it to save.")
        if role != Role.TRANSLATION:
            if into:
                warnings.append(f"{name} has a language, but only a translation takes one.")
            continue
        if not into:
            warnings.append(f"Say which language {name} translated into.")
        elif into != article.language:
            warnings.append(
                f"{name} is credited with a {LANGUAGE_NAMES.get(into, into)} version, "
                f"but this article is in {language}."
            )
        if not article.translation_of_id:
            warnings.append(
                f"{name} is credited as translator, but this article is not marked as a "
                "translation: choose its original under “Translation of”."
            )
    if article.translation_of_id and not any(role == Role.TRANSLATION for role, *_ in credits):
        warnings.append("This translation credits no translator.")
    return warnings
