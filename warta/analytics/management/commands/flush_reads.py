"""``warta flush-reads``: write the buffered read counts to the database now.

Requests flush every few seconds on their own; run this from a timer (or before a
backup) so the last reads of a quiet night are written too. With Redis it empties
the shared buffer; without Redis each server process holds its own counts in
memory and writes them itself, so there is nothing here to flush.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from warta.analytics.services import flush_reads


class Command(BaseCommand):
    help = "Tulis jumlah baca yang masih di penyangga ke basis data."

    def handle(self, *args, **options):
        if not settings.REDIS_URL:
            self.stdout.write(
                "Tanpa REDIS_URL jumlah baca disangga di memori tiap proses server "
                "dan ditulis oleh proses itu sendiri; tidak ada yang perlu ditulis di sini."
            )
            return
        rows = flush_reads()
        self.stdout.write(self.style.SUCCESS(f"{rows} catatan jumlah baca per jam ditulis."))
