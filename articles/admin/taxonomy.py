"""Sections, contributors, credit styles and places: the newsroom's reference data."""

from django import forms
from django.conf import settings
from django.contrib import admin

from ..models import Contributor, CreditPhrase, CreditStyle, Place, Section, Topic

OTHER_LANGUAGES = [(c, n) for c, n in settings.ARTICLE_LANGUAGES if c != settings.LANGUAGE_CODE]


class NamesFormBase(forms.ModelForm):
    """The name in each other language, one box each, kept as the model's ``names``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _ in OTHER_LANGUAGES:
            self.fields[f"name_{code}"].initial = (self.instance.names or {}).get(code, "")

    def clean(self):
        cleaned = super().clean()
        self.instance.names = {
            code: cleaned[f"name_{code}"].strip()
            for code, _ in OTHER_LANGUAGES
            if cleaned.get(f"name_{code}", "").strip()
        }
        return cleaned


NAME_FIELDS = [f"name_{code}" for code, _ in OTHER_LANGUAGES]


def names_form(model, max_length=100):
    """A model form with one box per other language for the name readers see."""
    boxes = {
        f"name_{code}": forms.CharField(
            label=f"In {language}",
            required=False,
            max_length=max_length,
            help_text="Empty: written as the name above.",
        )
        for code, language in OTHER_LANGUAGES
    }
    meta = type("Meta", (), {"model": model, "exclude": ["names"]})
    return type(f"{model.__name__}Form", (NamesFormBase,), {"Meta": meta, **boxes})


def in_other_languages(obj):
    return ", ".join(f"{code}: {name}" for code, name in sorted((obj.names or {}).items()))


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    form = names_form(Section)
    list_display = ["name", "slug", "position", "comment_policy"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    """What stories are about across sections; each has its page and feeds for readers."""

    form = names_form(Topic)
    list_display = ["name", "slug", "in_other_languages"]
    search_fields = ["name", "slug", "names"]
    prepopulated_fields = {"slug": ["name"]}

    @admin.display(description="In other languages")
    def in_other_languages(self, obj):
        return in_other_languages(obj)


@admin.register(Contributor)
class ContributorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]


class CreditPhraseInline(admin.TabularInline):
    model = CreditPhrase
    extra = 0


@admin.register(CreditStyle)
class CreditStyleAdmin(admin.ModelAdmin):
    list_display = ["name", "language", "for_translations", "conjunction", "place_preposition"]
    list_filter = ["language", "for_translations"]
    inlines = [CreditPhraseInline]


PlaceForm = names_form(Place)


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    form = PlaceForm
    list_display = ["name", "in_other_languages"]
    search_fields = ["name", "names"]
    fields = ["name", *NAME_FIELDS]

    @admin.display(description="In other languages")
    def in_other_languages(self, obj):
        return in_other_languages(obj)
