"""The XSS corpus: every payload into every field an attacker-ish user can reach.

Shared by the server-side test (``test_xss_server_side.py``) and the Chromium test
(``tests/browser/test_xss_corpus.py``). Everything is written the way the newsroom
writes it: the Django test client posting the admin's own forms (a Penulis for
articles and photos, an Editor for contributors, a Redaktur for kanal, notices, ad
slots, corrections, the import and takedowns) and the public hak jawab form and
search. Publishing a draft is the one step done in Python (the scheduler's path):
it copies the revision and writes nothing of its own.

``unsafe_markup`` is the server-side judge: it parses a response as a browser would
(html5lib, the HTML5 parsing algorithm, foreign SVG/MathML content included) and
lists every place where a payload became markup that could run.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import html5lib
import lxml.html
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.text import slugify
from PIL import Image as PILImage
from taggit.utils import edit_string_for_tags, parse_tags
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from warta.articles.models import ArticlePage
from warta.images.models import WartaImage
from warta.notices.models import Notice
from warta.people.models import Person
from warta.replies.models import NAME_MAX, TEXT_MAX
from warta.sections.models import SectionPage
from warta.testing.factories import home_page, make_article
from warta.users.roles import EDITOR, PENULIS, REDAKTUR
from warta.users.services import assign_role

PAYLOAD_FILE = Path(__file__).with_name("xss_payloads.txt")
MARKER = "xss"
# What the template-injection payloads would print if a template engine ran them.
EVALUATED = ("50337", "45855", "27519", "27522")
_EVALUATED = re.compile(r"(?<![\w.])(?:" + "|".join(EVALUATED) + r")(?![\w])")
PASSWORD = "sandi-uji-123"
_addresses = itertools.count(1)


def load_payloads() -> list[str]:
    lines = PAYLOAD_FILE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("# ")]


PAYLOADS = load_payloads()


@dataclass
class Corpus:
    """What was written, so the reader and admin pages showing it can be listed."""

    users: dict
    sections: list = field(default_factory=list)
    people: list = field(default_factory=list)
    images: list = field(default_factory=list)
    articles: list = field(default_factory=list)
    imported: ArticlePage | None = None
    takedown_path: str = ""
    refused: list = field(default_factory=list)  # (what, payload index): forms that said no
    responses: list = field(default_factory=list)  # (label, response) of form posts

    def client(self, role: str) -> Client:
        client = Client(raise_request_exception=False)
        client.force_login(self.users[role])
        return client


# Writing --------------------------------------------------------------------------


def anonymous() -> Client:
    """A reader's client: a server error is an answer to judge, not an exception."""
    return Client(raise_request_exception=False)


def make_newsroom() -> Corpus:
    users = {}
    for username, role in (("penulis", PENULIS), ("editor", EDITOR), ("redaktur", REDAKTUR)):
        user = get_user_model().objects.create_user(
            f"xss_{username}", f"{username}@redaksi.example", PASSWORD
        )
        assign_role(user, role)
        users[username] = user
    return Corpus(users=users)


def _fit(payload: str, limit: int) -> str:
    return payload[:limit]


def _post(corpus: Corpus, client: Client, what: str, index: int, url: str, data, **extra):
    response = client.post(url, data, **extra)
    corpus.responses.append((f"{what} #{index}", response))
    if response.status_code != 302:
        corpus.refused.append((what, index))
    return response


def _jpeg(color) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (96, 64), color).save(buffer, format="JPEG")
    return buffer.getvalue()


def write_section(corpus: Corpus, client: Client, index: int, payload: str) -> SectionPage:
    slug = f"kanal-xss-{index}"
    form = {
        "title": _fit(payload, 255),
        "slug": slug,
        "intro": _fit(payload, 300),
        "nav_order": str(index),
        "seo_title": _fit(payload, 255),
        "search_description": payload,
        "go_live_at": "",
        "expire_at": "",
        "action-publish": "1",
    }
    _post(
        corpus,
        client,
        "kanal",
        index,
        f"/admin/pages/add/sections/sectionpage/{home_page().pk}/",
        form,
    )
    return SectionPage.objects.get(slug=slug)


def write_person(corpus: Corpus, client: Client, index: int, payload: str) -> Person:
    slug = f"xss-{index}"
    form = {"name": _fit(payload, 120), "slug": slug, "role": "reporter", "bio": payload}
    form |= {"photo": "", "user": ""}
    _post(corpus, client, "kontributor", index, "/admin/snippets/people/person/add/", form)
    return Person.objects.get(slug=slug)


def write_image(corpus: Corpus, client: Client, index: int, payload: str) -> WartaImage:
    upload = SimpleUploadedFile(f"xss-{index}.jpg", _jpeg((index * 5 % 255, 90, 160)), "image/jpeg")
    form = {
        "title": _fit(payload, 255),
        "file": upload,
        "caption": _fit(payload, 500),
        "credit": _fit(payload, 255),
        "alt_text": _fit(payload, 255),
        "collection": str(Collection.get_first_root_node().pk),
        "tags": "",
    }
    before = set(WartaImage.objects.values_list("pk", flat=True))
    _post(corpus, client, "gambar", index, "/admin/images/add/", form)
    return WartaImage.objects.exclude(pk__in=before).get()


def typed_paragraph(payload: str) -> str:
    """Draftail's content state for a paragraph typed by hand: the payload as text,
    linked to the payload as URL (what the link dialog would send)."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "xss01",
                    "type": "unstyled",
                    "depth": 0,
                    "text": payload,
                    "inlineStyleRanges": [{"offset": 0, "length": len(payload), "style": "BOLD"}],
                    "entityRanges": [{"offset": 0, "length": len(payload), "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": payload}}},
        }
    )


def body_blocks(payload: str, image: WartaImage, read_also: ArticlePage | None) -> list:
    blocks = [("paragraph", typed_paragraph(payload))]
    # Pasted as HTML: Draftail's own HTML import, which gives up on broken markup.
    with contextlib.suppress(AssertionError):
        blocks.append(("paragraph", rich_text(f"<p>{payload}</p>")))
    blocks += [
        ("heading", {"text": _fit(payload, 200)}),
        ("quote", {"quote": payload, "attribution": payload}),
        ("image", {"image": str(image.pk), "caption": payload, "credit": payload}),
    ]
    if read_also is not None:
        blocks.append(("read_also", {"article": str(read_also.pk), "label": _fit(payload, 40)}))
    return blocks


def tags_with_letters(payload: str) -> str:
    """The payload as tags, less the pieces of punctuation only: the article form
    refuses those (they would get no /tag/<slug>/ address), see
    test_a_tag_of_punctuation_only_is_refused."""
    kept = [tag for tag in parse_tags(payload) if slugify(tag, allow_unicode=True)]
    return edit_string_for_tags([SimpleNamespace(name=tag) for tag in kept])


def article_form(slug, payload, people, image, blocks, **overrides) -> dict:
    data = {
        "title": _fit(payload, 255),
        "slug": slug,
        "summary": _fit(payload, 400),
        "lead_image": str(image.pk),
        "lead_image_caption": _fit(payload, 500),
        "lead_image_credit": _fit(payload, 255),
        "dateline_override": _fit(payload, 60),
        "body": streamfield(blocks),
        "authors": inline_formset(
            [{"person": str(person.pk), "role": "penulis"} for person in people], min=1
        ),
        "is_republished": "on",
        "source_name": _fit(payload, 120),
        "source_url": "https://sumber.example/berita",
        "tags": tags_with_letters(payload),
        "seo_title": _fit(payload, 255),
        "search_description": payload,
        "published_at": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def write_article(corpus, client, index, payload, section, people, image, blocks):
    slug = f"berita-xss-{index}"
    form = article_form(slug, payload, people, image, blocks)
    url = f"/admin/pages/add/articles/articlepage/{section.pk}/"
    _post(corpus, client, "berita", index, url, form)
    article = ArticlePage.objects.filter(slug=slug).first()
    if article is None:  # refused as a whole: keep the payload out of the headline only
        form = article_form(slug, payload, people, image, blocks, title=f"Berita uji {index}")
        _post(corpus, client, "berita (judul aman)", index, url, form)
        article = ArticlePage.objects.get(slug=slug)
    article.get_latest_revision().publish()
    article.refresh_from_db()
    return article


def write_correction(corpus, client, index, payload, article) -> None:
    _post(corpus, client, "ralat", index, f"/admin/berita/{article.pk}/ralat/", {"text": payload})


def write_notice_and_ad(corpus: Corpus, index: int, payload: str, image: WartaImage) -> None:
    """A new notice and header ad carrying ``payload``; the newest is the one shown."""
    client = corpus.client("redaktur")
    notice = {
        "title": _fit(payload, 60),
        "text": _fit(payload, 280),
        "link_url": payload,  # refused unless it is a web address
        "link_text": _fit(payload, 60),
        "starts_at": "",
        "ends_at": "",
        "is_active": "on",
    }
    url = "/admin/snippets/notices/notice/add/"
    if _post(corpus, client, "pemberitahuan", index, url, notice).status_code != 302:
        _post(corpus, client, "pemberitahuan", index, url, notice | {"link_url": ""})
    ad = {
        "name": _fit(payload, 100),
        "position": "header_top",
        "size": "970x250",
        "label": _fit(payload, 30),
        "creative": str(image.pk),
        "link_url": payload,
        "advertiser": _fit(payload, 120),
        "is_active": "on",
        "sort_order": "0",
    }
    url = "/admin/snippets/advertising/adslot/add/"
    if _post(corpus, client, "iklan", index, url, ad).status_code != 302:
        _post(corpus, client, "iklan", index, url, ad | {"link_url": ""})
    # Only the newest ad per position is shown: retire the older ones.
    from warta.advertising.models import AdSlot

    newest = AdSlot.objects.order_by("-pk").first()
    AdSlot.objects.exclude(pk=newest.pk).update(is_active=False)
    assert Notice.objects.order_by("-pk").first().is_active


def write_replies(corpus: Corpus, index: int, payload: str, article: ArticlePage) -> None:
    """The public hak jawab form, once with the payload as contact too (refused, so the
    form comes back with the payload in it) and once with a real contact."""
    client = anonymous()
    text = _fit(f"{payload} Isi hak jawab pembaca yang cukup panjang.", TEXT_MAX)
    for contact in (payload, f"pembaca{index}@contoh.example"):
        address = next(_addresses)
        data = {"name": _fit(payload, NAME_MAX), "contact": contact, "text": text, "website": ""}
        response = client.post(
            f"/hak-jawab/{article.pk}/",
            data,
            REMOTE_ADDR=f"10.9.{address // 250}.{address % 250 + 1}",
            HTTP_USER_AGENT="Mozilla/5.0 (pembaca)",
        )
        corpus.responses.append((f"hak jawab #{index}", response))


IMPORT_TEMPLATE = """{headline}

Kamis, 3 Agustus 2023 | 09:45 WITA

Warta Nusantara - {first}

{paragraphs}

Oleh: {author}
Sumber Berita: {source}
"""


def write_import(corpus: Corpus, section: SectionPage) -> ArticlePage:
    text = IMPORT_TEMPLATE.format(
        headline=PAYLOADS[0],
        first=PAYLOADS[6],
        paragraphs="\n\n".join(PAYLOADS),
        author=PAYLOADS[8][:60],
        source=PAYLOADS[17][:60],
    )
    before = set(ArticlePage.objects.values_list("pk", flat=True))
    client = corpus.client("redaktur")
    _post(
        corpus, client, "impor teks", 0, "/admin/impor-teks/", {"text": text, "section": section.pk}
    )
    article = ArticlePage.objects.exclude(pk__in=before).get()
    article.get_latest_revision().publish()
    article.refresh_from_db()
    return article


def write_takedown(corpus: Corpus, article: ArticlePage, payload: str) -> str:
    path = article.url
    client = corpus.client("redaktur")
    form = {"takedown": "1", "reason": "lainnya", "text": payload}
    _post(corpus, client, "pencabutan", 0, f"/admin/pages/{article.pk}/unpublish/", form)
    article.refresh_from_db()
    assert not article.live, "the takedown did not happen"
    return path


def pack(payloads: list[str], limit: int) -> list[tuple[str, list[str]]]:
    """Payloads joined by spaces into as few values of ``limit`` characters as fit:
    every payload whole in some value, so that a 255-character headline carries five."""
    groups: list[tuple[str, list[str]]] = []
    for payload in payloads:
        if groups and len(groups[-1][0]) + 1 + len(payload) <= limit:
            text, members = groups[-1]
            groups[-1] = (f"{text} {payload}", [*members, payload])
        else:
            groups.append((payload[:limit], [payload]))
    return groups


def write_corpus(payloads=None) -> Corpus:
    """Every payload into every field, packed: a headline, kanal name or caption holds
    as many whole payloads as fit, so nine articles carry the corpus. Body blocks,
    links, search queries, notices, ad slots and hak jawab get one payload each."""
    payloads = PAYLOADS if payloads is None else payloads
    corpus = make_newsroom()
    penulis, editor = corpus.client("penulis"), corpus.client("editor")
    redaktur = corpus.client("redaktur")
    for index, (text, _members) in enumerate(pack(payloads, 120)):
        corpus.people.append(write_person(corpus, editor, index, text))
    previous = None
    for index, (text, members) in enumerate(pack(payloads, 255)):
        section = write_section(corpus, redaktur, index, text)
        image = write_image(corpus, penulis, index, text)
        blocks = [b for payload in members for b in body_blocks(payload, image, previous)]
        article = write_article(corpus, penulis, index, text, section, corpus.people, image, blocks)
        write_correction(corpus, redaktur, index, text, article)
        corpus.sections.append(section)
        corpus.images.append(image)
        corpus.articles.append(article)
        previous = article
    corpus.imported = write_import(corpus, corpus.sections[-1])
    for index, payload in enumerate(payloads):
        write_replies(corpus, index, payload, corpus.articles[0])
    # Pulled with a payload as the reason: the 410 notice at its old address shows it.
    pulled = make_article(title="Berita yang akan dicabut", section=corpus.sections[0])
    corpus.takedown_path = write_takedown(corpus, pulled, payloads[0])
    for cache in caches.all():  # rankings and menus computed before the last writes
        cache.clear()
    return corpus


# Where it shows -------------------------------------------------------------------


def reader_urls(corpus: Corpus, payloads=None) -> list[str]:
    from urllib.parse import quote

    payloads = PAYLOADS if payloads is None else payloads
    urls = ["/", "/indeks/", "/ralat/", corpus.imported.url]
    urls += [section.url for section in corpus.sections]
    urls += [article.url for article in corpus.articles]
    urls += [f"/penulis/{person.slug}/" for person in corpus.people]
    tags = {tag.slug for a in corpus.articles for tag in a.tags.all()}
    urls += [f"/tag/{quote(slug)}/" for slug in sorted(tags)[:15]]
    urls += [f"/cari/?q={quote(payload)}" for payload in payloads]
    urls += [f"/hak-jawab/{corpus.articles[0].pk}/", corpus.takedown_path]
    return urls


def feed_urls(corpus: Corpus) -> list[str]:
    urls = [f"/feed/{full}{fmt}/" for full in ("", "full/") for fmt in ("rss", "atom")]
    for section in corpus.sections:
        urls.append(f"/feed/full/kanal{section.url}rss/")
    for person in corpus.people[:5]:
        urls += [f"/feed/full/penulis/{person.slug}/atom/"]
    return urls


def sitemap_urls() -> list[str]:
    return ["/sitemap.xml", "/sitemap-news.xml", "/robots.txt"]


def admin_urls(corpus: Corpus) -> list[str]:
    urls = [
        "/admin/",
        "/admin/berita/",
        f"/admin/pages/{corpus.sections[0].pk}/",
        f"/admin/pages/{home_page().pk}/",
        f"/admin/pages/{corpus.imported.pk}/edit/",
        f"/admin/pages/{corpus.articles[0].pk}/history/",
        "/admin/hak-jawab/",
        "/admin/snippets/people/person/",
        "/admin/snippets/notices/notice/",
        "/admin/snippets/advertising/adslot/",
        "/admin/images/",
        f"/admin/images/{corpus.images[0].pk}/",
        f"/admin/berita/{corpus.articles[0].pk}/ralat/",
    ]
    urls += [f"/admin/pages/{article.pk}/edit/" for article in corpus.articles]
    from warta.replies.models import Reply

    urls += [
        f"/admin/hak-jawab/edit/{pk}/" for pk in Reply.objects.values_list("pk", flat=True)[:5]
    ]
    return urls


# Judging --------------------------------------------------------------------------

EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background"}
URL_ATTRIBUTES |= {"xlink:href", "srcdoc", "ping", "lowsrc", "dynsrc", "codebase"}
DANGEROUS_TAGS = {"iframe", "frame", "object", "embed", "base", "applet", "set", "animate"}
_STRIP_FROM_URL = re.compile(r"[\x00-\x20\x7f]+")


def _local(name: str) -> str:
    if name.startswith("{"):
        namespace, local = name[1:].split("}", 1)
        return f"xlink:{local}" if namespace.endswith("/xlink") else local
    return name


# html5lib is the HTML5 parsing algorithm, as browsers run it, but pure Python (about
# 3 s a megabyte): the admin's big edit forms go through libxml2 instead.
HTML5LIB_LIMIT = 150_000


def _parse(html: str):
    if len(html) <= HTML5LIB_LIMIT:
        return html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    return lxml.html.document_fromstring(html)


def unsafe_markup(html: str, where: str = "") -> list[str]:
    """Each place in ``html`` where a payload became live markup, as a short text."""
    found = []
    if _EVALUATED.search(html):
        found.append(f"{where}: a template ran ({_EVALUATED.search(html).group()})")
    for element in _parse(html).iter():
        if not isinstance(element.tag, str):
            continue  # comments
        tag = _local(element.tag).lower()
        attrs = {_local(k).lower(): v for k, v in element.attrib.items()}
        text = "".join(element.itertext()) if tag in {"script", "style"} else ""
        if tag == "script":
            kind = attrs.get("type", "").strip().lower()
            if kind in EXECUTABLE_SCRIPT_TYPES and (
                MARKER in text or MARKER in attrs.get("src", "")
            ):
                found.append(f"{where}: <script> from a payload: {text[:80]!r}")
            if kind == "application/ld+json":
                try:
                    json.loads(text)
                except ValueError:
                    found.append(f"{where}: JSON-LD broken open: {text[:80]!r}")
        if tag == "style" and MARKER in text:
            found.append(f"{where}: <style> from a payload: {text[:80]!r}")
        for name, value in attrs.items():
            if MARKER not in value:
                continue
            if name.startswith("on") or name == "style":
                found.append(f"{where}: <{tag} {name}={value[:60]!r}>")
            elif name in URL_ATTRIBUTES:
                url = _STRIP_FROM_URL.sub("", value).lower()
                if name == "srcdoc" or url.startswith(("javascript:", "vbscript:", "data:")):
                    found.append(f"{where}: <{tag} {name}={value[:60]!r}>")
            elif tag in DANGEROUS_TAGS or (tag == "meta" and "http-equiv" in attrs):
                found.append(f"{where}: <{tag} {name}={value[:60]!r}>")
    return found


def judge(response, where: str) -> list[str]:
    """Findings in one response, HTML or XML; a server error is a finding too."""
    if response.status_code >= 500:
        return [f"{where}: server error {response.status_code}"]
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    body, kind = raw.decode("utf-8"), response.get("Content-Type", "")
    if "html" in kind:
        return unsafe_markup(body, where)
    if "xml" in kind:
        return unsafe_xml(body, where)
    return [f"{where}: a template ran"] if _EVALUATED.search(body) else []


FEED_HTML_ELEMENTS = {"description", "encoded", "content", "summary"}


def unsafe_xml(xml: str, where: str = "") -> list[str]:
    """Feeds and sitemaps: well-formed, no markup elements of their own from a payload,
    and the HTML a feed reader renders (descriptions, content) judged as HTML."""
    found = []
    if _EVALUATED.search(xml):
        found.append(f"{where}: a template ran ({_EVALUATED.search(xml).group()})")
    try:
        root = ElementTree.fromstring(xml.encode("utf-8"))  # noqa: S314 (our own output)
    except ElementTree.ParseError as exc:
        return [*found, f"{where}: not well-formed XML: {exc}"]
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag in {"script", "style", "iframe", "svg", "math", "img", "a"}:
            found.append(f"{where}: XML element <{tag}> from a payload")
        for name, value in element.attrib.items():
            if MARKER in value and _local(name).lower() in URL_ATTRIBUTES:
                url = _STRIP_FROM_URL.sub("", value).lower()
                if url.startswith(("javascript:", "vbscript:", "data:")):
                    found.append(f"{where}: <{tag} {name}={value[:60]!r}>")
    for html in feed_html(root):
        if MARKER in html:
            found += unsafe_markup(html, f"{where} item")
    return found


def feed_html(root) -> list[str]:
    """The HTML of every item's description and content, as a feed reader renders it
    (the channel's own description and the Atom subtitle are plain text)."""
    items = [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("item", "entry")]
    return [
        element.text
        for item in items
        for element in item
        if element.tag.rsplit("}", 1)[-1].lower() in FEED_HTML_ELEMENTS and element.text
    ]
