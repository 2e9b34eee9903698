"""Iklan: ad slots editors fill, placed by position, with their size reserved; and
ads.txt, the list of sellers authorised to sell them."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class AdPosition(models.TextChoices):
    HEADER_TOP = "header_top", "Atas halaman (billboard)"
    BELOW_MASTHEAD = "below_masthead", "Di bawah logo (leaderboard)"
    SIDEBAR = "sidebar", "Samping"
    IN_ARTICLE = "in_article", "Di dalam berita"


class AdSize(models.TextChoices):
    """IAB sizes; each has a CSS class that reserves its box before the ad loads."""

    BILLBOARD = "970x250", "Billboard 970×250"
    LEADERBOARD = "728x90", "Leaderboard 728×90"
    LARGE_LEADERBOARD = "970x90", "Large leaderboard 970×90"
    RECTANGLE = "300x250", "Medium rectangle 300×250"
    HALF_PAGE = "300x600", "Half page 300×600"
    MOBILE_BANNER = "320x100", "Mobile banner 320×100"


class AdSlot(models.Model):
    name = models.CharField("nama", max_length=100)
    position = models.CharField("posisi", max_length=20, choices=AdPosition.choices)
    size = models.CharField("ukuran", max_length=10, choices=AdSize.choices)
    label = models.CharField("label", max_length=30, default="Iklan")
    creative = models.ForeignKey(
        "images.WartaImage",
        verbose_name="materi iklan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.URLField("tautan", blank=True)
    advertiser = models.CharField("pengiklan", max_length=120, blank=True)
    is_active = models.BooleanField("aktif", default=True)
    sort_order = models.PositiveSmallIntegerField("urutan", default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("size"),
        FieldPanel("label"),
        FieldPanel("creative"),
        FieldPanel("link_url"),
        FieldPanel("advertiser"),
        FieldPanel("is_active"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["position", "sort_order", "pk"]
        verbose_name = "slot iklan"
        verbose_name_plural = "slot iklan"

    def __str__(self):
        return f"{self.name} ({self.get_position_display()})"

    @property
    def width(self) -> int:
        return int(self.size.split("x")[0])

    @property
    def height(self) -> int:
        return int(self.size.split("x")[1])


@register_setting(icon="doc-full")
class AdsTxt(BaseSiteSetting):
    """ads.txt (IAB Tech Lab): the ad sellers authorised to sell this site's space.

    Served as written at /ads.txt. Left empty, /ads.txt is a 404, which the standard
    reads as "no ads.txt"; to say that nobody may sell, write the standard's
    placeholder line instead of leaving it empty.
    """

    content = models.TextField(
        "isi ads.txt",
        blank=True,
        help_text="Satu penjual per baris, mis. 'google.com, pub-0000000000000000, DIRECT, "
        "f08c47fec0942fa0'. Kosongkan bila situs tidak memakai ads.txt.",
    )

    panels = [FieldPanel("content")]

    class Meta:
        verbose_name = "ads.txt"
