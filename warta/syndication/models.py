"""Settings editors change for what goes out to crawlers."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

# Crawl everything readers see; not the admin, and not search results (endless,
# thin pages made of other pages).
DEFAULT_ROBOTS_TXT = "User-agent: *\nDisallow: /admin/\nDisallow: /cari/\n"


@register_setting(icon="globe")
class RobotsTxt(BaseSiteSetting):
    """robots.txt of one site. The ``Sitemap:`` lines are always added when served,
    so the sitemaps stay announced whatever an editor writes here."""

    content = models.TextField(
        "isi robots.txt",
        default=DEFAULT_ROBOTS_TXT,
        blank=True,
        help_text="Aturan untuk mesin pencari. Baris 'Sitemap:' untuk peta situs dan "
        "peta berita ditambahkan otomatis.",
    )

    panels = [FieldPanel("content")]

    class Meta:
        verbose_name = "robots.txt"
