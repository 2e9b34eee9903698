"""``warta reindex-articles``: rebuild the search index from the live articles."""

from django.core.management.base import BaseCommand

from warta.search.services import reindex_articles


class Command(BaseCommand):
    help = "Bangun ulang indeks pencarian dari semua berita yang tayang."

    def handle(self, *args, **options):
        count = reindex_articles()
        self.stdout.write(f"Indeks pencarian dibangun ulang: {count} berita.")
