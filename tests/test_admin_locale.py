"""Warta's Indonesian catalogue for the admin (issue 12), without a browser.

The strings the newsroom saw in English, looked up through Django's translation
machinery (so Wagtail's, Django's and Warta's catalogues merged as in production),
the compiled .mo files in step with the .po files, and the English checker of
tests/browser/language.py on strings it must and must not flag.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from django.utils import translation

from tests.browser.language import english_words, share_of_indonesian

LOCALE = Path(__file__).resolve().parents[1] / "warta" / "locale" / "id" / "LC_MESSAGES"

# Seen in English before issue 12, and what they read now.
SEEN_IN_ENGLISH = {
    "In Moderation": "Dalam tinjauan",
    "No publishing schedule set": "Belum ada jadwal terbit",
    "Set publishing schedule": "Atur jadwal terbit",
    "Save schedule": "Simpan jadwal",
    "Visible to all": "Terlihat oleh semua",
    "Schedule to publish": "Jadwalkan terbit",
    "Draft saved": "Konsep disimpan",
    "Published scheduled draft": "Konsep terjadwal diterbitkan",
    "Action": "Tindakan",
    "User": "Pengguna",
    "Choose parent": "Pilih induk",
    "More actions": "Tindakan lain",
    "Password": "Kata sandi",
    "Forgotten password?": "Lupa kata sandi?",
    "Remember me": "Ingat saya",
    "Reports": "Laporan",
    "Help": "Bantuan",
    "Publish": "Terbitkan",
    "Unpublish": "Tarik",
    "Proceeding will overwrite the changes made by %(user_name)s.": (
        "Jika dilanjutkan, perubahan yang dibuat %(user_name)s akan tertimpa."
    ),
}


def test_strings_once_english_are_indonesian():
    with translation.override("id"):
        got = {msgid: translation.gettext(msgid) for msgid in SEEN_IN_ENGLISH}
        referenced = translation.ngettext(
            "Referenced %(count)s time", "Referenced %(count)s times", 0
        ) % {"count": 0}
        pages = translation.ngettext(
            '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
            57,
        ) % {"total": 57, "site_name": "Warta"}
        # Warta's approve labels already name the outcome: no "and Publish" after them.
        approve = translation.gettext("%(label)s and Publish") % {"label": "Setujui dan terbitkan"}
    assert got == SEEN_IN_ENGLISH
    assert referenced == "Dirujuk 0 kali"
    assert pages.startswith("57 Halaman")
    assert approve == "Setujui dan terbitkan"


def test_javascript_catalogue_is_indonesian():
    from django.utils.translation.trans_real import DjangoTranslation
    from django.views.i18n import JavaScriptCatalog

    # What Wagtail's /admin/jsi18n/ serves: wagtail.admin's djangojs catalogue and Warta's.
    view = JavaScriptCatalog(packages=["wagtail.admin"])
    view.translation = DjangoTranslation(
        "id", domain="djangojs", localedirs=view.get_paths(view.packages)
    )
    catalog = view.get_catalog()
    assert catalog["Insert a block"] == "Sisipkan blok"
    assert catalog["Collapse all"] == "Ciutkan semua"
    assert catalog["More actions"] == "Tindakan lain"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_catalogues_match_the_po_files(domain):
    """`make locale` compiles: a .po edited without it would not reach the admin."""
    po = (LOCALE / f"{domain}.po").read_text(encoding="utf-8")
    with (LOCALE / f"{domain}.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    singles = [
        found.groups()
        for entry in po.split("\n\n")
        if "msgctxt" not in entry
        and (found := re.search(r'^msgid "(.+)"\nmsgstr "(.+)"$', entry, re.M))
    ]
    assert len(singles) > 20
    stale = [
        msgid
        for msgid, msgstr in singles
        if "\\" not in msgid + msgstr and compiled.gettext(msgid) != msgstr
    ]
    assert stale == []


def test_checker_flags_english_and_spares_indonesian():
    english = ["Insert a block", "57 Pages", "Referenced 0 times", "1-3 of 3 None", "Don’t"]
    indonesian = [
        "Setujui dan terbitkan",
        "Simpan konsep",
        "Status",
        "Gravatar",
        "https://example.com/page",
        "Europe/Isle_of_Man: GMT+0 (Greenwich Mean Time)",
        "A. Rahman",
        "Total 5 MB",
    ]
    assert [text for text in english if not english_words(text)] == []
    assert {text: english_words(text) for text in indonesian} == dict.fromkeys(indonesian, [])
    assert english_words("Insert a block", allow=["insert", "a", "block"]) == []
    assert share_of_indonesian(["Simpan", "Save", "Halaman", "42"]) == pytest.approx(2 / 3)
