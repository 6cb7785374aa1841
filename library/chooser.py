"""
The picture chooser of the body's editor, as an admin view: the media library's pictures
with their thumbnails, searched by caption, alt text, photographer and credit, a page at
a time (an HTML fragment the editor shows in a dialog), and one picture described for
the editor to draw it (JSON). Whoever may view the library may choose from it.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import render

from .models import LibraryImage
from .renditions import renditions_for

PER_PAGE = 24


def thumbnail_url(picture):
    renditions = renditions_for(picture.file)
    return renditions[0].url if renditions else ""


def credit_text(picture):
    """Who took it, as the editor shows it (the page writes it in the story's style)."""
    if picture.photographer_id:
        return f"Photo: {picture.photographer.name}"
    return picture.credit


def search(query):
    pictures = LibraryImage.objects.select_related("photographer").exclude(
        file__startswith="withdrawn/"
    )
    for word in query.split():
        pictures = pictures.filter(
            Q(caption__icontains=word)
            | Q(alt_text__icontains=word)
            | Q(photographer__name__icontains=word)
            | Q(credit__icontains=word)
            | Q(texts__caption__icontains=word)
            | Q(texts__alt_text__icontains=word)
        ).distinct()
    return pictures


def chooser(model_admin, request):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    query = request.GET.get("q", "").strip()[:200]
    page = Paginator(search(query), PER_PAGE).get_page(request.GET.get("page"))
    choices = [
        {"picture": picture, "thumbnail": thumbnail_url(picture), "credit": credit_text(picture)}
        for picture in page
    ]
    context = {"page": page, "choices": choices, "query": query}
    if request.headers.get("Sec-Fetch-Dest") == "document":
        # Opened as a page of its own rather than fetched into the editor's dialog: there is
        # no dialog to close nor story to insert into, so the choices lead to the pictures.
        context |= {
            **model_admin.admin_site.each_context(request),
            "title": "Choose a picture",
            "standalone": True,
        }
        return render(request, "admin/library/chooser_page.html", context)
    return render(request, "admin/library/chooser.html", context)


def described(model_admin, request, pk):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    picture = (
        LibraryImage.objects.select_related("photographer")
        .exclude(file__startswith="withdrawn/")
        .filter(pk=pk)
        .first()
    )
    if picture is None:
        return JsonResponse({"missing": True}, status=404)
    caption, alt_text = picture.text_in(request.GET.get("language", ""))
    return JsonResponse(
        {
            "id": picture.pk,
            "thumbnail": thumbnail_url(picture),
            "caption": caption,
            "alt_text": alt_text,
            "credit": credit_text(picture),
        }
    )
