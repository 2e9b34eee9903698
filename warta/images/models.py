"""Warta's image: the picture plus what a newsroom must print beside it."""

import base64
import os
import secrets

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition

TOKEN_BYTES = 10  # 80 random bits, 16 characters of base32


def unguessable_token() -> str:
    """A random file-name prefix: a picture of an article still under embargo cannot
    be found by trying names, because no name can be derived from its title."""
    return base64.b32encode(secrets.token_bytes(TOKEN_BYTES)).decode().lower()


def _prefixed(folder: str, filename: str, max_length: int = 95) -> str:
    """``folder/<token>-<filename>``, the name cut (never the token) to fit the column."""
    token = unguessable_token()
    stem, extension = os.path.splitext(filename)
    room = max_length - len(folder) - len(token) - len(extension) - 2
    return f"{folder}/{token}-{stem[: max(room, 0)]}{extension}"


class WartaImage(AbstractImage):
    caption = models.CharField(
        "keterangan foto",
        max_length=500,
        blank=True,
        help_text="Apa yang terlihat di foto, ditampilkan di bawah gambar.",
    )
    credit = models.CharField(
        "kredit foto",
        max_length=255,
        blank=True,
        help_text="Pemilik atau pembuat foto, mis. 'Antara/Nama Fotografer'.",
    )
    alt_text = models.CharField(
        "teks alternatif",
        max_length=255,
        blank=True,
        help_text="Deskripsi singkat untuk pembaca layar. Kosongkan untuk memakai keterangan.",
    )

    admin_form_fields = (
        "title",
        "file",
        "caption",
        "credit",
        "alt_text",
        "collection",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    def get_upload_to(self, filename):
        """Wagtail's cleaned ASCII name under ``original_images/``, behind a random token
        (renditions are named after it, so the token reaches their names too)."""
        path = super().get_upload_to(filename)
        return _prefixed(os.path.dirname(path), os.path.basename(path))

    @property
    def default_alt_text(self):
        return self.alt_text or self.caption or self.title

    class Meta(AbstractImage.Meta):
        verbose_name = "gambar"
        verbose_name_plural = "gambar"
        permissions = [("choose_image", "Can choose image")]


class WartaRendition(AbstractRendition):
    image = models.ForeignKey(WartaImage, related_name="renditions", on_delete=models.CASCADE)

    def get_upload_to(self, filename):
        """Each rendition gets its own token too: Wagtail cuts the original's name to fit
        the filter in, so a long filter spec could otherwise shorten the inherited one."""
        path = super().get_upload_to(filename)
        return _prefixed(os.path.dirname(path), os.path.basename(path))

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
