"""A right of reply (hak jawab): what the person concerned sent, and what became of it."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

NAME_MAX = 120
CONTACT_MAX = 120
TEXT_MIN = 20
TEXT_MAX = 5000


class ReplyStatus(models.TextChoices):
    BARU = "baru", "Baru"
    DIPROSES = "diproses", "Diproses"
    DIMUAT = "dimuat", "Dimuat"
    DITOLAK = "ditolak", "Ditolak"


OPEN_STATUSES = (ReplyStatus.BARU, ReplyStatus.DIPROSES)


def deadline_hours() -> int:
    """The Pedoman asks that a reply be served promptly; the newsroom sets how fast."""
    return settings.WARTA_REPLY_DEADLINE_HOURS


class Reply(models.Model):
    """One reply to one article. The link to the article that carries it lives here,
    so ``ArticlePage`` needs no field of its own."""

    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name="berita yang ditanggapi",
        on_delete=models.CASCADE,
        related_name="replies",
    )
    name = models.CharField("nama", max_length=NAME_MAX)
    contact = models.CharField(
        "kontak", max_length=CONTACT_MAX, help_text="Alamat surel atau nomor telepon."
    )
    text = models.TextField("isi hak jawab", max_length=TEXT_MAX)
    received_at = models.DateTimeField("diterima", default=timezone.now, db_index=True)
    status = models.CharField(
        "status",
        max_length=10,
        choices=ReplyStatus.choices,
        default=ReplyStatus.BARU,
        db_index=True,
    )
    published_as = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name="dimuat sebagai berita",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_replies",
        help_text="Berita yang memuat hak jawab ini. Wajib diisi bila status 'Dimuat'.",
    )
    editor_note = models.TextField("catatan redaksi", blank=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = "hak jawab"
        verbose_name_plural = "hak jawab"

    def __str__(self):
        return f"Hak jawab dari {self.name} atas “{self.article.title}”"

    @property
    def deadline(self) -> datetime:
        return self.received_at + timedelta(hours=deadline_hours())

    def is_overdue(self, now: datetime | None = None) -> bool:
        """Still open after its deadline."""
        return self.status in OPEN_STATUSES and (now or timezone.now()) > self.deadline

    def clean(self):
        super().clean()
        errors = {}
        if self.status == ReplyStatus.DIMUAT and not self.published_as_id:
            errors["published_as"] = (
                "Pilih berita yang memuat hak jawab ini sebelum menandainya 'Dimuat'."
            )
        if self.published_as_id and self.status != ReplyStatus.DIMUAT:
            errors["status"] = (
                "Hak jawab yang sudah dimuat sebagai berita harus berstatus 'Dimuat'."
            )
        if self.published_as_id and self.published_as_id == self.article_id:
            errors["published_as"] = (
                "Hak jawab harus dimuat sebagai berita tersendiri, bukan berita yang ditanggapi."
            )
        if errors:
            raise ValidationError(errors)
