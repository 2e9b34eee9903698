"""Putting the outlet's dateline ("Warta Nusantara - ") in front of the first paragraph."""

from django.utils.html import escape

DATELINE_SEPARATOR = " - "


def with_dateline(paragraph_html: str, dateline: str) -> str:
    """Insert the dateline right after the paragraph's opening ``<p>`` tag."""
    marker = f'<strong class="dateline">{escape(dateline)}</strong>{DATELINE_SEPARATOR}'
    start = paragraph_html.find("<p")
    if start == -1:
        return marker + paragraph_html
    end = paragraph_html.find(">", start)
    return paragraph_html[: end + 1] + marker + paragraph_html[end + 1 :]
