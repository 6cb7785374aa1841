"""A mail backend for the real-worker tests: files in TEST_MAIL_DIR, and a mail server that
refuses a message whose subject holds the words in TEST_MAIL_REFUSE_ONCE the first time."""

import os
import smtplib
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend


class RefusesOnceFileBackend(EmailBackend):
    def __init__(self, **kwargs):
        super().__init__(file_path=os.environ["TEST_MAIL_DIR"], **kwargs)

    def send_messages(self, email_messages):
        words = os.environ.get("TEST_MAIL_REFUSE_ONCE", "")
        flag = Path(self.file_path) / "refused-once"
        if words and any(words in m.subject for m in email_messages) and not flag.exists():
            flag.write_text("refused")
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(email_messages)


class HangsOnceFileBackend(EmailBackend):
    """Files in TEST_MAIL_DIR; a message whose subject holds TEST_MAIL_HANG_ONCE hangs the
    first time, as a mail server that stops answering, for the test to kill the worker."""

    def __init__(self, **kwargs):
        super().__init__(file_path=os.environ["TEST_MAIL_DIR"], **kwargs)

    def send_messages(self, email_messages):
        words = os.environ.get("TEST_MAIL_HANG_ONCE", "")
        flag = Path(self.file_path) / "hanging"
        if words and any(words in m.subject for m in email_messages) and not flag.exists():
            flag.write_text("hanging")
            time.sleep(3600)
        return super().send_messages(email_messages)
