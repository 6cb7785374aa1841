"""Sections, contributors and credit styles: the newsroom's reference data."""

from django.contrib import admin

from ..models import Contributor, CreditPhrase, CreditStyle, Section


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "comment_policy"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


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
