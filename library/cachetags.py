"""
The page cache's tags for the media library (see newsroom/pagecache): a picture wherever
it shows, and the pictures listed on a photographer's page.
"""

from newsroom.pagecache import keyed_tag

picture = keyed_tag("picture-{}")
photos_by = keyed_tag("contributor-{}-photos")


def picture_changed(image, before):
    tags = {picture(image.pk)}
    for photographer_id in {image.photographer_id, (before or {}).get("photographer_id")}:
        if photographer_id:
            tags.add(photos_by(photographer_id))
    return tags
