"""Reading an article out of a news page's text, as a browser shows it without markup.

Blogger-style Indonesian portals lay an article page out the same way: page chrome
(notice bar, "Iklan", "Indeks Berita"), the headline, the time line, the lead
image's title and "caption | Photo by : credit", a body opening with the outlet's
dateline, then "Oleh:" and "Sumber Berita:". This module turns such text into
fields without touching the database, so every rule is tested on plain strings.
What it cannot place is returned in ``unrecognised``, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from warta.masthead.zones import DAY_NAMES, MONTH_NAMES, IndonesianZone

# Lines that belong to the page around the article, not to the article.
CHROME_LINES = frozenset(
    {
        "Notification",
        "×",
        "Iklan",
        "Indeks Berita",
        "Tag Terpopuler",
        "Daftar Isi [Tampilkan]",
        "Daftar Isi [Sembunyikan]",
    }
)
# Agencies recognised after "dilansir dari" / "mengutip"; other names there are
# usually people or outlets, so they are left alone.
KNOWN_WIRE_AGENCIES = (
    "AFP",
    "Reuters",
    "AP",
    "Antara",
    "Xinhua",
    "Bernama",
    "Kyodo",
    "Anadolu",
    "DPA",
    "EFE",
)
SUMMARY_LIMIT = 300
# One article's text is a few kilobytes; anything this big is the wrong file.
MAX_TEXT_BYTES = 2 * 1024 * 1024
# A text with more control characters than this share is not prose.
MAX_CONTROL_SHARE = 0.05

_DAY_ALIASES = {"jum'at": "Jumat", "ahad": "Minggu"}
_DAYS = {name.lower(): name for name in DAY_NAMES} | _DAY_ALIASES
_MONTHS = {name.lower(): n for n, name in enumerate(MONTH_NAMES, 1)}
_MONTHS |= {name.lower()[:3]: n for n, name in enumerate(MONTH_NAMES, 1)} | {"ags": 8}

_TIME_LINE = re.compile(
    r"^(?P<day>[^\W\d_][\w']*),\s*(?P<dom>\d{1,2})\s+(?P<month>[^\W\d_]+)\.?\s+(?P<year>\d{4})"
    r"\s*[|,]?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?P<zone>WIB|WITA|WIT)\b"
    r"(?:\s*(?i:last\s+updated)\s*:?\s*(?P<updated>\S+))?$"
)
_UPDATED_LINE = re.compile(r"^(?i:last\s+updated)\s*:?\s*(?P<updated>\S+)$")
_CAPTION_LINE = re.compile(
    r"^(?:(?P<caption>.*?)\s*\|\s*)?(?i:photo\s+by|foto)\s*:\s*(?P<credit>\S.*)$"
)
_BYLINE = re.compile(r"^(?i:oleh|penulis)\s*:\s*(?P<names>\S.*)$")
_SOURCE_LINE = re.compile(r"^(?i:sumber(?:\s+berita)?)\s*:\s*(?P<name>\S.*)$")
_DATELINE = re.compile(r"^(?P<dateline>[^\s.,;:!?][^.;:!?]{0,58}?)\s+[-–—]\s+(?P<rest>\S.*)$")
_AUTHOR_SEPARATOR = re.compile(r"\s*,\s*|\s+dan\s+|\s*&\s*")
_WIRE_CUE = re.compile(
    r"(?i:\b(?:dilansir\s+dari|dilansir|melansir|mengutip(?:\s+dari)?|dikutip\s+dari))"
    r"\s+(?P<names>[A-Z][\w.-]*(?:(?:\s*,\s*|\s+dan\s+|\s+)[A-Z][\w.-]*)*)"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


class PageTextError(ValueError):
    """The text cannot be read as an article; the message says why, in Indonesian."""


@dataclass(frozen=True)
class Line:
    """A line of the original text, numbered from 1 as an editor's text editor does."""

    number: int
    text: str

    def __str__(self) -> str:
        return f"baris {self.number}: {self.text}"


@dataclass
class ParsedPage:
    headline: str
    published_at: datetime
    zone: IndonesianZone
    updated_at: datetime | None = None
    image_title: str = ""
    caption: str = ""
    credit: str = ""
    dateline: str = ""
    paragraphs: list[str] = field(default_factory=list)
    wire_agencies: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    source_name: str = ""
    unrecognised: list[Line] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return summary_from(self.paragraphs[0]) if self.paragraphs else ""


def decode_page_bytes(data: bytes) -> str:
    """Decode an uploaded file strictly as UTF-8 (a BOM is allowed), or say why not."""
    if not data.strip():
        raise PageTextError("Berkas kosong: tidak ada teks yang bisa diimpor.")
    if len(data) > MAX_TEXT_BYTES:
        raise PageTextError("Berkas terlalu besar untuk satu berita (maksimal 2 MB).")
    if b"\x00" in data:
        raise PageTextError("Berkas ini bukan teks (berisi data biner). Pilih berkas .txt.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PageTextError(
            f"Berkas ini bukan teks UTF-8 (byte tidak valid di posisi {exc.start}). "
            "Simpan ulang berkas sebagai UTF-8 lalu coba lagi."
        ) from exc
    return check_text(text)


def check_text(text: str) -> str:
    """Refuse empty or binary-looking text before any parsing; drop a leading BOM."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise PageTextError("Teks kosong: tidak ada yang bisa diimpor.")
    control = sum(1 for ch in text if not (ch.isprintable() or ch.isspace()))
    if "\x00" in text or control > MAX_CONTROL_SHARE * len(text):
        raise PageTextError("Teks ini bukan teks berita (berisi data biner).")
    return text


def parse_page_text(text: str) -> ParsedPage:
    """Read the article's parts from a page's text; raise PageTextError if there is none."""
    text = check_text(text)
    lines = [Line(n, raw.strip()) for n, raw in enumerate(text.splitlines(), 1)]
    lines = [line for line in lines if line.text and line.text not in CHROME_LINES]
    if not lines:
        raise PageTextError("Judul berita tidak ditemukan: teks hanya berisi bagian halaman.")
    headline, rest = lines[0], lines[1:]
    if _TIME_LINE.match(headline.text):
        raise PageTextError(
            f"Judul berita tidak ditemukan: baris {headline.number} sudah berupa waktu terbit."
        )
    at = next((i for i, line in enumerate(rest) if _TIME_LINE.match(line.text)), None)
    if at is None:
        raise PageTextError(
            "Baris waktu terbit tidak ditemukan (contoh: 'Jumat, 14 Januari 2022 | 12:13 WIB')."
        )
    page = _page_with_times(headline.text, rest[at])
    page.unrecognised.extend(rest[:at])
    remaining = rest[at + 1 :]
    if remaining and page.updated_at is None and (m := _UPDATED_LINE.match(remaining[0].text)):
        page.updated_at = _read_updated(m["updated"], page)
        remaining = remaining[1:]
    remaining = _read_lead_image(page, remaining)
    body_end = next(
        (
            i
            for i, line in enumerate(remaining)
            if _BYLINE.match(line.text) or _SOURCE_LINE.match(line.text)
        ),
        len(remaining),
    )
    page.paragraphs = [line.text for line in remaining[:body_end]]
    if not page.paragraphs:
        raise PageTextError("Isi berita tidak ditemukan setelah judul dan waktu terbit.")
    _read_dateline(page)
    page.wire_agencies = wire_agencies_in(page.paragraphs)
    _read_footer(page, remaining[body_end:])
    if not page.authors:
        page.warnings.append(
            "Penulis tidak ditemukan (baris 'Oleh: ...'); tambahkan sebelum terbit."
        )
    return page


def _page_with_times(headline: str, line: Line) -> ParsedPage:
    m = _TIME_LINE.match(line.text)
    month = _MONTHS.get(m["month"].lower())
    if month is None:
        raise PageTextError(f"Nama bulan '{m['month']}' di baris {line.number} tidak dikenal.")
    zone = IndonesianZone(m["zone"])
    try:
        local = datetime(
            int(m["year"]),
            month,
            int(m["dom"]),
            int(m["hour"]),
            int(m["minute"]),
            tzinfo=zone.tzinfo,
        )
    except ValueError as exc:
        raise PageTextError(
            f"Waktu terbit di baris {line.number} tidak valid: {line.text}"
        ) from exc
    page = ParsedPage(headline=headline, published_at=local, zone=zone)
    _check_weekday(page, m["day"], local.date())
    if m["updated"]:
        page.updated_at = _read_updated(m["updated"], page)
    return page


def _check_weekday(page: ParsedPage, written: str, day: date) -> None:
    expected = DAY_NAMES[day.weekday()]
    shown = f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    name = _DAYS.get(written.lower())
    if name is None:
        page.warnings.append(f"Nama hari '{written}' tidak dikenal; tanggal {shown} tetap dipakai.")
    elif name != expected:
        page.warnings.append(
            f"Hari '{written}' tidak cocok dengan tanggal {shown} (seharusnya {expected}); "
            "tanggal tetap dipakai."
        )


def _read_updated(value: str, page: ParsedPage) -> datetime | None:
    try:
        updated = datetime.fromisoformat(value)
    except ValueError:
        page.warnings.append(f"Waktu 'Last Updated' tidak dapat dibaca: {value}")
        return None
    if updated.tzinfo is None:
        page.warnings.append(f"Waktu 'Last Updated' tanpa zona waktu; dianggap {page.zone.value}.")
        updated = updated.replace(tzinfo=page.zone.tzinfo)
    if updated < page.published_at:
        page.warnings.append("Waktu 'Last Updated' lebih awal dari waktu terbit.")
    return updated


def _read_lead_image(page: ParsedPage, lines: list[Line]) -> list[Line]:
    """The image's title (often the headline again) and its 'caption | Photo by : credit'."""
    if lines and (m := _CAPTION_LINE.match(lines[0].text)):
        page.image_title = page.headline
        taken = 1
    elif len(lines) > 1 and (m := _CAPTION_LINE.match(lines[1].text)):
        page.image_title = lines[0].text
        taken = 2
    else:
        if lines and lines[0].text == page.headline:
            page.image_title = page.headline
            return lines[1:]
        return lines
    page.caption = (m["caption"] or "").strip()
    page.credit = m["credit"].strip()
    return lines[taken:]


def _read_dateline(page: ParsedPage) -> None:
    """'Populer24 - Kerjasama ...': the outlet's dateline opens the first paragraph."""
    m = _DATELINE.match(page.paragraphs[0])
    if not m:
        return
    words = m["dateline"].replace(",", " ").split()
    if len(words) <= 4 and all(word[0].isupper() or word[0].isdigit() for word in words):
        page.dateline = m["dateline"]
        page.paragraphs[0] = m["rest"]


def _read_footer(page: ParsedPage, lines: list[Line]) -> None:
    for line in lines:
        if (m := _BYLINE.match(line.text)) and not page.authors:
            page.authors = split_names(m["names"])
        elif (m := _SOURCE_LINE.match(line.text)) and not page.source_name:
            page.source_name = m["name"].strip()
        else:
            page.unrecognised.append(line)


def split_names(names: str) -> list[str]:
    """'Ani, Budi dan Citra' -> ['Ani', 'Budi', 'Citra']."""
    return [name for name in _AUTHOR_SEPARATOR.split(names.strip()) if name]


def wire_agencies_in(paragraphs: list[str]) -> list[str]:
    """Known agencies named after 'dilansir dari' / 'mengutip', in order of mention."""
    known = {name.lower(): name for name in KNOWN_WIRE_AGENCIES}
    found: list[str] = []
    for paragraph in paragraphs:
        for m in _WIRE_CUE.finditer(paragraph):
            for token in re.split(r"[\s,]+", m["names"]):
                name = known.get(token.rstrip(".").lower())
                if name and name not in found:
                    found.append(name)
    return found


def summary_from(paragraph: str, limit: int = SUMMARY_LIMIT) -> str:
    """Up to two whole sentences of the paragraph that fit ``limit``, else cut at a word."""
    sentences = _SENTENCE_END.split(paragraph.strip())
    for count in (2, 1):
        summary = " ".join(sentences[:count])
        if len(summary) <= limit:
            return summary
    cut = sentences[0][: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"
