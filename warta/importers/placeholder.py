"""A stand-in lead picture for imported text, which never carries its photo.

The article keeps the caption and credit the page printed, and those need an
image to hang on; a plain grey picture saying so is honest and easy to spot.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

PLACEHOLDER_SIZE = (1600, 900)
PLACEHOLDER_TEXT = "Foto belum diunggah"
_BACKGROUND = (160, 160, 160)
_INK = (60, 60, 60)


def placeholder_jpeg(
    size: tuple[int, int] = PLACEHOLDER_SIZE, text: str = PLACEHOLDER_TEXT
) -> bytes:
    """A neutral grey JPEG with ``text`` drawn in the middle."""
    picture = Image.new("RGB", size, _BACKGROUND)
    draw = ImageDraw.Draw(picture)
    font = ImageFont.load_default(size=max(16, size[1] // 10))
    draw.text((size[0] / 2, size[1] / 2), text, fill=_INK, font=font, anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()
