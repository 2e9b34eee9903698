"""``warta demo``: fill an empty site with Warta's Indonesian sample content."""

from __future__ import annotations

import logging
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from warta.demo.services import (
    DEFAULT_ARTICLES,
    DEFAULT_DAYS,
    NoDefaultSite,
    SiteNotEmpty,
    load_demo_content,
    site_has_articles,
)
from warta.masthead.zones import MONTH_NAMES


class Command(BaseCommand):
    help = "Mengisi situs yang masih kosong dengan konten contoh berbahasa Indonesia."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Lewati tanpa galat bila situs sudah berisi berita.",
        )
        parser.add_argument(
            "--articles",
            type=int,
            default=DEFAULT_ARTICLES,
            help=f"Jumlah berita contoh (bawaan {DEFAULT_ARTICLES}).",
        )
        parser.add_argument(
            "--days",
            type=int,
            default=DEFAULT_DAYS,
            help=f"Sebaran waktu terbit, dalam hari ke belakang (bawaan {DEFAULT_DAYS}).",
        )

    def handle(self, *args, **options):
        if_empty, articles, days = options["if_empty"], options["articles"], options["days"]
        if articles < 1 or days < 1:
            raise CommandError("--articles dan --days harus lebih dari nol.")
        if if_empty and site_has_articles():
            self.stdout.write("Situs sudah berisi berita; konten contoh tidak dimuat.")
            return
        started = time.monotonic()
        # Wagtail logs every page it creates and publishes; a hundred lines say nothing.
        wagtail_log = logging.getLogger("wagtail")
        previous_level = wagtail_log.level
        if options["verbosity"] < 2:
            wagtail_log.setLevel(logging.WARNING)
        try:
            summary = load_demo_content(articles=articles, days=days)
        except SiteNotEmpty as exc:
            raise CommandError(
                "Situs sudah berisi berita. Konten contoh hanya dimuat ke situs kosong "
                "(pakai --if-empty untuk melewatinya tanpa galat)."
            ) from exc
        except NoDefaultSite as exc:
            raise CommandError(
                "Belum ada situs bawaan. Jalankan 'warta migrate' lebih dulu."
            ) from exc
        finally:
            wagtail_log.setLevel(previous_level)
        seconds = f"{time.monotonic() - started:.1f}".replace(".", ",")
        self.stdout.write(
            self.style.SUCCESS(f"Konten contoh selesai dimuat dalam {seconds} detik:")
        )
        lines = [
            f"{summary.sections} kanal, {summary.people} kontributor, "
            f"{summary.wire_agencies} kantor berita",
            f"{summary.articles} berita terbit antara {_day(summary.oldest)} dan "
            f"{_day(summary.newest)} ({summary.updated_articles} diperbarui), "
            f"{summary.tags} tag",
            f"{summary.notices} pemberitahuan, {summary.ad_slots} slot iklan, "
            f"{summary.images} gambar, {summary.hourly_reads} catatan jumlah baca per jam",
        ]
        for line in lines:
            self.stdout.write(f"  {line}")
        if not if_empty:  # `warta run` loads the demo with --if-empty, then serves
            self.stdout.write("Jalankan 'warta run' lalu buka situsnya di peramban.")


def _day(moment) -> str:
    local = timezone.localtime(moment)
    return f"{local.day} {MONTH_NAMES[local.month - 1]} {local.year}"
