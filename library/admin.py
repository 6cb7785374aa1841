"""The media library in the admin: upload once, describe once, find again by what it shows."""

from django import forms
from django.contrib import admin
from django.urls import path
from django.utils.html import format_html

from newsroom.admin_actions import TickedIdsMixin
from newsroom.admin_autocomplete import KnownKeysAutocompleteMixin

from . import chooser
from .models import LibraryImage, LibraryImageText
from .renditions import renditions_for
from .uploads import SafeImageField


class LibraryImageForm(forms.ModelForm):
    class Meta:
        model = LibraryImage
        fields = ["file", "alt_text", "caption", "photographer", "credit", "focal_x", "focal_y"]
        field_classes = {"file": SafeImageField}
        widgets = {"caption": forms.Textarea(attrs={"rows": 2, "cols": 80})}


class LibraryImageTextInline(admin.TabularInline):
    model = LibraryImageText
    extra = 0
    fields = ["language", "caption", "alt_text"]
    verbose_name = "caption and alt text in another language"
    verbose_name_plural = "Captions and alt text in other languages"


@admin.register(LibraryImage)
class LibraryImageAdmin(TickedIdsMixin, KnownKeysAutocompleteMixin, admin.ModelAdmin):
    form = LibraryImageForm
    inlines = [LibraryImageTextInline]
    list_display = ["thumbnail", "caption_or_alt", "photographer", "credit", "uploaded_at"]
    list_display_links = ["caption_or_alt"]
    list_select_related = ["photographer"]
    search_fields = ["caption", "alt_text", "photographer__name", "credit"]
    list_filter = ["uploaded_at", ("photographer", admin.RelatedOnlyFieldListFilter)]
    date_hierarchy = "uploaded_at"
    autocomplete_fields = ["photographer"]
    readonly_fields = ["preview", "uploaded_at", "uploaded_by"]
    fieldsets = [
        (None, {"fields": ["file", "preview", "alt_text", "caption"]}),
        ("Credit", {"fields": ["photographer", "credit"]}),
        ("Crops", {"fields": ["focal_x", "focal_y"]}),
        ("Upload", {"fields": ["uploaded_at", "uploaded_by"]}),
    ]

    @admin.display(description="caption")
    def caption_or_alt(self, image):
        return image.caption or image.alt_text

    @admin.display(description="picture")
    def thumbnail(self, image):
        renditions = renditions_for(image.file)
        if not renditions:
            return "–"
        return format_html(
            '<img src="{}" alt="" width="120" loading="lazy" class="library-thumbnail">',
            renditions[0].url,
        )

    @admin.display(description="as readers see it")
    def preview(self, image):
        renditions = renditions_for(image.file) if image.pk else []
        if not renditions:
            return "–"
        # Clicking the picture sets its focal point (static/newsroom-admin/library.js).
        return format_html(
            '<div class="focal-point" data-focal-x="{}" data-focal-y="{}">'
            '<img src="{}" alt="" width="{}" height="{}" class="focal-point-picture">'
            '<span class="focal-point-mark" aria-hidden="true"></span></div>'
            '<p class="help">Click where the subject is to set the focal point.</p>',
            image.focal_x,
            image.focal_y,
            renditions[min(1, len(renditions) - 1)].url,
            renditions[min(1, len(renditions) - 1)].width,
            renditions[min(1, len(renditions) - 1)].height,
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "chooser/",
                view(lambda request: chooser.chooser(self, request)),
                name="library_libraryimage_chooser",
            ),
            path(
                "chooser/<int:pk>/",
                view(lambda request, pk: chooser.described(self, request, pk)),
                name="library_libraryimage_described",
            ),
            *super().get_urls(),
        ]

    class Media:
        js = ["newsroom-admin/library.js"]
        css = {"all": ["newsroom-admin/body-editor.css"]}

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
