"""Reads per article per day: the raw material of Terpopuler and Tag Terpopuler."""

from django.db import models


class DailyReads(models.Model):
    article = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="daily_reads"
    )
    day = models.DateField("tanggal")
    reads = models.PositiveIntegerField("jumlah baca", default=0)

    class Meta:
        verbose_name = "jumlah baca harian"
        verbose_name_plural = "jumlah baca harian"
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="one_count_per_article_day")
        ]
        indexes = [models.Index(fields=["day", "article"])]

    def __str__(self):
        return f"{self.article_id} {self.day}: {self.reads}"
