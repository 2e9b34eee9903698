"""Indeks Berita: every published article of one day, newest first.

The days run from the day of the first live article to today, both in the site's
zone. A day outside that range, or a date that is not ``YYYY-MM-DD``, is a 404: there
is nothing to list, and an endless run of empty pages would only feed crawlers. A day
inside the range with no article is an ordinary page saying so.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.http import Http404, QueryDict
from django.shortcuts import render
from django.utils import timezone
from wagtail.models import Site

from warta.articles.queries import articles_on_day, attach_sections, first_publication
from warta.masthead.models import SiteSettings
from warta.sections.models import SectionPage
from warta.sections.queries import child_sections

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _requested_day(request, today: date) -> date:
    raw = request.GET.get("tanggal")
    if not raw:
        return today
    # fromisoformat alone would also take "20240305" or "2024-W10-2": one spelling
    # per day keeps the addresses stable.
    if not ISO_DAY.fullmatch(raw):
        raise Http404("Tanggal tidak dikenali; gunakan format TTTT-BB-HH.")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise Http404("Tanggal tidak dikenali; gunakan format TTTT-BB-HH.") from None


def _requested_section(request, sections: list[SectionPage]) -> SectionPage | None:
    slug = request.GET.get("kanal")
    if not slug:
        return None
    for section in sections:
        if section.slug == slug:
            return section
    raise Http404("Kanal tidak dikenal.")


def _day_url(day: date, section: SectionPage | None) -> str:
    params = QueryDict(mutable=True)
    params["tanggal"] = day.isoformat()
    if section is not None:
        params["kanal"] = section.slug
    return f"?{params.urlencode()}"


def news_index(request):
    zone = SiteSettings.for_request(request).zone
    today = timezone.now().astimezone(zone.tzinfo).date()
    day = _requested_day(request, today)
    first = first_publication()
    first_day = min(first.astimezone(zone.tzinfo).date(), today) if first else today
    if not first_day <= day <= today:
        raise Http404("Tidak ada berita pada tanggal ini.")
    sections = child_sections(request, Site.find_for_request(request).root_page)
    section = _requested_section(request, sections)
    articles = attach_sections(list(articles_on_day(day, zone, section)))
    previous_day = day - timedelta(days=1) if day > first_day else None
    next_day = day + timedelta(days=1) if day < today else None
    context = {
        "day": day,
        "today": today,
        "first_day": first_day,
        "articles": articles,
        "sections": sections,
        "section": section,
        "previous_day": previous_day,
        "next_day": next_day,
        "previous_url": _day_url(previous_day, section) if previous_day else None,
        "next_url": _day_url(next_day, section) if next_day else None,
    }
    return render(request, "pages/news_index.html", context)
