"""``warta import-text FILE``: a news page's text becomes a draft article.

It prints what it recognised, so the editor can compare it with the page before
opening the draft, and it changes nothing when it fails.
"""

from __future__ import annotations

import contextlib
from datetime import UTC
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from warta.articles.models import ArticlePage
from warta.articles.services import publish_article
from warta.importers.page_text import PageTextError, decode_page_bytes
from warta.importers.queries import default_section, section_slugs, sections_with_slug
from warta.importers.services import AlreadyImported, PageTextImportError, import_page_text
from warta.masthead.zones import format_long
from warta.users.permissions import may_publish_in
from warta.users.queries import account_named

NONE = "(tidak ada)"


class Command(BaseCommand):
    help = "Impor teks halaman berita (UTF-8) menjadi draf berita."

    def add_arguments(self, parser):
        parser.add_argument("file", help="berkas teks halaman berita, UTF-8")
        parser.add_argument("--section", metavar="SLUG", help="slug kanal tujuan")
        parser.add_argument("--image", metavar="PATH", help="foto utama berita")
        parser.add_argument(
            "--publish", action="store_true", help="langsung terbitkan (perlu --user)"
        )
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="akun yang mengimpor (pemilik draf); untuk --publish harus berhak menerbitkan",
        )
        parser.add_argument(
            "--again", action="store_true", help="impor lagi walau sudah pernah diimpor"
        )

    def handle(
        self, *args, file, section=None, image=None, publish=False, again=False, user=None, **opts
    ):
        account = _account(user) if user else None
        if publish and account is None:
            raise CommandError(
                "--publish memerlukan --user USERNAME: akun yang berhak menerbitkan di "
                "kanal tujuan (Editor kanal itu atau Redaktur)."
            )
        text = _read_text(Path(file))
        target = _section(section) if section else None
        if publish:
            _check_may_publish(account, target or default_section())
        try:
            with _open_image(image) as image_file, transaction.atomic():
                result = import_page_text(
                    text, section=target, user=account, image_file=image_file, again=again
                )
                if publish:
                    publish_article(result.article, user=account)
        except AlreadyImported as exc:
            raise CommandError(f"{exc} Pakai --again untuk membuat salinan baru.") from exc
        except PageTextImportError as exc:
            raise CommandError(str(exc)) from exc
        self._report(result, publish)

    def _report(self, result, published: bool) -> None:
        parsed, out = result.parsed, self.stdout
        new_names = {person.name for person in result.new_people}
        authors = [f"{a} (kontributor baru)" if a in new_names else a for a in parsed.authors]
        updated = NONE
        if parsed.updated_at:
            utc = parsed.updated_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            updated = f"{format_long(parsed.updated_at, parsed.zone)} ({utc})"
        rows = [
            ("Judul", parsed.headline),
            ("Waktu terbit", format_long(parsed.published_at, parsed.zone)),
            ("Diperbarui", updated),
            ("Penulis", ", ".join(authors) or NONE),
            ("Sumber berita", parsed.source_name or NONE),
            ("Kantor berita", ", ".join(parsed.wire_agencies) or NONE),
            ("Dateline", parsed.dateline or NONE),
            ("Paragraf", str(len(parsed.paragraphs))),
            ("Gambar utama", result.image.title),
            ("Keterangan", parsed.caption or NONE),
            ("Kredit foto", parsed.credit or NONE),
        ]
        for label, value in rows:
            out.write(f"{label:<14}: {value}")
        out.write("Peringatan:" if result.warnings else f"Peringatan: {NONE}")
        for warning in result.warnings:
            out.write(self.style.WARNING(f"  - {warning}"))
        out.write("Baris tak dikenali:" if result.unrecognised else f"Baris tak dikenali: {NONE}")
        for line in result.unrecognised:
            out.write(self.style.WARNING(f"  - {line}"))
        state = "Diterbitkan" if published else "Draf dibuat"
        section = result.article.get_parent().title
        out.write(self.style.SUCCESS(f"{state} di kanal {section}: {result.edit_url}"))


def _account(username: str):
    account = account_named(username)
    if account is None:
        raise CommandError(f"Pengguna '{username}' tidak ditemukan.")
    if not account.is_active:
        raise CommandError(f"Pengguna '{username}' tidak aktif.")
    return account


def _check_may_publish(account, section) -> None:
    """Refuse before anything is written: the same rule as the admin's Publish button."""
    if section is not None and not may_publish_in(account, section, ArticlePage):
        raise CommandError(
            f"Pengguna '{account.get_username()}' tidak berhak menerbitkan di kanal "
            f"{section.title}. Impor tanpa --publish untuk membuat draf, atau pakai akun "
            "Editor kanal itu atau Redaktur."
        )


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise CommandError(f"Berkas tidak ditemukan: {path}")
    try:
        return decode_page_bytes(path.read_bytes())
    except PageTextError as exc:
        raise CommandError(str(exc)) from exc


def _section(slug: str):
    found = sections_with_slug(slug)
    if len(found) == 1:
        return found[0]
    if found:
        paths = ", ".join(section.url_path for section in found)
        raise CommandError(f"Ada beberapa kanal dengan slug '{slug}': {paths}.")
    known = ", ".join(section_slugs()) or "belum ada kanal"
    raise CommandError(f"Kanal dengan slug '{slug}' tidak ditemukan (kanal yang ada: {known}).")


def _open_image(path: str | None):
    if path is None:
        return contextlib.nullcontext()
    if not Path(path).is_file():
        raise CommandError(f"Berkas gambar tidak ditemukan: {path}")
    return Path(path).open("rb")
