"""``warta check-deploy``: is this configuration ready to serve readers?

Checks the secret key, DEBUG, ALLOWED_HOSTS, the database and its migrations, Redis
(when REDIS_URL is set), the collected static files and Django's ``check --deploy``,
and says what is wrong in plain words. Exits non-zero when anything must be fixed;
warnings are printed and do not fail.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from warta.operations import checks

LABELS = {checks.OK: "ok", checks.WARNING: "PERHATIAN", checks.PROBLEM: "MASALAH"}


class Command(BaseCommand):
    help = "Periksa apakah pengaturan ini siap untuk produksi."
    requires_system_checks = []  # run by us, with the deployment checks, as findings

    def handle(self, *args, verbosity=1, **options):
        findings = checks.all_findings()
        width = max(len(label) for label in LABELS.values())
        for finding in findings:
            if finding.status == checks.OK and verbosity < 1:
                continue
            line = f"{LABELS[finding.status]:<{width}}  {finding.message}"
            style = {
                checks.OK: self.style.SUCCESS,
                checks.WARNING: self.style.WARNING,
                checks.PROBLEM: self.style.ERROR,
            }[finding.status]
            self.stdout.write(style(line))
        problems = [finding for finding in findings if finding.failed]
        if problems:
            raise CommandError(
                f"{len(problems)} masalah harus diperbaiki sebelum situs ini melayani pembaca."
            )
        self.stdout.write(self.style.SUCCESS("Siap untuk produksi."))
