"""
A story's section and topics as ninjs subjects, and back.

The section is the subject with ``rel: section``, the topics those with ``rel: about``;
each carries its slug as ``literal``, a code that stays when a name is translated or
respelt, so an import maps it back by code first and by name after. A section or topic
the newsroom does not have is not made up by an import.
"""

from articles.models import Section, Topic

from . import fields


def subject(thing, rel, absolute):
    return {
        "name": thing.name,
        "rel": rel,
        "uri": absolute(thing.get_absolute_url()),
        "literal": thing.slug,
    }


def subjects_of(article, absolute):
    """The article's section, then its topics, as ninjs ``subjects``."""
    topics = article.topics.all()
    return [subject(article.section, "section", absolute)] + [
        subject(topic, "about", absolute) for topic in topics
    ]


def read_subjects(subjects, story):
    """The section and the topics a ninjs item names, kept on the story as (code, name)."""
    for entry in subjects:
        code, name = fields.text(entry, "literal"), fields.text(entry, "name")
        if entry.get("rel") == "section" and not story.section_code:
            story.section_code = code
        elif entry.get("rel") == "about" and (code or name):
            story.topics.append((code, name))


def section_named(story):
    """The section the story names, by code, else by name; None when there is none such."""
    if story.section_code:
        found = Section.objects.filter(slug=story.section_code).first()
        if found:
            return found
    if story.section_name:
        return Section.objects.filter(name__iexact=story.section_name).first()
    return None


def add_topics(story, article):
    """The topics the story names that the newsroom has; an editor's own are kept."""
    found = [_topic(code, name) for code, name in story.topics]
    if found := [topic for topic in found if topic is not None]:
        article.topics.add(*found)


def _topic(code, name):
    by_code = Topic.objects.filter(slug=code).first() if code else None
    return by_code or (Topic.objects.filter(name__iexact=name).first() if name else None)
