"""Real picture files as phones and cameras write them, for upload tests: GPS position,
camera make, a rotated orientation, an ICC colour profile, XMP and a comment."""

from __future__ import annotations

import functools
import io

from PIL import ExifTags, Image, ImageCms

# Jakarta, Monas: what must never reach a reader.
GPS = {
    ExifTags.GPS.GPSLatitudeRef: "S",
    ExifTags.GPS.GPSLatitude: (6.0, 10.0, 31.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (106.0, 49.0, 37.0),
}
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    b'22-rdf-syntax-ns#"><rdf:Description photoshop:City="Jakarta"/></rdf:RDF></x:xmpmeta>'
)
MARKER = (0, 0, 255)  # a blue block in the stored pixels' top-left corner
BODY = (200, 40, 40)


@functools.cache
def srgb_profile() -> bytes:
    """One profile for the whole run: its header holds the time it was made."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def camera_exif(orientation: int = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "KameraUji"
    exif[ExifTags.Base.Model] = "Seri-12345"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = GPS
    return exif


def phone_photo(fmt: str = "JPEG", width: int = 1600, height: int = 900, orientation: int = 6):
    """A landscape-stored photo whose EXIF says "turn 90° clockwise" (orientation 6),
    so it is upright as ``height`` × ``width``; the blue block ends up top-right."""
    image = Image.new("RGB", (width, height), BODY)
    image.paste(MARKER, (0, 0, width // 4, height // 4))
    out = io.BytesIO()
    options = {"exif": camera_exif(orientation), "icc_profile": srgb_profile()}
    if fmt == "JPEG":
        options.update(quality=90, comment=b"lokasi rahasia", xmp=XMP)
    elif fmt == "WEBP":
        options.update(xmp=XMP)
    image.save(out, fmt, **options)
    return out.getvalue()


def truncated_jpeg() -> bytes:
    data = phone_photo()
    return data[: len(data) * 2 // 3]


def animated_gif(frames: int = 3) -> bytes:
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0)]
    images = [Image.new("RGB", (60, 40), colours[n % 4]) for n in range(frames)]
    out = io.BytesIO()
    images[0].save(
        out, "GIF", save_all=True, append_images=images[1:], duration=150, loop=0, comment=b"x"
    )
    return out.getvalue()


def png_bytes(width: int = 80, height: int = 60) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), BODY).save(out, "PNG")
    return out.getvalue()


def metadata_left(data: bytes) -> list[str]:
    """What in ``data`` could tell a reader where or with what the photo was taken."""
    image = Image.open(io.BytesIO(data))
    found = []
    exif = image.getexif()
    if exif:
        found.append(f"EXIF {dict(exif)}")
    if exif.get_ifd(ExifTags.IFD.GPSInfo):
        found.append("GPS")
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc"):
        if image.info.get(key):
            found.append(key)
    for needle in (b"KameraUji", b"Seri-12345", b"Jakarta", b"lokasi rahasia", b"Exif\x00"):
        if needle in data:
            found.append(needle.decode(errors="replace"))
    return found


def is_upright_with_marker_top_right(data: bytes) -> bool:
    """The phone photo shown the way the camera was held: portrait, blue block top-right."""
    image = Image.open(io.BytesIO(data)).convert("RGB")
    width, height = image.size
    near = image.getpixel((width - 3, 3))
    far = image.getpixel((3, 3))
    return height > width and near[2] > 180 and near[0] < 80 and far[0] > 150
