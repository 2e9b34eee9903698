"""The XSS corpus in Chromium: no payload runs on a reader page, in the admin or in a feed.

``warta/security/tests/xss_corpus.py`` writes every payload of ``xss_payloads.txt``
into every field through the admin's and the public forms (the server-side judge of
the same corpus is ``warta/security/tests/test_xss_server_side.py``). Here Chromium
loads the pages that show them, and each page is watched for what a payload that
ran would do: set ``window.__xss``, open a dialog (alert/confirm/prompt), throw, log
an error, trip the Content-Security-Policy (a ``securitypolicyviolation`` event,
recorded by an init script) or fetch an address of its own. The HTML of every feed
item is loaded too, with no CSP, as a feed reader would show it.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings

from warta.security.tests import xss_corpus
from warta.security.tests.xss_corpus import PAYLOADS

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback: the next transactional test starts from the migrated rows.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DEADLINE = 15  # seconds, for one page to load

WATCH = """
window.__xssSeen = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__xssSeen.push(`CSP ${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
});
"""


class Watcher:
    """One browser context and page, with everything a running payload would leave."""

    def __init__(self, browser, live_server, cookies=()):
        self.base = live_server.url
        self.context = browser.new_context(locale="id-ID")
        self.context.add_init_script(WATCH)
        if cookies:
            self.context.add_cookies(list(cookies))
        self.findings: list[str] = []
        self.where = ""
        # Only the live server: anything else (a payload's script address) is refused.
        self.context.route(lambda url: not url.startswith(self.base), self._refuse)
        self.page = self.context.new_page()
        self.page.set_default_timeout(DEADLINE * 1000)
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self._found(f"exception: {error}"))
        self.page.on("console", self._console)
        self.page.on("request", self._request)

    def _found(self, what: str):
        self.findings.append(f"{self.where}: {what}")

    def _refuse(self, route):
        route.abort()  # avatars from gravatar.com, feed images on the site's public address

    def _dialog(self, dialog):
        self._found(f"{dialog.type} dialog: {dialog.message!r}")
        dialog.dismiss()

    def _console(self, message):
        # A failed load (the 410 notice itself, a refused avatar) is not a script's error.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self._found(f"console error: {message.text}")

    def _request(self, request):
        # What the payloads would fetch: <SCRIPT SRC=//127.0.0.1:9/__xss.js>, <img src=x>.
        if request.is_navigation_request():
            return
        path = urlsplit(request.url).path
        if "__xss.js" in request.url or path.rsplit("/", 1)[-1] == "x":
            self._found(f"request made by a payload: {request.url}")

    def _check(self):
        ran = self.page.evaluate("() => [window.__xss, ...(window.__xssSeen || [])]")
        if ran[0] is not None:
            self._found(f"window.__xss = {ran[0]!r}")
        for seen in ran[1:]:
            self._found(seen)

    def visit(self, path: str):
        self.where = path
        response = self.page.goto(self.base + path, wait_until="load")
        if response is None or response.status >= 500:
            self._found(f"server error {response and response.status}")
        self._check()

    def show(self, label: str, html: str):
        """``html`` as a page of its own, with no CSP: how a feed reader shows an item."""
        self.where = label
        self.page.goto("about:blank")  # no CSP carried over from the site's pages
        self.page.set_content(f"<!doctype html><html><body>{html}</body></html>")
        self.page.wait_for_timeout(50)  # let autofocus, onload and animations fire
        self._check()

    def close(self):
        self.context.route("**/*", lambda route: route.abort())
        self.context.close()


@pytest.fixture
def corpus(live_server):
    return xss_corpus.write_corpus()


def _session_cookie(corpus, role: str, base: str) -> dict:
    client = corpus.client(role)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": base,
    }


@pytest.mark.sqlite_pass
def test_no_payload_runs_in_chromium(browser, live_server, corpus):
    reader = Watcher(browser, live_server)
    paths = ["/", "/indeks/", "/ralat/", corpus.imported.url, corpus.takedown_path]
    paths += [section.url for section in corpus.sections]
    paths += [article.url for article in corpus.articles]
    paths += [f"/penulis/{person.slug}/" for person in corpus.people[:3]]
    tags = sorted({tag.slug for a in corpus.articles[:2] for tag in a.tags.all()})[:3]
    paths += [f"/tag/{quote(slug)}/" for slug in tags]
    paths += [f"/hak-jawab/{corpus.articles[0].pk}/"]
    paths += [f"/cari/?q={quote(payload)}" for payload in PAYLOADS]
    for path in paths:
        reader.visit(path)

    # The notice bar and the header ad, one packed group of payloads at a time.
    for index, (text, _members) in enumerate(xss_corpus.pack(PAYLOADS, 280)):
        xss_corpus.write_notice_and_ad(corpus, index, text, corpus.images[0])
        reader.visit(f"/ralat/?n={index}")

    # Every feed item's HTML, as a feed reader without a CSP would render it.
    client = xss_corpus.anonymous()
    feeds = [f"/feed/full/{fmt}/" for fmt in ("rss", "atom")]
    feeds += [f"/feed/full/kanal{section.url}rss/" for section in corpus.sections]
    for feed in feeds:
        root = xss_corpus.ElementTree.fromstring(client.get(feed).content)  # noqa: S314
        for number, html in enumerate(xss_corpus.feed_html(root)):
            reader.show(f"{feed} item {number}", html)
    reader.close()

    admin = Watcher(browser, live_server, [_session_cookie(corpus, "redaktur", live_server.url)])
    admin_paths = [
        "/admin/berita/",
        f"/admin/pages/{corpus.sections[0].pk}/",
        f"/admin/pages/{corpus.articles[0].pk}/edit/",
        f"/admin/pages/{corpus.articles[-1].pk}/edit/",
        f"/admin/pages/{corpus.imported.pk}/edit/",
        "/admin/hak-jawab/",
        "/admin/snippets/people/person/",
        "/admin/images/",
    ]
    for path in admin_paths:
        admin.visit(path)
    admin.close()

    findings = reader.findings + admin.findings
    assert not findings, "\n".join(findings)
    assert len(paths) > 60


def test_the_watcher_sees_a_payload_that_runs(browser, live_server):
    """The listeners catch what they are for: a marker, a dialog, a CSP violation."""
    watcher = Watcher(browser, live_server)
    watcher.show("bare", "<img src=x onerror=\"window.__xss=1; alert('__xss')\">")
    watcher.visit("/ralat/")  # under the site's CSP: an injected handler is blocked
    watcher.page.evaluate("document.body.innerHTML += '<img src=x onerror=\"window.__xss=2\">'")
    watcher.page.wait_for_timeout(200)
    watcher._check()
    watcher.close()
    findings = "\n".join(watcher.findings)
    assert "bare: window.__xss = 1" in findings
    assert "alert dialog" in findings
    assert "request made by a payload" in findings
    assert "/ralat/: CSP script-src" in findings, findings
    assert "window.__xss = 2" not in findings
