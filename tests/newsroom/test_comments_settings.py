import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def comment_settings(**env):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import newsroom.settings as s; "
            "print(s.COMMENTS_IP_RETENTION_DAYS, s.COMMENTS_CLOSE_AFTER_DAYS)",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


def test_comment_settings_have_defaults_and_follow_the_environment():
    unset = {"COMMENTS_IP_RETENTION_DAYS": "", "COMMENTS_CLOSE_AFTER_DAYS": ""}
    assert comment_settings(**unset) == ["30", "14"]
    assert comment_settings(COMMENTS_IP_RETENTION_DAYS="7", COMMENTS_CLOSE_AFTER_DAYS="0") == [
        "7",
        "0",
    ]
