"""
Lists of ids a browser keeps in a signed cookie: the comments it posted that wait for a
moderator, the addresses it proved. Signed, so that nobody claims another's; not a
session, which would make every page the reader opens afterwards theirs alone, uncached.
"""

from dataclasses import dataclass

from django.conf import settings

DAY = 24 * 60 * 60


@dataclass(frozen=True)
class SignedIds:
    name: str
    salt: str
    days: int
    kept: int  # the newest ones, at most
    httponly: bool = True

    def read(self, request):
        """The ids, oldest first; none when the cookie is missing, forged or too old."""
        value = request.get_signed_cookie(
            self.name, default="", salt=self.salt, max_age=self.days * DAY
        )
        return [int(part) for part in value.split(",") if part.isdigit()]

    def add(self, request, response, pk):
        """``response`` gives the browser ``pk`` beside the ids it has."""
        ids = [*(old for old in self.read(request) if old != pk), pk][-self.kept :]
        response.set_signed_cookie(
            self.name,
            ",".join(map(str, ids)),
            salt=self.salt,
            max_age=self.days * DAY,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=self.httponly,
            samesite="Lax",
        )
        return response
