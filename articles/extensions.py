"""
What other apps add to stories, without the articles app knowing them: each app that
adds something subclasses ``StoryExtension`` and registers it in its ``AppConfig.ready()``,
as Wagtail's apps register their hooks. Comments add their counts to lists of stories;
live coverage adds its posts' credits, its JSON-LD and its badge.
"""

_registered = []


class StoryExtension:
    """Every method is optional: the defaults add nothing."""

    # A one-to-one relation loaded with the story on its page and in the admin's list.
    relation = None

    def list_annotations(self):
        """{name: expression} annotated on the stories of readers' lists."""
        return {}

    def credits(self, article):
        """More (role, name, place, language) credits the story's line names after its own."""
        return []

    def structured_data(self, request, article, data):
        """Change the story page's schema.org data in place."""

    def frame_origins(self, article):
        """Embed providers the story's page may frame besides those its text shows."""
        return []

    def badges(self, article):
        """(css name, label) of states the admin shows beside the story's own."""
        return []


def register(extension):
    if all(type(extension) is not type(known) for known in _registered):
        _registered.append(extension)


def registered():
    return list(_registered)


def relations():
    return [extension.relation for extension in _registered if extension.relation]


def list_annotations():
    found = {}
    for extension in _registered:
        found.update(extension.list_annotations())
    return found


def extra_credits(article):
    return [credit for extension in _registered for credit in extension.credits(article)]
