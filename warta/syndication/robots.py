"""robots.txt: the editors' rules for crawlers, followed by where the sitemaps are."""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from warta.syndication.models import DEFAULT_ROBOTS_TXT, RobotsTxt


def robots_txt_rules(site: Site | None) -> str:
    """The site's saved rules, or the default while nobody has saved any.

    Read without ``RobotsTxt.for_site``, which would create a row on a crawler's GET.
    """
    saved = RobotsTxt.objects.filter(site=site).values_list("content", flat=True).first()
    return DEFAULT_ROBOTS_TXT if saved is None else saved


def compose_robots_txt(rules: str, sitemap_urls: list[str]) -> str:
    """``rules`` with a ``Sitemap:`` line for each URL it does not already name."""
    lines = rules.replace("\r\n", "\n").replace("\r", "\n").rstrip().split("\n")
    lines = [line.rstrip() for line in lines] if rules.strip() else []
    named = {line.split(":", 1)[1].strip() for line in lines if line.lower().startswith("sitemap:")}
    missing = [f"Sitemap: {url}" for url in sitemap_urls if url not in named]
    if lines and missing:
        lines.append("")
    return "\n".join(lines + missing) + "\n"


@require_safe
def robots_txt(request):
    urls = [request.build_absolute_uri(reverse(name)) for name in ("sitemap-index", "sitemap-news")]
    text = compose_robots_txt(robots_txt_rules(Site.find_for_request(request)), urls)
    return HttpResponse(text, content_type="text/plain; charset=utf-8")
