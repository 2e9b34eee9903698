"""The masthead: what a site says about itself (name, logo, dateline, time zone)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from warta.masthead.zones import ZONE_CHOICES, IndonesianZone


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    site_name = models.CharField("nama situs", max_length=100, default="Warta Nusantara")
    logo_text = models.CharField(
        "teks logo",
        max_length=40,
        blank=True,
        help_text="Teks yang tampil sebagai logo bila tidak ada gambar logo.",
    )
    tagline = models.CharField("slogan", max_length=160, blank=True)
    dateline = models.CharField(
        "dateline",
        max_length=60,
        blank=True,
        help_text="Pembuka paragraf pertama setiap berita, mis. 'Warta Nusantara'. "
        "Bisa diganti per artikel.",
    )
    time_zone = models.CharField(
        "zona waktu",
        max_length=4,
        choices=ZONE_CHOICES,
        default=IndonesianZone.WIB.value,
    )
    logo = models.ForeignKey(
        "images.WartaImage",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("site_name"),
        FieldPanel("logo_text"),
        FieldPanel("tagline"),
        FieldPanel("logo"),
        FieldPanel("dateline"),
        FieldPanel("time_zone"),
    ]

    class Meta:
        verbose_name = "pengaturan situs"

    @property
    def display_logo_text(self):
        return self.logo_text or self.site_name

    @property
    def zone(self) -> "IndonesianZone":
        return IndonesianZone(self.time_zone)
