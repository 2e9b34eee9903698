"""Reads about stored picture files."""

from __future__ import annotations

import posixpath

# Where Wagtail keeps uploaded originals, below MEDIA_ROOT. Only renditions are public.
ORIGINALS_FOLDER = "original_images"


def is_private_media(path: str) -> bool:
    """Whether a path below /media/ is a stored original, however it is spelled
    (``a/../original_images/x``, ``//original_images/x``, ``ORIGINAL_IMAGES/x``)."""
    normalized = posixpath.normpath("/" + path.replace("\\", "/")).lstrip("/")
    return normalized.split("/", 1)[0].lower() == ORIGINALS_FOLDER
