"""
A picture from the wire put in the media library, when its file came with it.

The file must lie beside the item, named by a rendition's href ("panda.jpg"): pictures
are never fetched from the web (an address in a feed could point anywhere, inside our
own network too), and a link out of the folder, a second name (hard link) of a file
kept elsewhere, or a name leading out of it, is refused. The file goes through the same
checks as an upload and is stored without its metadata. Sent again, the same picture
(by the agency's id) is updated, not doubled.
"""

import os
import stat
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from articles.models import Contributor
from articles.models.taxonomy import name_problem
from library.models import LibraryImage
from library.uploads import clean_image_upload

from .story import BadStory


def attached_file(picture, folder):
    """(name, bytes) of the picture's file beside the item; BadStory when there is none."""
    for _, href in sorted(picture.renditions, key=lambda r: r[1] != picture.href):
        if urlsplit(href).scheme or not href or "/" in href or "\\" in href:
            continue  # a web address or a path: never followed
        path = Path(folder) / href
        try:
            descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            continue
        with os.fdopen(descriptor, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
                continue  # a second name of a file kept elsewhere is not read either
            return href, file.read()
    linked = picture.href or "no rendition"
    raise BadStory(
        f"The picture “{picture.title or picture.source_id}” came without its file "
        f"({linked}): pictures are not fetched from the web; send the file beside the item."
    )


def save_picture(picture, folder, by=None):
    """The library picture for this WirePicture, its file read from `folder`."""
    name, data = attached_file(picture, folder)
    try:
        upload = clean_image_upload(SimpleUploadedFile(name, data))
    except ValidationError as error:
        raise BadStory(f"The picture “{name}”: {' '.join(error.messages)}") from None
    photographer = None
    name_limit = Contributor._meta.get_field("name").max_length
    person = picture.photographer
    if person and len(person) <= name_limit and not name_problem(person):
        photographer = Contributor.objects.for_name(person)
    described = picture.caption or picture.title or picture.source_id
    fields = {
        "caption": picture.caption[:500],
        "alt_text": described[:250],
        "photographer": photographer,
        # An agency is credited by name; a photographer who is a contributor by the style.
        "credit": "" if photographer else (picture.credit or picture.infosource)[:150],
    }
    with transaction.atomic():
        image = LibraryImage.objects.filter(source_id=picture.source_id).first()
        if image is None:
            image = LibraryImage(source_id=picture.source_id[:255], uploaded_by=by)
        for field, value in fields.items():
            setattr(image, field, value)
        image.file.save(upload.name, upload, save=False)
        image.save()
    return image
