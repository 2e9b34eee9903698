"""Renditions are made here, when an image is uploaded or an article published,
so that a reader's request only ever finds them ready."""

from __future__ import annotations

import logging

from wagtail.images import get_image_model

log = logging.getLogger(__name__)

# Every size the reader templates ask for; keep in step with templates/components.
LEAD_SPECS = ("fill-1200x675|format-webp", "fill-800x450|format-webp", "fill-480x270|format-webp")
CARD_SPECS = ("fill-480x270|format-webp",)
PORTRAIT_SPECS = ("fill-160x160|format-webp",)
ALL_SPECS = tuple(dict.fromkeys(LEAD_SPECS + CARD_SPECS + PORTRAIT_SPECS))


def prepare_renditions(image_id: int, specs=ALL_SPECS) -> None:
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return
    try:
        image.get_renditions(*specs)
    except Exception:  # a broken upload must not break a publish
        log.exception("could not prepare renditions for image %s", image_id)
