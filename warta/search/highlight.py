"""Matched words marked in a result's headline and snippet.

A word is marked when its stem is one the query looks for, and two adjacent
words are marked together when they form a compound the query looks for
(``kerjasama`` marks ``bekerja sama``). Stems come from ``indonesian.py``, the
same Snowball algorithm the databases match with. Everything but the ``<mark>``
tags is escaped.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from warta.search.indonesian import SearchTerms, Word, joined_tokens, words

SNIPPET_WORDS = 32
WORDS_BEFORE_MATCH = 8


def _marked(found: list[Word], wanted: frozenset[str]) -> list[bool]:
    marked = [word.stem in wanted for word in found]
    for i, (here, after) in enumerate(zip(found, found[1:], strict=False)):
        if here.joins_next and wanted.intersection(joined_tokens(here.text, after.text)):
            marked[i] = marked[i + 1] = True
    return marked


def _render(text: str, found: list[Word], marked: list[bool], lo: int, hi: int) -> str:
    """HTML of ``text[lo:hi]``: escaped, runs of marked words inside one <mark>."""
    parts, position, open_mark = [], lo, False
    for i, word in enumerate(found):
        if word.start < lo or word.end > hi:
            continue
        if marked[i] and not open_mark:
            parts.append(escape(text[position : word.start]))
            parts.append("<mark>")
            position, open_mark = word.start, True
        if open_mark:
            continues = (
                word.joins_next and i + 1 < len(found) and marked[i + 1] and found[i + 1].end <= hi
            )
            if not continues:
                parts.append(escape(text[position : word.end]))
                parts.append("</mark>")
                position, open_mark = word.end, False
    parts.append(escape(text[position:hi]))
    return "".join(parts)


def highlight(text: str, terms: SearchTerms) -> SafeString:
    found = words(text)
    html = _render(text, found, _marked(found, terms.highlight_stems), 0, len(text))
    return mark_safe(html)  # every piece of text went through escape()


def snippet(text: str, terms: SearchTerms) -> SafeString:
    """About ``SNIPPET_WORDS`` words of ``text`` around its first match (or its start)."""
    found = words(text)
    if not found:
        return mark_safe("")
    marked = _marked(found, terms.highlight_stems)
    first = marked.index(True) if any(marked) else 0
    start = max(0, first - WORDS_BEFORE_MATCH)
    end = min(len(found), start + SNIPPET_WORDS)
    start = max(0, min(start, end - SNIPPET_WORDS))
    lo = 0 if start == 0 else found[start].start
    hi = len(text) if end == len(found) else found[end - 1].end
    html = _render(text, found, marked, lo, hi).strip()
    # Paragraph breaks read as spaces in a one-line snippet.
    html = " ".join(html.split())
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(found) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # built from escaped parts
