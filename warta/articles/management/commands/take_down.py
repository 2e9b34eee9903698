"""``warta take-down <id> --reason <code> [--text ...]``: pull a live article from
the command line, with a reason from the guideline's list, as the admin does."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from warta.articles.models import ArticlePage, TakedownReason
from warta.articles.services import take_down_article


class Command(BaseCommand):
    help = "Tarik berita yang tayang dengan alasan pencabutan (Pedoman Pemberitaan Media Siber)."

    def add_arguments(self, parser):
        parser.add_argument("article_id", type=int, help="ID berita")
        parser.add_argument(
            "--reason",
            required=True,
            choices=TakedownReason.values,
            help="Alasan pencabutan: " + ", ".join(TakedownReason.values),
        )
        parser.add_argument("--text", default="", help="Keterangan (wajib untuk 'lainnya')")

    def handle(self, article_id, reason, text, **options):
        article = ArticlePage.objects.filter(pk=article_id).first()
        if article is None:
            raise CommandError(f"Berita dengan ID {article_id} tidak ada.")
        try:
            takedown = take_down_article(article, reason, text)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(f"Berita “{article.title}” ditarik: {takedown.get_reason_display()}.")
