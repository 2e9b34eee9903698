"""``warta restore ARCHIVE``: put a ``warta backup`` archive back, then check it.

Only into an empty database (no tables: made with createdb, or an SQLite file that
does not exist yet) and empty media directories, of the same database kind as the
archive; nothing is ever overwritten. Exits non-zero when anything restored differs
from the archive's manifest.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from warta.operations import backup

SHOWN_MISMATCHES = 50


class Command(BaseCommand):
    help = (
        "Pulihkan arsip warta backup ke basis data dan folder media yang masih kosong, "
        "lalu cocokkan dengan manifest-nya (jumlah baris, sha256 setiap berkas)."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="arsip warta-backup-*.tar")

    def handle(self, *args, archive, verbosity=1, **options):
        try:
            report = backup.restore_backup(archive)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        if not report.ok:
            for line in report.mismatches[:SHOWN_MISMATCHES]:
                self.stderr.write(f"TIDAK SESUAI  {line}")
            hidden = len(report.mismatches) - SHOWN_MISMATCHES
            if hidden > 0:
                self.stderr.write(f"... dan {hidden} lagi")
            raise CommandError(
                f"Pemulihan dari {report.archive} TIDAK sesuai manifest: "
                f"{len(report.mismatches)} selisih."
            )
        if verbosity:
            self.stdout.write(
                f"Dipulihkan dari {report.archive}: {report.tables} tabel ({report.rows} baris) "
                f"dan {report.files} berkas media, semuanya sesuai manifest."
            )
            self.stdout.write(
                "Berikutnya: warta migrate --no-input (bila kodenya lebih baru), lalu "
                "jalankan layanannya."
            )
