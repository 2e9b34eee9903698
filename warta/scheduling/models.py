"""The scheduler's heartbeat: one row saying when a scheduler pass last ran.

The schedule itself is Wagtail's (``go_live_at``/``expire_at`` on the page and
``approved_go_live_at`` on the revision to publish); only what Wagtail has no
place for lives here: proof that something is actually running the schedule.
"""

from django.db import models


class SchedulerHeartbeat(models.Model):
    """The last scheduler pass, whoever ran it (a single row, ``pk=1``)."""

    SINGLETON_PK = 1

    last_run_at = models.DateTimeField("terakhir berjalan")
    runner = models.CharField(
        "dijalankan oleh", max_length=120, blank=True, help_text="Nama mesin dan nomor proses."
    )
    published = models.PositiveIntegerField("diterbitkan", default=0)
    expired = models.PositiveIntegerField("diturunkan", default=0)
    failed = models.PositiveIntegerField("gagal", default=0)

    class Meta:
        verbose_name = "detak penjadwal"
        verbose_name_plural = "detak penjadwal"

    def __str__(self):
        return f"Penjadwal terakhir berjalan {self.last_run_at:%Y-%m-%d %H:%M:%S}"
