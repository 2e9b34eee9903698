"""``warta publish-due``: publish scheduled articles that are due, expire expired ones.

Once by default (for cron or systemd timers); ``--loop`` keeps checking every
WARTA_SCHEDULER_INTERVAL seconds (15 by default, 30 at most) until stopped with
SIGTERM or Ctrl-C. Any number may run at once: each article is published once.
"""

from __future__ import annotations

import signal
import threading

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from warta.scheduling import services


class Command(BaseCommand):
    help = "Terbitkan berita terjadwal yang sudah waktunya dan turunkan yang kedaluwarsa."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            action="store_true",
            help="terus memeriksa sampai dihentikan (SIGTERM atau Ctrl-C)",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            help="detik antarpemeriksaan dengan --loop (bawaan: WARTA_SCHEDULER_INTERVAL)",
        )

    def handle(self, *args, loop=False, interval=None, verbosity=1, **options):
        try:
            interval = services.scheduler_interval(interval)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if not loop:
            result = services.publish_due()
            if verbosity:
                self.stdout.write(
                    f"Diterbitkan: {len(result.published)}, diturunkan: {len(result.expired)}, "
                    f"gagal: {len(result.failed)}"
                )
            if result.failed:
                raise CommandError(f"{len(result.failed)} jadwal gagal; lihat log.")
            return
        stop = threading.Event()
        previous = {
            signum: signal.signal(signum, lambda *_: stop.set())
            for signum in (signal.SIGTERM, signal.SIGINT)
        }
        if verbosity:
            self.stdout.write(f"Penjadwal berjalan, memeriksa setiap {interval:g} detik.")
        try:
            services.run_scheduler(stop, interval)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        if verbosity:
            self.stdout.write("Penjadwal berhenti.")
