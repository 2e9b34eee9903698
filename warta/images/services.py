"""Renditions are made here, when an image is uploaded or an article published,
so that a reader's request only ever finds them ready."""

from __future__ import annotations

import hashlib
import logging
import os
import re

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.images import get_image_model

from warta.images.uploads import EXTENSIONS, clean_image, sniff_format

log = logging.getLogger(__name__)

# Every size the reader templates ask for; keep in step with templates/components and
# blocks (their {% picture %} tags ask for each size in WebP with a JPEG fallback).
# images/tests/test_markup.py fails when a page needs a rendition missing here.
LEAD_SIZES = ("fill-1200x675", "fill-800x450", "fill-480x270")
LEAD_SPECS = tuple(f"{size}|format-webp" for size in LEAD_SIZES) + tuple(
    f"{size}|format-jpeg" for size in LEAD_SIZES
)
CARD_SPECS = tuple(  # cards and body images
    f"{size}|format-{fmt}" for fmt in ("webp", "jpeg") for size in ("fill-480x270", "fill-800x450")
)
PORTRAIT_SPECS = ("fill-160x160|format-webp", "fill-160x160|format-jpeg")
# Link previews (og:image) and the NewsArticle images in 16:9, 4:3 and 1:1, 1200 px
# wide as Google asks; JPEG because not every link-preview reader takes WebP.
OPEN_GRAPH_SPEC = "fill-1200x630|format-jpeg"
STRUCTURED_DATA_SPECS = (
    "fill-1200x675|format-jpeg",
    "fill-1200x900|format-jpeg",
    "fill-1200x1200|format-jpeg",
)
# Pictures shown at their own size (ad creatives, the publisher logo in structured
# data): the stored original is never public, so they get a copy bounded in size.
AS_UPLOADED_SPEC = "max-2000x2000"
ALL_SPECS = tuple(
    dict.fromkeys(
        LEAD_SPECS
        + CARD_SPECS
        + PORTRAIT_SPECS
        + (OPEN_GRAPH_SPEC,)
        + STRUCTURED_DATA_SPECS
        + (AS_UPLOADED_SPEC,)
    )
)


def prepare_renditions(image_id: int, specs=ALL_SPECS) -> None:
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return
    try:
        image.get_renditions(*specs)
    except Exception:  # a broken upload must not break a publish
        log.exception("could not prepare renditions for image %s", image_id)


# A stored original named by WartaImage.get_upload_to: a random token, then the name.
PROTECTED_NAME = re.compile(r"^original_images/[a-z2-7]{16}-")


def needs_protecting(image) -> bool:
    """Stored before uploads were cleaned and named unguessably."""
    return not PROTECTED_NAME.match(image.file.name or "")


@transaction.atomic
def protect_stored_image(image) -> None:
    """Bring an image stored before uploads were cleaned up to today's rules: the
    original rewritten without metadata under an unguessable name, its old renditions
    (which kept GPS and carry a guessable name) deleted and made again after commit.
    ImageRejected when the stored file is itself broken; then nothing changes."""
    old_name = image.file.name
    with image.open_file() as handle:
        data = handle.read()
    found = sniff_format(data[:16]) or "JPEG"
    stem = os.path.splitext(os.path.basename(old_name))[0]
    clean = clean_image(data, f"{stem}.{EXTENSIONS[found]}")
    storage = image.file.storage
    image.file.save(f"{stem}.{clean.extension}", ContentFile(clean.content), save=False)
    image.width, image.height = clean.width, clean.height
    image.file_size = len(clean.content)
    image.file_hash = hashlib.sha1(clean.content).hexdigest()  # noqa: S324 - Wagtail's own hash
    image.renditions.all().delete()  # Wagtail removes their files after commit
    image.save(update_fields=["file", "width", "height", "file_size", "file_hash"])
    transaction.on_commit(lambda: storage.delete(old_name))
