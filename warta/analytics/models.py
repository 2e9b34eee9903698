"""Reads per article per hour: the raw material of Terpopuler and Tag Terpopuler.

Hourly buckets, not one row per read: a read is counted in a buffer first and
written here in batches (see ``buffers.py``), so the table grows with articles x
hours read, never with readers. Hours are stored in UTC; every Indonesian zone
(WIB, WITA, WIT) is a whole number of hours from UTC, so a bucket never straddles
a local day.
"""

from django.db import models


class ArticleReads(models.Model):
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name="berita",
        on_delete=models.CASCADE,
        related_name="read_counts",
    )
    hour = models.DateTimeField("jam", help_text="Awal jam, dalam UTC.")
    reads = models.PositiveIntegerField("jumlah baca", default=0)

    class Meta:
        verbose_name = "jumlah baca per jam"
        verbose_name_plural = "jumlah baca per jam"
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="one_count_per_article_hour")
        ]
        # Window queries ("since this hour, summed per article") read only this index.
        indexes = [models.Index(fields=["hour", "article", "reads"], name="reads_by_hour")]

    def __str__(self):
        return f"{self.article_id} {self.hour:%Y-%m-%d %H}:00: {self.reads}"
