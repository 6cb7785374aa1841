"""
What happens to a story once written: edits, updates and corrections readers
are told of, and the translations that fall out of date because of them.
"""

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ..signals import translations_out_of_date
from .credits import Role
from .workflow import WorkflowError


class UpdatesMixin:
    def edit(self, by, *, credits=None, minor=False, reason="", **fields):
        """Change the article the way an editor's save in the admin does.

        Checked against the editor's rights, kept as a revision, and, on a live
        article, recorded as an update readers see (unless ``minor``), which
        puts its translations out of date. Returns whether anything changed.
        """
        if not self.can_be_edited_by(by):
            raise PermissionDenied(f"You may not update “{self.headline}”.")
        changed = [name for name, value in fields.items() if getattr(self, name) != value]
        if "embargo_until" in changed and not self.may_set_embargo(by):
            raise PermissionDenied(f"You may not set an embargo on “{self.headline}”.")
        with transaction.atomic(), reversion.create_revision():
            for name in changed:
                setattr(self, name, fields[name])
            credits_changed = credits is not None and self.set_credits(credits)
            if not (changed or credits_changed):
                return False
            self.save()
            reversion.set_user(by)
            reversion.set_comment(reason or "Edited.")
            self.record_update(by, minor=minor, reason=reason)
        return True

    def keep_version(self, by, comment):
        """A version of the story as it is, in its history with what happened to it (live
        coverage started or ended: nothing of the story's own fields changed)."""
        with reversion.create_revision():
            reversion.add_to_revision(self)
            reversion.set_user(by)
            reversion.set_comment(comment)

    def record_update(self, by, minor, reason=""):
        """
        After an edit of a live article: a minor one (a typo) changes nothing
        readers are told; a substantive one shows as "Updated" and makes the
        translations out of date. Call inside the save's transaction.
        """
        if minor or not self.is_public:
            return
        self.updated_at = timezone.now()
        self.revision = F("revision") + 1
        self.save(update_fields=["updated_at", "revision"])
        self.refresh_from_db(fields=["updated_at", "revision", "edit_token"])
        self._tell_translators(reason or "The original was updated.")

    def add_correction(self, by, text, wrong="", right="", published_at=None):
        correction = self.corrections.create(
            text=text,
            wrong=wrong,
            right=right,
            created_by=by,
            published_at=published_at or timezone.now(),
        )
        self.corrected(correction)
        return correction

    def corrected(self, correction):
        self.revision = F("revision") + 1
        self.save(update_fields=["revision"])
        self.refresh_from_db(fields=["revision", "edit_token"])
        self._tell_translators(f"The original was corrected: {correction.text}")

    @property
    def is_out_of_date(self):
        """A translation whose original was corrected or updated since it was made."""
        return (
            self.translation_of_id is not None
            and self.source_revision is not None
            and self.translation_of.revision > self.source_revision
        )

    def mark_up_to_date(self, by):
        if not self.translation_of_id:
            raise WorkflowError("Only a translation can be marked up to date.")
        if not self.can_be_edited_by(by):
            raise PermissionDenied(f"You may not edit “{self.headline}”.")
        self.source_revision = self.translation_of.revision
        self.save(update_fields=["source_revision"])

    def translator_users(self):
        """The newsroom's users credited with translating this article (credits prefetched)."""
        return list(
            {
                credit.contributor.user_id: credit.contributor.user
                for credit in self.credits.all()
                if credit.role == Role.TRANSLATION and credit.contributor.user_id
            }.values()
        )

    def _tell_translators(self, reason):
        stale = list(
            self.translations.filter(source_revision__lt=self.revision).prefetch_related(
                "credits__contributor__user"
            )
        )
        if stale:
            translations_out_of_date.send(
                sender=type(self), original=self, translations=stale, reason=reason
            )

    def translation_into(self, language, other_than=None):
        """This original's translation into ``language``, if it has one (it may have one)."""
        return self.translations.filter(language=language).exclude(pk=other_than).first()

    def already_translated(self, language, existing):
        """What an editor is told on trying a second translation into one language."""
        name = dict(settings.ARTICLE_LANGUAGES).get(language, language)
        return (
            f"“{self.headline}” already has a {name} translation, “{existing.headline}”: "
            "a story has one translation per language."
        )

    def clashing_translation(self):
        """For a translation: the other translation of its original into its language, if any."""
        if not self.translation_of_id:
            return None
        return self.translation_of.translation_into(self.language, other_than=self.pk)

    def clean(self):
        """Model validation (the admin's form): one translation per language, said plainly."""
        super().clean()
        if clash := self.clashing_translation():
            raise ValidationError(
                {"language": self.translation_of.already_translated(self.language, clash)}
            )

    def create_translation(self, by, language, translator=None):
        """A draft in another language, linked to this original, with its reporting credits."""
        if not (self.may_translate(by) or self.may_write(by)):
            raise PermissionDenied("You may not create translations.")
        if language == self.language:
            raise WorkflowError("A translation must be in another language than its original.")
        if existing := self.translation_into(language):
            raise WorkflowError(self.already_translated(language, existing))
        try:
            return self._create_translation(by, language, translator)
        except IntegrityError:  # another translator got there first
            existing = self.translation_into(language)
            raise WorkflowError(self.already_translated(language, existing)) from None

    def _create_translation(self, by, language, translator):
        copied = [
            "headline",
            "standfirst",
            "dateline_place",
            "dateline_agency",
            "body",
            "section",
            "lead_image",
            "comment_policy",
        ]
        with transaction.atomic(), reversion.create_revision():
            translation = type(self).objects.create(
                **{name: getattr(self, name) for name in copied},
                slug=type(self).objects.unique_slug(f"{self.slug}-{language}"),
                language=language,
                translation_of=self,
                source_revision=self.revision,
                created_by=by,
            )
            credits = [
                (c.role, c.contributor, c.place, c.language)
                for c in self.credits.all()
                if c.role != Role.TRANSLATION
            ]
            if translator is not None:
                credits.append((Role.TRANSLATION, translator, "", language))
            translation.set_credits(credits)
            reversion.set_user(by)
            reversion.set_comment(f"Translation into {language} of “{self.headline}”.")
        return translation
