"""An uploaded picture is checked and rewritten before it is stored.

Checked, so that an empty, truncated, corrupt, mislabelled or oversized file is an
Indonesian message for the editor instead of a server error later (when renditions
are made). Rewritten, so that nothing a camera or phone adds reaches a reader: the
stored original and therefore every rendition Wagtail derives from it carry no EXIF
(GPS position, camera serial, date), XMP, IPTC or comments. Willow copies a source's
EXIF into JPEG and PNG renditions and has no setting against it, so the only reliable
place is the original itself. The EXIF orientation is applied to the pixels first
(the tag that said how to turn the picture is gone afterwards); the ICC colour
profile is kept, because without it colours shift.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageFile, ImageOps, ImageSequence, JpegImagePlugin

# Pillow's name for each format Warta accepts, and the extension a stored file gets.
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
NAMES_FOR_EXTENSION = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}
# Frame metadata a re-encoded file needs to look and move the same; everything
# else in Pillow's ``info`` (exif, xmp, comment, dpi, photoshop/IPTC, ...) is dropped.
KEPT_INFO = ("transparency", "duration", "loop", "background")
JPEG_QUALITY = 95  # only when the orientation had to be applied to the pixels

SUPPORTED_TEXT = "JPEG, PNG, WebP atau GIF"


class ImageRejected(ValueError):
    """The file cannot be stored as a picture; the message tells the editor why."""


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    format: str  # Pillow's name: JPEG, PNG, WEBP, GIF
    width: int
    height: int

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]


def sniff_format(head: bytes) -> str | None:
    """The format the first bytes announce, whatever the file's name says."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def clean_image(data: bytes, filename: str) -> CleanImage:
    """``data`` checked and rewritten without metadata; ImageRejected if it is not a
    whole, supported picture whose name matches its content."""
    _check_size(data)
    found = sniff_format(data[:16])
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in NAMES_FOR_EXTENSION:
        raise ImageRejected(
            f"Jenis berkas “.{extension}” tidak didukung. Unggah gambar {SUPPORTED_TEXT}."
            if extension
            else f"Nama berkas tidak berakhiran jenis gambar. Unggah gambar {SUPPORTED_TEXT}."
        )
    if found is None:
        raise ImageRejected(
            f"Berkas “{filename}” bukan gambar {SUPPORTED_TEXT}: isinya tidak dikenali "
            "sebagai gambar. Periksa berkasnya lalu unggah lagi."
        )
    if NAMES_FOR_EXTENSION[extension] != found:
        raise ImageRejected(
            f"Nama berkas berakhiran “.{extension}”, tetapi isinya gambar {_label(found)}. "
            f"Ganti akhiran namanya menjadi “.{EXTENSIONS[found]}” lalu unggah lagi."
        )
    picture = _open(data, found)
    _check_pixels(picture)
    _decode_every_frame(picture)
    return _rewrite(picture, found, data)


def _label(pillow_format: str) -> str:
    return {"WEBP": "WebP"}.get(pillow_format, pillow_format)


def _check_size(data: bytes) -> None:
    if not data:
        raise ImageRejected("Berkas kosong (0 byte). Pilih berkas foto yang benar.")
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    if limit and len(data) > limit:
        raise ImageRejected(
            f"Berkas terlalu besar ({filesizeformat(len(data))}); batasnya {filesizeformat(limit)}."
        )


def _too_many_pixels(count: int | None = None) -> ImageRejected:
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    counted = f" ({count:,} piksel)".replace(",", ".") if count else ""
    return ImageRejected(
        f"Ukuran gambar terlalu besar{counted}; batasnya {limit:,} piksel. ".replace(",", ".")
        + "Perkecil gambarnya lalu unggah lagi."
    )


def _broken() -> ImageRejected:
    return ImageRejected(
        "Berkas gambar rusak atau terpotong (tidak lengkap), sehingga tidak dapat dibaca. "
        "Simpan ulang atau ekspor ulang fotonya, lalu unggah lagi."
    )


def _open(data: bytes, found: str) -> Image.Image:
    """Opens only the header; a decompression bomb is refused before any pixel is read."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=[found])
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise _too_many_pixels() from None
    except Exception as exc:  # Pillow raises many kinds for a bad header
        raise _broken() from exc


def _check_pixels(picture: Image.Image) -> None:
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    frames = getattr(picture, "n_frames", 1)
    count = picture.width * picture.height * frames
    if limit and count > limit:
        raise _too_many_pixels(count)


def _decode_every_frame(picture: Image.Image) -> None:
    """Reads every pixel: a truncated or corrupt file fails here, not at rendition time."""
    if ImageFile.LOAD_TRUNCATED_IMAGES:  # someone relaxed Pillow globally: refuse to guess
        raise RuntimeError("PIL.ImageFile.LOAD_TRUNCATED_IMAGES must stay False")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            for frame in ImageSequence.Iterator(picture):
                frame.load()
            picture.seek(0)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise _too_many_pixels() from None
    except Exception as exc:  # OSError "truncated", SyntaxError, ValueError, EOFError...
        raise _broken() from exc


def _rewrite(picture: Image.Image, found: str, data: bytes) -> CleanImage:
    icc_profile = picture.info.get("icc_profile")
    out = io.BytesIO()
    if getattr(picture, "n_frames", 1) > 1:
        _save_animation(picture, found, out, icc_profile)
        width, height = picture.size
    else:
        oriented = picture.getexif().get(ImageOps.ExifTags.Base.Orientation, 1) not in (0, 1)
        upright = ImageOps.exif_transpose(picture)
        _keep_only_rendering_info(upright)
        _save_still(picture, upright, found, oriented, out, icc_profile, data)
        width, height = upright.size
    return CleanImage(out.getvalue(), found, width, height)


def _keep_only_rendering_info(image: Image.Image) -> None:
    image.info = {key: image.info[key] for key in KEPT_INFO if key in image.info}


def _save_still(source, upright, found, oriented, out, icc_profile, data) -> None:
    extra = {"icc_profile": icc_profile} if icc_profile else {}
    if found == "JPEG":
        if oriented:
            sampling = JpegImagePlugin.get_sampling(source)
            upright.save(
                out,
                "JPEG",
                quality=JPEG_QUALITY,
                subsampling=sampling if sampling != -1 else 0,
                **extra,
            )
        else:  # same quantisation tables and sampling: as close to the upload as Pillow gets
            _keep_only_rendering_info(source)
            source.save(out, "JPEG", quality="keep", subsampling="keep", qtables="keep", **extra)
    elif found == "PNG":
        upright.save(out, "PNG", optimize=False, **extra)
    elif found == "WEBP":
        upright.save(out, "WEBP", lossless=_is_lossless_webp(data), quality=90, **extra)
    else:
        upright.save(out, "GIF", **extra)


def _is_lossless_webp(data: bytes) -> bool:
    return b"VP8L" in data[12:64]


def _save_animation(picture: Image.Image, found: str, out, icc_profile) -> None:
    """Every frame again, with its timing and the loop count, and nothing else."""
    frames, durations = [], []
    for frame in ImageSequence.Iterator(picture):
        durations.append(frame.info.get("duration", 100))
        copy = frame.copy()
        _keep_only_rendering_info(copy)
        frames.append(copy)
    first, rest = frames[0], frames[1:]
    options = {
        "save_all": True,
        "append_images": rest,
        "duration": durations,
        "loop": picture.info.get("loop", 0),
    }
    if icc_profile and found != "GIF":
        options["icc_profile"] = icc_profile
    if found == "GIF":
        options["disposal"] = 2 if first.mode == "RGBA" else 1
    elif found == "WEBP":
        options["quality"] = 90
    first.save(out, found, **options)
