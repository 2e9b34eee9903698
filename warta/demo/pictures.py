"""Pictures for the demo site, drawn with Pillow.

They are meant to look like what they are: tidy placeholders in a section's colour
with a short label, so nobody mistakes them for news photographs. Every function
returns encoded file bytes and is deterministic for the same arguments.
"""

from __future__ import annotations

import io
import random
from functools import cache

from PIL import Image, ImageChops, ImageDraw, ImageFont

LEAD_SIZE = (1600, 900)
PORTRAIT_SIZE = (600, 600)
WHITE = (255, 255, 255)

RGB = tuple[int, int, int]


def hex_to_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


@cache
def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    """Pillow's bundled font at ``size``; the old bitmap font if FreeType is missing."""
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError, ImportError):  # pragma: no cover - Pillow without FreeType
        return ImageFont.load_default()


def _fitting_font(draw: ImageDraw.ImageDraw, text: str, max_width: int, start: int, least: int):
    size = start
    while size > least:
        font = _font(size)
        if draw.textlength(text, font=font) <= max_width:
            return font
        size -= 6
    return _font(least)


def _gradient(size: tuple[int, int], start: RGB, end: RGB) -> Image.Image:
    """A diagonal gradient from ``start`` (top left) to ``end`` (bottom right)."""
    width, height = size
    vertical = Image.linear_gradient("L").resize((width, height))
    horizontal = Image.linear_gradient("L").rotate(90).resize((width, height))
    mask = ImageChops.add(vertical, horizontal, scale=2.0)
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)


def _encode(image: Image.Image, fmt: str = "JPEG") -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(buffer, format="JPEG", quality=86)
    else:
        image.save(buffer, format=fmt, optimize=True)
    return buffer.getvalue()


def _spaced(text: str) -> str:
    return " ".join(text.upper())


def lead_picture(label: str, sublabel: str, colour: str, kicker: str, seed: int) -> bytes:
    """A 1600x900 JPEG: gradient, soft shapes, the kicker and a big label."""
    base = hex_to_rgb(colour)
    dark, light = _mix(base, (10, 12, 20), 0.45), _mix(base, WHITE, 0.25)
    rng = random.Random(seed)
    width, height = LEAD_SIZE
    image = _gradient(LEAD_SIZE, light, dark)

    # An "RGBA" draw on an RGB image blends each translucent shape as it is drawn.
    draw = ImageDraw.Draw(image, "RGBA")
    for _ in range(rng.randint(3, 5)):
        radius = rng.randint(140, 420)
        x, y = rng.randint(width // 2, width + 100), rng.randint(-100, height)
        box = (x - radius, y - radius, x + radius, y + radius)
        draw.ellipse(box, fill=(*WHITE, rng.randint(14, 34)))
    for _ in range(2):
        radius = rng.randint(200, 360)
        x, y = rng.randint(width // 2, width), rng.randint(0, height)
        box = (x - radius, y - radius, x + radius, y + radius)
        draw.ellipse(box, outline=(*WHITE, 70), width=4)
    offset = rng.randint(-200, 200)
    draw.polygon(
        [(900 + offset, height), (1250 + offset, 0), (1420 + offset, 0), (1070 + offset, height)],
        fill=(*WHITE, 22),
    )

    # Masthead mark, top left; "ILUSTRASI" pill, top right.
    draw.rectangle((80, 72, 104, 96), fill=WHITE)
    draw.text((120, 70), "WARTA NUSANTARA", font=_font(28), fill=WHITE)
    pill_font = _font(24)
    pill = "ILUSTRASI"
    pill_width = draw.textlength(pill, font=pill_font)
    draw.rounded_rectangle(
        (width - 110 - pill_width, 64, width - 80, 108), radius=22, outline=WHITE, width=3
    )
    draw.text((width - 95 - pill_width, 72), pill, font=pill_font, fill=WHITE)

    # Kicker, rule, label, sublabel: bottom left.
    label_font = _fitting_font(draw, label.upper(), width - 200, 150, 60)
    draw.text((80, 560), _spaced(kicker), font=_font(30), fill=(*WHITE, 235))
    draw.rectangle((80, 610, 220, 620), fill=WHITE)
    draw.text(
        (76, 640), label.upper(), font=label_font, fill=WHITE, stroke_width=3, stroke_fill=WHITE
    )
    if sublabel:
        draw.text((80, 800), sublabel, font=_font(40), fill=(*WHITE, 230))
    return _encode(image)


def portrait(initials: str, colour: str) -> bytes:
    """A 600x600 JPEG placeholder portrait: initials on a coloured square."""
    base = hex_to_rgb(colour)
    image = _gradient(PORTRAIT_SIZE, _mix(base, WHITE, 0.2), _mix(base, (0, 0, 0), 0.3))
    draw = ImageDraw.Draw(image, "RGBA")
    draw.ellipse((90, 90, 510, 510), fill=(*WHITE, 40))
    font = _font(200)
    draw.text(
        (300, 300),
        initials.upper(),
        font=font,
        fill=WHITE,
        anchor="mm",
        stroke_width=4,
        stroke_fill=WHITE,
    )
    return _encode(image)


def ad_creative(width: int, height: int, advertiser: str, tagline: str, colour: str) -> bytes:
    """A PNG of exactly ``width`` x ``height`` that reads as a sample advertisement."""
    base = hex_to_rgb(colour)
    image = _gradient((width, height), _mix(base, WHITE, 0.15), _mix(base, (0, 0, 0), 0.35))
    draw = ImageDraw.Draw(image, "RGBA")
    draw.rectangle((0, 0, width - 1, height - 1), outline=(*WHITE, 160), width=2)
    for i in range(3):
        radius = height // 2 + i * height // 3
        draw.ellipse(
            (width - radius, height - radius, width + radius, height + radius),
            outline=(*WHITE, 50),
            width=max(2, height // 40),
        )

    small = _font(max(12, height // 9 if width / height > 3 else height // 18))
    tag = "RUANG IKLAN"
    draw.text((12, 8), tag, font=small, fill=(*WHITE, 220))

    wide = width / height > 3
    if wide:
        name_font = _fitting_font(draw, advertiser, int(width * 0.6), int(height * 0.42), 14)
        line_font = _font(max(12, int(height * 0.16)))
        draw.text(
            (24, height * 0.58),
            advertiser,
            font=name_font,
            fill=WHITE,
            anchor="ls",
            stroke_width=1,
            stroke_fill=WHITE,
        )
        draw.text((24, height * 0.84), tagline, font=line_font, fill=(*WHITE, 235), anchor="ls")
        button_height = int(height * 0.4)
        button_font = _font(max(12, int(button_height * 0.45)))
        text = "Kunjungi"
        text_width = draw.textlength(text, font=button_font)
        right, top = width - 28, (height - button_height) // 2
        draw.rounded_rectangle(
            (right - text_width - 40, top, right, top + button_height),
            radius=button_height // 2,
            fill=WHITE,
        )
        draw.text(
            (right - 20 - text_width / 2, top + button_height / 2),
            text,
            font=button_font,
            fill=_mix(base, (0, 0, 0), 0.3),
            anchor="mm",
        )
    else:
        name_font = _fitting_font(draw, advertiser, width - 40, int(height * 0.16), 14)
        line_font = _font(max(12, int(height * 0.065)))
        draw.text(
            (width / 2, height * 0.42),
            advertiser,
            font=name_font,
            fill=WHITE,
            anchor="mm",
            stroke_width=1,
            stroke_fill=WHITE,
        )
        draw.text(
            (width / 2, height * 0.58), tagline, font=line_font, fill=(*WHITE, 235), anchor="mm"
        )
        button_font = _font(max(12, int(height * 0.07)))
        text = "Kunjungi"
        text_width = draw.textlength(text, font=button_font)
        top = int(height * 0.7)
        draw.rounded_rectangle(
            (
                width / 2 - text_width / 2 - 22,
                top,
                width / 2 + text_width / 2 + 22,
                top + height * 0.13,
            ),
            radius=int(height * 0.065),
            fill=WHITE,
        )
        draw.text(
            (width / 2, top + height * 0.065),
            text,
            font=button_font,
            fill=_mix(base, (0, 0, 0), 0.3),
            anchor="mm",
        )
    return _encode(image, "PNG")
