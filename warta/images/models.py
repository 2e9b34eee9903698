"""Warta's image: the picture plus what a newsroom must print beside it."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition


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

    @property
    def default_alt_text(self):
        return self.alt_text or self.caption or self.title

    class Meta(AbstractImage.Meta):
        verbose_name = "gambar"
        verbose_name_plural = "gambar"
        permissions = [("choose_image", "Can choose image")]


class WartaRendition(AbstractRendition):
    image = models.ForeignKey(WartaImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
