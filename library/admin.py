"""The media library in the admin: upload once, describe once, find again by what it shows."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html

from .models import LibraryImage
from .renditions import renditions_for
from .uploads import SafeImageField


class LibraryImageForm(forms.ModelForm):
    class Meta:
        model = LibraryImage
        fields = ["file", "alt_text", "caption", "photographer", "credit", "focal_x", "focal_y"]
        field_classes = {"file": SafeImageField}
        widgets = {"caption": forms.Textarea(attrs={"rows": 2, "cols": 80})}


@admin.register(LibraryImage)
class LibraryImageAdmin(admin.ModelAdmin):
    form = LibraryImageForm
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
        if not image.pk:
            return "–"
        return self.thumbnail(image)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
