"""``warta backup``: the database and the media in one dated archive.

For cron or the systemd timer in deploy/systemd/warta-backup.timer: prints one line
on success, exits non-zero with a message saying what to fix otherwise.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from warta.operations import backup


class Command(BaseCommand):
    help = (
        "Cadangkan basis data dan folder media ke satu arsip bertanggal "
        "(warta-backup-YYYYMMDD-HHMMSS.tar) beserta manifest jumlah baris dan sha256."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="folder arsip (bawaan: WARTA_DATA_DIR/backups); dibuat dengan mode 0700",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            metavar="N",
            help="setelah berhasil, hapus arsip lama sehingga tinggal N arsip terbaru",
        )

    def handle(self, *args, output=None, keep=None, verbosity=1, **options):
        output = output or Path(settings.DATA_DIR) / "backups"
        try:
            result = backup.create_backup(output, keep=keep)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        if verbosity:
            self.stdout.write(
                f"Cadangan dibuat: {result.path} ({len(result.tables)} tabel, "
                f"{result.rows} baris, {result.files} berkas media, "
                f"{result.size / 1_000_000:.1f} MB)"
            )
            for path in result.pruned:
                self.stdout.write(f"Arsip lama dihapus: {path}")
