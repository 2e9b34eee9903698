"""clean_image: bad files are refused in Indonesian, good ones lose their metadata but
keep their look (orientation applied, colour profile kept, animation kept)."""

import io

import pytest
from PIL import Image

from warta.images.uploads import ImageRejected, clean_image
from warta.testing.photos import (
    animated_gif,
    is_upright_with_marker_top_right,
    metadata_left,
    phone_photo,
    png_bytes,
    srgb_profile,
    truncated_jpeg,
)


@pytest.mark.parametrize(
    ("fmt", "name"), [("JPEG", "foto.jpg"), ("PNG", "foto.png"), ("WEBP", "foto.webp")]
)
def test_metadata_goes_orientation_is_applied_colour_profile_stays(fmt, name):
    data = phone_photo(fmt)
    assert "GPS" in metadata_left(data)  # the test photo really carries it
    clean = clean_image(data, name)
    assert metadata_left(clean.content) == []
    assert is_upright_with_marker_top_right(clean.content)
    assert (clean.width, clean.height) == (900, 1600)
    assert Image.open(io.BytesIO(clean.content)).info.get("icc_profile") == srgb_profile()


def test_upright_jpeg_keeps_its_quantisation():
    data = phone_photo(orientation=1)
    clean = clean_image(data, "foto.JPG")
    original, stored = (Image.open(io.BytesIO(d)) for d in (data, clean.content))
    assert stored.quantization == original.quantization
    assert metadata_left(clean.content) == []


def test_animated_gif_keeps_every_frame_and_loses_its_comment():
    clean = clean_image(animated_gif(frames=3), "gerak.gif")
    stored = Image.open(io.BytesIO(clean.content))
    assert stored.n_frames == 3
    assert stored.info.get("loop") == 0 and stored.info.get("duration") == 150
    assert "comment" not in stored.info


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "kosong.jpg", "Berkas kosong"),
        (truncated_jpeg(), "potong.jpg", "rusak atau terpotong"),
        (b"Ini hanya teks biasa, bukan foto.\n" * 20, "teks.jpg", "bukan gambar"),
        (png_bytes(), "png-menyamar.jpg", "isinya gambar PNG"),
        (phone_photo(), "foto.png", "isinya gambar JPEG"),
        (png_bytes(), "gambar.bmp", "tidak didukung"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "rusak.jpg", "rusak atau terpotong"),
    ],
)
def test_bad_files_are_refused_in_indonesian(data, name, message):
    with pytest.raises(ImageRejected, match=message):
        clean_image(data, name)


def test_decompression_bomb_is_refused_before_decoding(settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    bomb = io.BytesIO()
    Image.new("L", (4000, 4000)).save(bomb, "PNG")  # 16 Mpx in a few kilobytes
    assert len(bomb.getvalue()) < 100_000
    with pytest.raises(ImageRejected, match="Ukuran gambar terlalu besar"):
        clean_image(bomb.getvalue(), "bom.png")


def test_pillow_bomb_limit_is_refused_too():
    bomb = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(bomb, "PNG")  # past Pillow's own 89 Mpx warning
    with pytest.raises(ImageRejected, match="Ukuran gambar terlalu besar"):
        clean_image(bomb.getvalue(), "bom.png")


def test_too_many_bytes_is_refused(settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    with pytest.raises(ImageRejected, match="Berkas terlalu besar"):
        clean_image(phone_photo(), "besar.jpg")
