"""``warta purge-revisions --keep N``: keep the newest N revisions of every page.

Never deletes the live, the latest, a scheduled or an in-review revision
(``warta.articles.revisions``). Replaces Wagtail's command of the same name,
which prunes by age.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from warta.articles.revisions import purge_revisions


class Command(BaseCommand):
    help = (
        "Hapus revisi lama setiap halaman, sisakan N revisi terbaru; revisi yang tayang, "
        "terjadwal atau sedang ditinjau tidak pernah dihapus."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep",
            type=int,
            required=True,
            help="jumlah revisi terbaru yang disimpan untuk setiap halaman (paling sedikit 1)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="hanya hitung, jangan hapus apa pun"
        )

    def handle(self, *args, keep: int, dry_run: bool = False, verbosity=1, **options):
        if keep < 1:
            raise CommandError(
                "--keep harus paling sedikit 1: revisi terbaru adalah draf saat ini."
            )
        result = purge_revisions(keep, dry_run=dry_run)
        if verbosity:
            verb = "Akan dihapus" if dry_run else "Dihapus"
            self.stdout.write(
                f"{verb}: {result.deleted} revisi dari {result.pages} halaman; "
                f"dipertahankan karena tayang, terjadwal atau ditinjau: {result.kept_protected}."
            )
