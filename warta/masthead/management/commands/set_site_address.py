"""``warta set-site-address [URL]``: make absolute URLs use the public address."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from warta.masthead.services import set_site_address


class Command(BaseCommand):
    help = "Set the default site's host and port from URL (default: WARTA_BASE_URL)."

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="e.g. https://warta.example")

    def handle(self, *args, url=None, **options):
        url = url or settings.WAGTAILADMIN_BASE_URL
        try:
            site = set_site_address(url)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error
        self.stdout.write(f"Alamat situs: {site.root_url}")
