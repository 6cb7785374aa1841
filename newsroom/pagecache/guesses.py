"""The tags each page or part showed when this process last saw it, so that one cache read
fetches it with their versions."""

from collections import OrderedDict

KEPT = 10_000


class Guesses:
    def __init__(self, kept=KEPT):
        self._tags, self._kept = OrderedDict(), kept

    def get(self, key):
        return self._tags.get(key, ())

    def remember(self, key, tags):
        self._tags[key] = tuple(sorted(tags))
        self._tags.move_to_end(key)
        while len(self._tags) > self._kept:
            self._tags.popitem(last=False)
