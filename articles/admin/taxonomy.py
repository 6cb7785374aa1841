"""Sections, contributors, credit styles and places: the newsroom's reference data."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.forms.models import BaseInlineFormSet

from newsroom.admin_actions import TickedIdsMixin
from newsroom.admin_autocomplete import KnownKeysAutocompleteMixin

from ..models import Contributor, CreditPhrase, CreditStyle, Place, Section, Topic
from ..weblinks import web_address, web_addresses

OTHER_LANGUAGES = [(c, n) for c, n in settings.ARTICLE_LANGUAGES if c != settings.LANGUAGE_CODE]
# What only the site's interface shows (menus, topic and profile pages): its own languages.
INTERFACE_LANGUAGES = [(c, n) for c, n in settings.LANGUAGES if c != settings.LANGUAGE_CODE]


class NamesFormBase(forms.ModelForm):
    """The name in each other language, one box each, kept as the model's ``names``."""

    languages = OTHER_LANGUAGES

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _ in self.languages:
            self.fields[f"name_{code}"].initial = (self.instance.names or {}).get(code, "")

    def clean(self):
        cleaned = super().clean()
        self.instance.names = {
            code: cleaned[f"name_{code}"].strip()
            for code, _ in self.languages
            if cleaned.get(f"name_{code}", "").strip()
        }
        return cleaned


NAME_FIELDS = [f"name_{code}" for code, _ in OTHER_LANGUAGES]


def names_form(model, max_length=100, languages=OTHER_LANGUAGES):
    """A model form with one box per other language for the name readers see."""
    boxes = {
        f"name_{code}": forms.CharField(
            label=f"In {language}",
            required=False,
            max_length=max_length,
            help_text="Empty: written as the name above.",
        )
        for code, language in languages
    }
    meta = type("Meta", (), {"model": model, "exclude": ["names"]})
    attributes = {"Meta": meta, "languages": languages, **boxes}
    return type(f"{model.__name__}Form", (NamesFormBase,), attributes)


def in_other_languages(obj):
    return ", ".join(f"{code}: {name}" for code, name in sorted((obj.names or {}).items()))


@admin.register(Section)
class SectionAdmin(TickedIdsMixin, admin.ModelAdmin):
    form = names_form(Section, languages=INTERFACE_LANGUAGES)
    list_display = ["name", "slug", "position", "comment_policy"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Topic)
class TopicAdmin(TickedIdsMixin, admin.ModelAdmin):
    """What stories are about across sections; each has its page and feeds for readers."""

    form = names_form(Topic, languages=INTERFACE_LANGUAGES)
    list_display = ["name", "slug", "in_other_languages"]
    search_fields = ["name", "slug", "names"]
    prepopulated_fields = {"slug": ["name"]}

    @admin.display(description="In other languages")
    def in_other_languages(self, obj):
        return in_other_languages(obj)


class ContributorFormBase(forms.ModelForm):
    """The profile readers see: a portrait from the media library, a bio per language."""

    website = forms.CharField(
        required=False, max_length=200, help_text="Their own site: https://, then its name."
    )

    class Meta:
        model = Contributor
        fields = ["name", "slug", "job_title", "photo", "bio", "website", "social_links", "user"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _ in INTERFACE_LANGUAGES:
            self.fields[f"bio_{code}"].initial = (self.instance.bios or {}).get(code, "")

    def clean_website(self):
        # Typed without a scheme, an address is taken as https (as before).
        typed = self.cleaned_data["website"].strip()
        if typed and "://" not in typed:
            typed = f"https://{typed}"
        return web_address(typed) if typed else ""

    def clean_social_links(self):
        # Kept as shown: one address a line, each written as browsers read it.
        return "\n".join(web_addresses(self.cleaned_data["social_links"]))

    def clean(self):
        cleaned = super().clean()
        self.instance.bios = {
            code: cleaned[f"bio_{code}"].strip()
            for code, _ in INTERFACE_LANGUAGES
            if cleaned.get(f"bio_{code}", "").strip()
        }
        return cleaned


ContributorForm = type(
    "ContributorForm",
    (ContributorFormBase,),
    {
        f"bio_{code}": forms.CharField(
            label=f"Bio in {language}",
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text="Empty: the bio above.",
        )
        for code, language in INTERFACE_LANGUAGES
    },
)


@admin.register(Contributor)
class ContributorAdmin(TickedIdsMixin, KnownKeysAutocompleteMixin, admin.ModelAdmin):
    form = ContributorForm
    fields = [
        "name",
        "slug",
        "job_title",
        "photo",
        "bio",
        *(f"bio_{code}" for code, _ in INTERFACE_LANGUAGES),
        "website",
        "social_links",
        "user",
    ]
    list_display = ["name", "slug", "job_title", "user"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user", "photo"]


class KeepsSpacesMixin:
    """The words of a credit style are kept as typed, spaces included: the separator "; "
    stripped to ";" would change every published line written with it."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.CharField) and db_field.name != "name":
            kwargs["strip"] = False
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class NamedRowBoxes(BaseInlineFormSet):
    """A table's boxes have only their column's heading above them: each is named by its
    column and row, so a screen reader says which box it is in."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        row = "new row" if index is None else f"row {index + 1}"
        for field in form.fields.values():
            field.widget.attrs["aria-label"] = f"{field.label}, {row}"


class CreditPhraseInline(KeepsSpacesMixin, admin.TabularInline):
    model = CreditPhrase
    formset = NamedRowBoxes
    extra = 0


@admin.register(CreditStyle)
class CreditStyleAdmin(TickedIdsMixin, KeepsSpacesMixin, admin.ModelAdmin):
    list_display = ["name", "language", "for_translations", "conjunction", "place_preposition"]
    list_filter = ["language", "for_translations"]
    inlines = [CreditPhraseInline]


PlaceForm = names_form(Place)


@admin.register(Place)
class PlaceAdmin(TickedIdsMixin, admin.ModelAdmin):
    form = PlaceForm
    list_display = ["name", "in_other_languages"]
    search_fields = ["name", "names"]
    fields = ["name", *NAME_FIELDS]

    @admin.display(description="In other languages")
    def in_other_languages(self, obj):
        return in_other_languages(obj)
