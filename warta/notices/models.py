"""The site notice bar: one short message editors put above every page."""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class Notice(models.Model):
    title = models.CharField("judul", max_length=60, default="Pemberitahuan")
    text = models.CharField("pesan", max_length=280)
    link_url = models.URLField("tautan", blank=True)
    link_text = models.CharField("teks tautan", max_length=60, blank=True)
    starts_at = models.DateTimeField("tampil mulai", null=True, blank=True)
    ends_at = models.DateTimeField("tampil sampai", null=True, blank=True)
    is_active = models.BooleanField("aktif", default=True)
    changed_at = models.DateTimeField("diubah", auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("link_url"), FieldPanel("link_text")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = "pemberitahuan"
        verbose_name_plural = "pemberitahuan"

    def __str__(self):
        return self.text

    @property
    def dismiss_key(self) -> str:
        """Changes whenever the notice changes, so a closed notice reappears when edited."""
        return f"{self.pk}-{int(self.changed_at.timestamp())}"
