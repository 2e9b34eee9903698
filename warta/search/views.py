"""``/cari/``: the reader's search page.

Malformed dates are a 400 showing the form with the error; an unknown kanal or
a bad ``?page=`` is a 404, as on every listing; an empty query (or one of only
punctuation) shows the form without searching.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.http import Http404
from django.shortcuts import render
from wagtail.models import Site

from warta.articles.listing import paginate_articles
from warta.masthead.models import SiteSettings
from warta.search.forms import SearchForm
from warta.search.highlight import highlight, snippet
from warta.search.indonesian import SearchTerms
from warta.search.queries import search_articles, site_sections, snippet_texts

RESULTS_PER_PAGE = 10
# Outside these a date bound filters nothing, and near the ends of the calendar
# moving it between time zones would overflow.
EARLIEST = date(1900, 1, 1)
LATEST = date(9000, 1, 1)


def _period(request, since: date | None, until: date | None):
    zone = SiteSettings.for_request(request).zone.tzinfo
    start = datetime.combine(since, time.min, tzinfo=zone) if since and since > EARLIEST else None
    end = (
        datetime.combine(until, time.min, tzinfo=zone) + timedelta(days=1)
        if until and until < LATEST
        else None
    )
    return start, end


def search_results(request):
    form = SearchForm(request.GET)
    sections = site_sections(Site.find_for_request(request))
    context = {"form": form, "sections": sections, "terms": None, "results": None}
    if not form.is_valid():
        return render(request, "pages/search_page.html", context, status=400)
    data = form.cleaned_data
    section = None
    if data["kanal"]:
        matching = [s for s in sections if s.slug == data["kanal"]]
        if not matching:
            raise Http404("Kanal tidak ada")
        section = min(matching, key=lambda s: s.depth)
    context["section"] = section
    terms = SearchTerms.parse(data["q"])
    context["terms"] = terms
    if not terms:
        return render(request, "pages/search_page.html", context)
    since, until = _period(request, data["dari"], data["sampai"])
    results = paginate_articles(
        request, search_articles(terms, section, since, until), per_page=RESULTS_PER_PAGE
    )
    texts = snippet_texts([article.pk for article in results.object_list])
    for article in results.object_list:
        article.headline_html = highlight(article.title, terms)
        article.snippet_html = snippet(texts.get(article.pk, ""), terms)
    context["results"] = results
    return render(request, "pages/search_page.html", context)
