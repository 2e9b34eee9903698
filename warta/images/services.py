"""Renditions are made here, when an image is uploaded or an article published,
so that a reader's request only ever finds them ready."""

from __future__ import annotations

import logging

from wagtail.images import get_image_model

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
ALL_SPECS = tuple(
    dict.fromkeys(
        LEAD_SPECS + CARD_SPECS + PORTRAIT_SPECS + (OPEN_GRAPH_SPEC,) + STRUCTURED_DATA_SPECS
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
