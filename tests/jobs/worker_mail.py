"""A mail backend for the real-worker tests: files in TEST_MAIL_DIR, and a mail server that
refuses a message whose subject holds the words in TEST_MAIL_REFUSE_ONCE the first time."""

import os
import smtplib
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
