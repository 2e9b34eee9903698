"""``warta demo`` and the sample content it loads."""

from __future__ import annotations

import random
import re
from datetime import timedelta
from html import unescape
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Sum
from django.utils import timezone
from django.utils.html import strip_tags
from taggit.models import Tag
from wagtail.models import Revision, Site

from warta.advertising.models import AdSlot
from warta.analytics.models import ArticleReads
from warta.analytics.queries import (
    POPULAR_DAYS,
    most_read_now,
    popular_tags_now,
    reading_report,
    window_start,
)
from warta.articles.models import ArticlePage, WireAgency
from warta.demo import content
from warta.demo.services import (
    SiteNotEmpty,
    indonesian_day,
    load_demo_content,
    placeholders,
    story_context,
)
from warta.images.models import WartaImage, WartaRendition
from warta.images.services import ALL_SPECS
from warta.masthead.models import SiteSettings
from warta.masthead.zones import IndonesianZone
from warta.notices.models import Notice
from warta.notices.queries import current_notice
from warta.people.models import Person
from warta.sections.models import SectionPage

REFERENCE = Path(__file__).resolve().parents[4] / "shared" / "reference" / "populer24-article.txt"


def _run_demo(*args) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def _article_text(article: ArticlePage) -> str:
    parts = [article.title, article.summary, article.lead_caption, article.lead_credit]
    for block in article.body:
        if block.block_type == "paragraph":
            parts.append(unescape(strip_tags(block.value.source)))
        elif block.block_type == "heading":
            parts.append(block.value["text"])
        elif block.block_type == "quote":
            parts += [block.value["quote"], block.value["attribution"]]
    return "\n".join(parts)


@pytest.mark.django_db
@pytest.mark.sqlite_pass  # the full demo (renditions of every photo) is `make run`'s: SQLite
def test_demo_command_fills_an_empty_site_once():
    output = _run_demo()
    assert "Konten contoh selesai dimuat" in output

    site = Site.objects.get(is_default_site=True)
    masthead = SiteSettings.for_site(site)
    assert masthead.site_name == "Warta Nusantara"
    assert masthead.dateline == "Warta Nusantara"
    assert masthead.time_zone == "WIB"
    assert masthead.logo_text and masthead.tagline

    sections = SectionPage.objects.live()
    top_level = sections.child_of(site.root_page)
    assert top_level.count() >= 6
    assert {"nasional", "internasional", "ekonomi", "olahraga", "teknologi", "gaya-hidup"} <= set(
        top_level.values_list("slug", flat=True)
    )
    assert sections.filter(slug="sepak-bola").exists()

    articles = list(ArticlePage.objects.live().select_related("lead_image"))
    assert len(articles) >= 40
    assert len({a.title for a in articles}) == len(articles)
    now = timezone.now()
    times = sorted(a.published_at for a in articles)
    assert times[-1] < now
    assert times[-1] > now - timedelta(hours=12)
    assert times[-1] - times[0] >= timedelta(days=29)
    assert len({timezone.localtime(t).hour for t in times}) >= 8
    for section in top_level:
        assert ArticlePage.objects.live().descendant_of(section).exists(), section.slug

    for article in articles:
        assert article.lead_image is not None, article.title
        assert "{" not in _article_text(article), article.title
        assert article.lead_image.width == 1600 and article.lead_image.height == 900
        assert article.lead_image.caption and article.lead_image.credit, article.title
        assert article.table_of_contents, article.title
        assert 4 <= sum(b.block_type == "paragraph" for b in article.body) <= 8
        assert 1 <= len(article.byline) <= 2, article.title
        assert 2 <= article.tags.count() <= 4, article.title
        assert article.first_published_at == article.published_at
        assert Revision.page_revisions.filter(object_id=str(article.pk)).exists()

    block_types = {b.block_type for a in articles for b in a.body}
    assert {"paragraph", "heading", "quote", "read_also", "image"} <= block_types
    assert any(a.last_updated for a in articles)
    assert any(a.source_name and a.source_url for a in articles)
    assert ArticlePage.objects.filter(wire_agencies__isnull=False).exists()

    assert Person.objects.count() == 8
    assert set(Person.objects.values_list("role", flat=True)) == {
        "penulis",
        "reporter",
        "editor",
        "fotografer",
    }
    assert not Person.objects.filter(photo__isnull=True).exists()
    assert Tag.objects.count() >= 25
    assert {"AFP", "Reuters", "Antara"} <= set(WireAgency.objects.values_list("name", flat=True))

    assert Notice.objects.count() == 2
    assert current_notice() is not None
    assert Notice.objects.filter(starts_at__gt=now).exists()

    slots = {slot.position: slot for slot in AdSlot.objects.filter(is_active=True)}
    assert {"header_top", "below_masthead", "sidebar", "in_article"} <= set(slots)
    assert slots["below_masthead"].size == "728x90"
    for slot in slots.values():
        assert (slot.creative.width, slot.creative.height) == (slot.width, slot.height)

    today = timezone.localdate()
    read_days = {
        timezone.localdate(hour) for hour in ArticleReads.objects.values_list("hour", flat=True)
    }
    assert today in read_days
    assert len(read_days) == 14
    assert not ArticleReads.objects.filter(hour__gt=timezone.now()).exists()
    _demo_terpopuler_matches_the_admin_and_the_history()

    for image in WartaImage.objects.all():
        made = set(WartaRendition.objects.filter(image=image).values_list("filter_spec", flat=True))
        assert made == set(ALL_SPECS), image.title

    # Filled: --if-empty does nothing, and a plain run refuses.
    counts = (ArticlePage.objects.count(), WartaImage.objects.count(), Notice.objects.count())
    assert "tidak dimuat" in _run_demo("--if-empty")
    with pytest.raises(CommandError):
        _run_demo()
    assert counts == (
        ArticlePage.objects.count(),
        WartaImage.objects.count(),
        Notice.objects.count(),
    )


@pytest.mark.django_db
def test_small_demo_for_tests_keeps_the_shape():
    summary = load_demo_content(articles=6, days=4)
    assert summary.articles == ArticlePage.objects.live().count() == 6
    times = sorted(ArticlePage.objects.values_list("published_at", flat=True))
    assert timedelta(days=3) <= times[-1] - times[0] <= timedelta(days=4)
    _demo_terpopuler_matches_the_admin_and_the_history()
    with pytest.raises(SiteNotEmpty):
        load_demo_content(articles=1, days=1)


def _demo_terpopuler_matches_the_admin_and_the_history():
    """The demo's past reads reach Terpopuler and Tag Terpopuler, ranked as the
    admin's "Statistik baca" ranks them, and as the hourly history sums up."""
    start = window_start(POPULAR_DAYS)
    history = (
        ArticleReads.objects.filter(hour__gte=start)
        .values("article_id")
        .annotate(total=Sum("reads"))
        .order_by("-total", "-article_id")
    )
    expected = [(row["article_id"], row["total"]) for row in history][:5]
    public = [(a.pk, a.reads) for a in most_read_now()]
    assert len(public) == 5 and public == expected
    report = reading_report(POPULAR_DAYS)
    assert [(a["id"], a["reads"]) for a in report.articles][:5] == public
    tags = popular_tags_now()
    assert tags and all(t.by_reads for t in tags)
    assert [(t["name"], t["reads"]) for t in report.tags] == [(t.name, t.score) for t in tags]


def _all_demo_text() -> str:
    """Every text the demo can produce: each story rendered a few ways, and the rest."""
    rng, moment = random.Random(7), timezone.now()
    texts = [p.bio for p in content.PEOPLE] + [n["text"] for n in content.NOTICES]
    for story in content.STORIES:
        for _ in range(4):
            context = story_context(story, rng, moment, IndonesianZone.WIB)
            raw = [*story.headlines, story.summary, story.caption, *story.body, *story.quote]
            raw += list(story.photo or ())
            texts += [text.format_map(context) for text in raw]
    return " ".join(" ".join(texts).lower().split())


def test_demo_text_shares_no_sentence_with_the_reference_page():
    if not REFERENCE.exists():
        pytest.skip(f"reference page not found at {REFERENCE}")
    reference = REFERENCE.read_text(encoding="utf-8")
    sentences = {
        " ".join(s.lower().split())
        for s in re.split(r"(?<=[.!?])\s+|\n+", reference)
        if len(s.split()) >= 5
    }
    assert sentences, "the reference page should have sentences to compare"
    demo_text = _all_demo_text()
    assert not [s for s in sentences if s in demo_text]


def test_every_story_fills_all_of_its_placeholders():
    rng, moment = random.Random(1), timezone.now()
    for story in content.STORIES:
        for _ in range(5):
            context = story_context(story, rng, moment, IndonesianZone.WIB)
            assert placeholders(story) <= set(context), story.key
            for pattern in story.headlines:
                assert "{" not in pattern.format_map(context)
        assert len(story.headlines) >= 2
        assert len(story.tags) >= 2
        headings = [line for line in story.body if line.startswith("## ")]
        assert 1 <= len(headings) <= 3, story.key
        assert 4 <= len(story.body) - len(headings) <= 8, story.key
    assert len({t for s in content.STORIES for t in s.tags if "{" not in t}) >= 25


def test_indonesian_day_is_day_name_and_numeric_date():
    from datetime import date

    assert indonesian_day(date(2026, 11, 2)) == "Senin (2/11/2026)"
    assert indonesian_day(date(2026, 1, 4)) == "Minggu (4/1/2026)"
