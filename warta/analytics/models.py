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


class TagReads(models.Model):
    """Reads per tag per hour: ``ArticleReads`` rolled up to the tags an article had
    when it was read, written by the same flush (``services.store_counts``).

    A tag window sums at most tags x hours rows however many reads there were, where
    joining the hourly article rows to the tags read 1.5 million rows for 7 days.
    """

    tag = models.ForeignKey(
        "taggit.Tag", verbose_name="tag", on_delete=models.CASCADE, related_name="+"
    )
    hour = models.DateTimeField("jam", help_text="Awal jam, dalam UTC.")
    reads = models.PositiveIntegerField("jumlah baca", default=0)

    class Meta:
        verbose_name = "jumlah baca tag per jam"
        verbose_name_plural = "jumlah baca tag per jam"
        constraints = [
            models.UniqueConstraint(fields=["tag", "hour"], name="one_count_per_tag_hour")
        ]
        indexes = [models.Index(fields=["hour", "tag", "reads"], name="tag_reads_by_hour")]

    def __str__(self):
        return f"{self.tag_id} {self.hour:%Y-%m-%d %H}:00: {self.reads}"


class ArticleReadTotals(models.Model):
    """Reads of each article over the last 24 hours and 7 days, kept current.

    Terpopuler reads the top few rows of an index instead of summing every hourly
    row of the window. ``services.store_counts`` adds new reads; as the hour moves on,
    ``services.advance_read_totals`` subtracts the hours that left each window
    (``ReadTotalsClock`` says up to which hour). Rows that fall to zero are deleted.
    """

    article = models.OneToOneField(
        "articles.ArticlePage",
        verbose_name="berita",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="read_totals",
    )
    last_day = models.BigIntegerField("baca 24 jam", default=0, db_index=True)
    last_week = models.BigIntegerField("baca 7 hari", default=0, db_index=True)

    class Meta:
        verbose_name = "jumlah baca terkini berita"
        verbose_name_plural = "jumlah baca terkini berita"

    def __str__(self):
        return f"{self.article_id}: {self.last_day} / {self.last_week}"


class TagReadTotals(models.Model):
    """``ArticleReadTotals`` for tags, kept from ``TagReads`` the same way."""

    tag = models.OneToOneField(
        "taggit.Tag",
        verbose_name="tag",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    last_day = models.BigIntegerField("baca 24 jam", default=0, db_index=True)
    last_week = models.BigIntegerField("baca 7 hari", default=0, db_index=True)

    class Meta:
        verbose_name = "jumlah baca terkini tag"
        verbose_name_plural = "jumlah baca terkini tag"

    def __str__(self):
        return f"{self.tag_id}: {self.last_day} / {self.last_week}"


class ReadTotalsClock(models.Model):
    """One row: the hour the read totals are aligned to. The 24-hour totals hold the
    hours from ``hour`` - 24 on, the 7-day ones from ``hour`` - 168 on."""

    hour = models.DateTimeField("jam", help_text="Awal jam, dalam UTC.")

    class Meta:
        verbose_name = "jam jumlah baca terkini"
        verbose_name_plural = "jam jumlah baca terkini"

    def __str__(self):
        return f"{self.hour:%Y-%m-%d %H}:00"


class ReadFlushMark(models.Model):
    """How much of one Redis counter is already in ``ArticleReads``.

    Redis keeps cumulative reads per (bucket, article), a bucket being one Redis
    run and hour (``buffers.RedisReadBuffer``). A flush adds only what exceeds
    ``stored`` and raises ``stored`` in the same transaction, so storing a bucket
    twice, or a bucket Redis restored from an older snapshot, counts nothing twice.
    Rows are deleted three days after their hour (``services``), a day after Redis
    stops flushing buckets that old.
    """

    bucket = models.CharField("penampung", max_length=64)
    article_id = models.BigIntegerField("id berita")
    hour = models.DateTimeField("jam", help_text="Awal jam, dalam UTC.", db_index=True)
    stored = models.BigIntegerField("sudah disimpan")

    class Meta:
        verbose_name = "tanda jumlah baca tersimpan"
        verbose_name_plural = "tanda jumlah baca tersimpan"
        constraints = [
            models.UniqueConstraint(
                fields=["bucket", "article_id"], name="one_mark_per_bucket_article"
            )
        ]

    def __str__(self):
        return f"{self.bucket} {self.article_id}: {self.stored}"
