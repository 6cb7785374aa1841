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


@pytest.fixture
def inbox(tmp_path, settings, section):
    """The inbox folder, switched on."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    settings.WIRE_INBOX_DIR = str(folder)
    return folder


@pytest.fixture
def run_inbox(django_capture_on_commit_callbacks):
    """Run the periodic import, its transactions committed (files move after a commit)."""
    from wire.tasks import import_wire_inbox

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return import_wire_inbox.delay()

    return run
