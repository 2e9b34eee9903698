"""The XSS corpus against every page that shows it, judged on the server's output.

Every payload of ``xss_payloads.txt`` is written into every field through the admin's
and the public forms (``xss_corpus.write_corpus``); then every reader page, feed,
sitemap and admin page that shows them is parsed as a browser parses it, and no
payload may have become a script, an event handler, a ``javascript:`` link, a style,
a frame or a broken-open JSON-LD block. The same corpus runs in Chromium in
``tests/browser/test_xss_corpus.py``. One test, because writing the corpus through
the admin is the slow part.
"""

from __future__ import annotations

import pytest

from warta.articles.models import ArticlePage
from warta.security.tests import xss_corpus
from warta.security.tests.xss_corpus import PAYLOADS, judge
from warta.testing.factories import make_article

pytestmark = pytest.mark.django_db


def _stored_everywhere(corpus) -> list[str]:
    """The payloads are stored, not refused: otherwise the rest proves nothing."""
    headlines = " ".join(article.title for article in corpus.articles)
    names = " ".join(person.name for person in corpus.people)
    captions = " ".join(image.caption for image in corpus.images)
    kanal = " ".join(section.title for section in corpus.sections)
    missing = []
    for index, payload in enumerate(PAYLOADS):
        for what, stored in (
            ("headline", headlines),
            ("contributor", names),
            ("caption", captions),
            ("kanal", kanal),
        ):
            if payload not in stored:
                missing.append(f"payload #{index} not stored as {what}")
    refused = [i for what, i in corpus.refused if what in ("berita", "kanal", "kontributor")]
    return missing + [f"form refused: {refused}"] * bool(refused)


@pytest.mark.sqlite_pass
def test_no_payload_runs_on_any_page_feed_or_admin_view():
    assert len(PAYLOADS) >= 40
    corpus = xss_corpus.write_corpus()
    reader = xss_corpus.anonymous()
    redaktur = corpus.client("redaktur")
    found = {"stored": _stored_everywhere(corpus)}

    found["reader"], statuses = [], {}
    for url in xss_corpus.reader_urls(corpus):
        response = reader.get(url)
        statuses[url] = response.status_code
        found["reader"] += judge(response, url)
        if "html" in response.get("Content-Type", ""):
            policy = response.get("Content-Security-Policy", "")
            if "script-src 'self'" not in policy or "unsafe-inline" in policy:
                found["reader"].append(f"{url}: CSP {policy!r}")
    found["status"] = [f"{url}: {s}" for url, s in statuses.items() if s not in (200, 410)]
    if statuses[corpus.takedown_path] != 410:
        found["status"].append(f"takedown notice {corpus.takedown_path}: not a 410")

    found["feeds"] = []
    for url in [*xss_corpus.feed_urls(corpus), *xss_corpus.sitemap_urls()]:
        found["feeds"] += judge(reader.get(url), url)

    found["admin"] = []
    for url in xss_corpus.admin_urls(corpus):
        response = redaktur.get(url)
        if response.status_code != 200:
            found["admin"].append(f"{url}: {response.status_code}")
        found["admin"] += judge(response, url)

    # Refused forms (public hak jawab, admin forms) echo what was typed back.
    found["echo"] = [
        finding
        for label, response in corpus.responses
        if response.status_code != 302
        for finding in judge(response, label)
    ]

    found["notice and ads"] = []
    for index, payload in enumerate(PAYLOADS):
        xss_corpus.write_notice_and_ad(corpus, index, payload, corpus.images[0])
        found["notice and ads"] += judge(reader.get("/ralat/"), f"notice #{index}")
    refused_links = {i for what, i in corpus.refused if what in ("pemberitahuan", "iklan")}
    javascript_links = {i for i, p in enumerate(PAYLOADS) if p.lower().startswith("javascript:")}
    if not javascript_links <= refused_links:
        found["notice and ads"].append("a javascript: address was accepted as a link")

    failures = [f"{area}: {item}" for area, items in found.items() for item in items]
    assert not failures, "\n".join(failures)


def test_json_ld_keeps_a_closing_script_tag_as_data():
    breaker = next(p for p in PAYLOADS if p.startswith("</script>"))
    article = make_article(title=breaker, summary=breaker)
    page = xss_corpus.anonymous().get(article.url).content.decode()
    assert "</script><script>window.__xss=1" not in page
    assert "\\u003C/script\\u003E" in page or "\\u003c/script\\u003e" in page


def test_a_tag_of_punctuation_only_is_refused():
    """A Penulis who tags an article ">" or "{" (taggit gives the tag an empty slug)
    gets an Indonesian form error, never a 500 on every page linking the tag."""
    corpus = xss_corpus.make_newsroom()
    section = xss_corpus.write_section(corpus, corpus.client("redaktur"), 0, "Nasional")
    person = xss_corpus.write_person(corpus, corpus.client("editor"), 0, "Budi")
    image = xss_corpus.write_image(corpus, corpus.client("penulis"), 0, "Foto")
    blocks = xss_corpus.body_blocks("Isi berita.", image, None)
    form = xss_corpus.article_form("tanda-baca", "Tag tanda baca", [person], image, blocks)
    form["tags"] = "> {"
    url = f"/admin/pages/add/articles/articlepage/{section.pk}/"
    response = corpus.client("penulis").post(url, form)
    assert response.status_code == 200
    assert "tidak berisi huruf atau angka" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="tanda-baca").exists()


RAN = [
    "<p><script>window.__xss=1</script></p>",
    '<img src=x onerror="window.__xss=1">',
    '<a href=" jav&#x09;ascript:window.__xss=1">x</a>',
    '<svg><a xlink:href="javascript:window.__xss=1">x</a></svg>',
    '<div style="width:expression(window.__xss=1)">x</div>',
    '<iframe srcdoc="&lt;script&gt;parent.__xss=1&lt;/script&gt;"></iframe>',
    '<script type="application/ld+json">{"a": "</script><script>window.__xss=1</script>',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
    "<p>50337 __xss</p>",
]
INERT = [
    "<p>&lt;script&gt;window.__xss=1&lt;/script&gt;</p>",
    '<input value="&quot; onmouseover=&quot;window.__xss=1">',
    '<a href="/tag/scriptwindow__xss1script/">tag</a>',
    '<script type="application/ld+json">{"a": "\\u003C/script\\u003E __xss"}</script>',
    '<meta property="og:title" content="<script>window.__xss=1</script>">',
]


@pytest.mark.parametrize("html", RAN)
def test_the_judge_sees_a_payload_that_ran(html):
    assert xss_corpus.unsafe_markup(f"<!doctype html><title>t</title>{html}")


@pytest.mark.parametrize("html", INERT)
def test_the_judge_lets_escaped_payloads_be(html):
    assert xss_corpus.unsafe_markup(f"<!doctype html><title>t</title>{html}") == []


def test_the_judge_reads_feed_items_as_html():
    item = "&lt;img src=x onerror=window.__xss=1&gt;"
    feed = f"<rss><channel><item><description>{item}</description></item></channel></rss>"
    assert xss_corpus.unsafe_xml(feed)
    escaped = item.replace("&", "&amp;")
    feed = f"<rss><channel><item><description>{escaped}</description></item></channel></rss>"
    assert xss_corpus.unsafe_xml(feed) == []
