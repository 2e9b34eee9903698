"""Indeks Berita: every published article of one day, newest first."""

from datetime import date, timedelta

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from warta.articles.queries import articles_on_day, attach_sections
from warta.masthead.models import SiteSettings


def _requested_day(request, today: date) -> date:
    raw = request.GET.get("tanggal")
    if not raw:
        return today
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise Http404("Tanggal tidak dikenali; gunakan format TTTT-BB-HH.") from None


def news_index(request):
    zone = SiteSettings.for_request(request).zone
    today = timezone.now().astimezone(zone.tzinfo).date()
    day = _requested_day(request, today)
    articles = attach_sections(list(articles_on_day(day, zone)))
    context = {
        "day": day,
        "articles": articles,
        "previous_day": day - timedelta(days=1),
        "next_day": day + timedelta(days=1) if day < today else None,
    }
    return render(request, "pages/news_index.html", context)
