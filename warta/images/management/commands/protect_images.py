"""Bring images uploaded before Warta cleaned uploads up to today's rules, once after
upgrading: originals rewritten without GPS/EXIF under an unguessable name, their
renditions made again, and the page cache emptied so pages link the new names."""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from warta.images.services import needs_protecting, protect_stored_image
from warta.images.uploads import ImageRejected
from warta.pagecache.services import purge_all


class Command(BaseCommand):
    help = (
        "Menghapus data GPS/EXIF dari foto yang diunggah sebelum pembaruan ini, memberi "
        "nama berkas acak, dan membuat ulang ukuran gambarnya."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="hanya menghitung, tidak mengubah apa pun"
        )

    def handle(self, *args, dry_run=False, **options):
        images = [i for i in get_image_model().objects.order_by("pk") if needs_protecting(i)]
        if dry_run:
            self.stdout.write(f"{len(images)} gambar perlu dibersihkan dan diberi nama acak.")
            return
        done, failed = 0, []
        for image in images:
            try:
                protect_stored_image(image)
            except (ImageRejected, OSError) as exc:
                failed.append(image)
                self.stderr.write(f"Gambar {image.pk} ({image.title}) dilewati: {exc}")
            else:
                done += 1
        if done:
            purge_all()
        self.stdout.write(
            f"{done} gambar dibersihkan dan diberi nama acak; {len(failed)} dilewati."
        )
        if failed:
            self.stdout.write("Gambar yang dilewati perlu diunggah ulang dari admin.")
