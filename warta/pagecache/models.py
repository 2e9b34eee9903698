"""The page cache's one fact kept in the database: its generation.

Redis (or the disk cache) holds pages, tag versions and the clock, and may lose or
roll back any of them. A purge that could not reach it bumps this generation
instead: every entry records the generation it was stored under, so every node stops
serving every page stored before the bump within ``WARTA_PAGE_CACHE_CHECK_SECONDS``.
"""

from __future__ import annotations

from django.db import IntegrityError, models, transaction
from django.db.models import F

ROW_ID = 1


class CacheGeneration(models.Model):
    """A single row (id 1); a missing row is generation 0."""

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "generasi cache halaman"

    def __str__(self) -> str:
        return f"Generasi {self.value}"

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=ROW_ID).values_list("value", flat=True).first() or 0

    @classmethod
    def bump(cls) -> int:
        """Move to the next generation (atomic on every database) and return it."""
        if not cls.objects.filter(pk=ROW_ID).update(value=F("value") + 1):
            try:
                with transaction.atomic():
                    cls.objects.create(pk=ROW_ID, value=1)
                return 1
            except IntegrityError:  # another process created it first
                cls.objects.filter(pk=ROW_ID).update(value=F("value") + 1)
        return cls.current()
