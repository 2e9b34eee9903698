"""The article page's weight budget and its independence from JavaScript."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders

from warta.articles.tests.test_page_queries import _newsroom

pytestmark = pytest.mark.django_db

BUDGET_BYTES = 20 * 1024  # HTML + CSS + JS, gzipped, images aside


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def _assets(html: str, pattern: str) -> list[bytes]:
    found = []
    for url in re.findall(pattern, html):
        path = finders.find(url.removeprefix("/static/"))
        assert path, f"asset {url} is not a static file"
        with open(path, "rb") as handle:
            found.append(handle.read())
    return found


@pytest.fixture
def article_html(client):
    article = _newsroom(3)[0]
    response = client.get(article.url)
    assert response.status_code == 200
    return response.content.decode()


def test_article_page_fits_the_weight_budget(article_html):
    css = _assets(article_html, r'<link rel="stylesheet" href="([^"]+)"')
    js = _assets(article_html, r'<script[^>]* src="([^"]+)"')
    assert css and js
    total = _gz(article_html.encode()) + sum(_gz(a) for a in css + js)
    assert total <= BUDGET_BYTES, f"{total} bytes gzipped"


def test_no_render_blocking_or_inline_script(article_html):
    scripts = re.findall(r"<script\b[^>]*>", article_html)
    # JSON-LD is a data block: never executed, so neither blocking nor inline code.
    code = [tag for tag in scripts if 'type="application/ld+json"' not in tag]
    assert len(code) < len(scripts), "expected the article's JSON-LD"
    assert code, "expected the notice script"
    for tag in code:
        assert " src=" in tag, f"inline script: {tag}"
        assert " defer" in tag or " async" in tag or 'type="module"' in tag, tag
    assert "style=" not in article_html  # the strict CSP forbids inline styles


def test_reading_needs_no_script(article_html):
    """Everything but the notice's close button is plain HTML: the TOC is <details>,
    images are <img> with src, links are links."""
    assert '<details class="toc">' in article_html
    assert re.search(r'<img [^>]*src="[^"]+"', article_html)
    assert "onclick" not in article_html
    script = _assets(article_html, r'<script[^>]* src="([^"]+)"')[0].decode()
    assert "notice" in script and "fetch(" not in script
