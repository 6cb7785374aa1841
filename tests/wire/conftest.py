"""The wire import's tests: story_file(text=None, name="story.txt", footer=FOOTER) writes one."""

import pytest

from tests.wire.wire_copy import FOOTER, STORY


@pytest.fixture
def story_file(tmp_path):
    def write(text=None, name="story.txt", footer=FOOTER):
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(STORY.format(footer=footer) if text is None else text, "utf-8")
        return str(path)

    return write
