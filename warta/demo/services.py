"""Filling an empty site with Warta's own Indonesian sample content.

Everything goes through the same paths an editor's work does (pages added under
their kanal, articles published with ``publish_article``), in one transaction, and
deterministically: the same seed gives the same stories, dated back from "now".
"""

from __future__ import annotations

import hashlib
import html
import io
import random
import string
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from taggit.models import Tag
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from warta.advertising.models import AdSlot
from warta.analytics.models import ArticleReads
from warta.analytics.services import rebuild_read_rollups
from warta.articles.models import ArticleAuthor, ArticlePage, WireAgency
from warta.articles.services import publish_article
from warta.demo import content, pictures
from warta.demo.content import Contributor, Story
from warta.images.models import WartaImage
from warta.images.services import prepare_renditions
from warta.masthead.models import SiteSettings
from warta.masthead.zones import DAY_NAMES, IndonesianZone
from warta.notices.models import Notice
from warta.people.models import Person
from warta.sections.models import SectionPage

DEFAULT_ARTICLES = 48
DEFAULT_DAYS = 30
DEFAULT_SEED = 2026
READS_DAYS = 14
# Share of a day's reads in each local hour (00-23): quiet at night, busy at the
# morning commute, lunch and evening.
READS_BY_HOUR = (
    1.0, 0.6, 0.4, 0.3, 0.4, 1.0, 2.5, 4.0, 5.0, 5.0, 4.5, 4.5,
    5.0, 4.5, 4.0, 3.8, 3.6, 3.8, 4.5, 5.5, 6.0, 5.0, 3.5, 2.0,
)  # fmt: skip

WRITING_ROLES = ("penulis", "reporter")
WIRE_FOR_WORLD = ("AFP", "Reuters", "Associated Press")
DOMESTIC_WIRE = "Antara"


class DemoError(Exception):
    """The demo content cannot be loaded into this site."""


class SiteNotEmpty(DemoError):
    """Raised when the demo would be mixed into a site that already has articles."""


class NoDefaultSite(DemoError):
    """Raised when there is no default Wagtail site (the database is not migrated)."""


@dataclass
class DemoSummary:
    sections: int = 0
    people: int = 0
    articles: int = 0
    updated_articles: int = 0
    tags: int = 0
    wire_agencies: int = 0
    notices: int = 0
    ad_slots: int = 0
    images: int = 0
    hourly_reads: int = 0
    oldest: datetime | None = None
    newest: datetime | None = None


def site_has_articles() -> bool:
    return ArticlePage.objects.exists()


def load_demo_content(
    *,
    articles: int = DEFAULT_ARTICLES,
    days: int = DEFAULT_DAYS,
    seed: int = DEFAULT_SEED,
    now: datetime | None = None,
) -> DemoSummary:
    """Create the demo site: masthead, kanal, people, articles, notices, ads, reads.

    ``articles`` are spread over the last ``days`` days, the newest a few hours old.
    Raises ``SiteNotEmpty`` when any article exists, so nothing is ever mixed in.
    """
    if articles < 1:
        raise ValueError("articles must be at least 1")
    if days < 1:
        raise ValueError("days must be at least 1")
    with transaction.atomic():
        if site_has_articles():
            raise SiteNotEmpty("the site already has articles")
        return _DemoLoader(random.Random(seed), now or timezone.now()).load(articles, days)


# --------------------------------------------------------------------------------------


@dataclass
class _Written:
    """An article the loader made, with what later steps need to know about it."""

    page: ArticlePage
    section: str
    popularity: float


@dataclass
class _DemoLoader:
    rng: random.Random
    now: datetime
    zone: IndonesianZone = IndonesianZone(content.SITE["time_zone"])
    summary: DemoSummary = field(default_factory=DemoSummary)
    image_ids: list[int] = field(default_factory=list)
    written: list[_Written] = field(default_factory=list)
    places_used: dict[str, set] = field(default_factory=dict)

    def load(self, articles: int, days: int) -> DemoSummary:
        self.site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if self.site is None:
            raise NoDefaultSite("there is no default Wagtail site to fill")
        self.home = self.site.root_page.specific
        self.write_masthead()
        self.sections = self.create_sections()
        self.people = self.create_people()
        self.agencies = self.create_wire_agencies()
        self.write_articles(articles, days)
        self.create_notices()
        self.create_ad_slots()
        self.record_reads()
        for image_id in self.image_ids:
            prepare_renditions(image_id)
        self.summary.images = len(self.image_ids)
        return self.summary

    # Masthead, kanal, people, agencies ------------------------------------------

    def write_masthead(self) -> None:
        settings = SiteSettings.for_site(self.site)
        for name, value in content.SITE.items():
            setattr(settings, name, value)
        settings.save()

    def create_sections(self) -> dict[str, SectionPage]:
        sections: dict[str, SectionPage] = {}
        for spec in content.SECTIONS:
            parent = sections[spec.parent] if spec.parent else self.home
            section = SectionPage.objects.child_of(parent).filter(slug=spec.slug).first()
            if section is None:
                section = SectionPage(
                    title=spec.title,
                    slug=spec.slug,
                    intro=spec.intro,
                    nav_order=spec.nav_order,
                    live=False,
                )
                parent.add_child(instance=section)
                section.save_revision().publish()
                section.refresh_from_db()
            sections[spec.slug] = section
        self.summary.sections = len(sections)
        return sections

    def create_people(self) -> list[tuple[Contributor, Person]]:
        people = []
        for spec in content.PEOPLE:
            slug = slugify(spec.name)
            person = Person.objects.filter(slug=slug).first()
            if person is None:
                words = spec.name.split()
                photo = self.make_image(
                    spec.name,
                    pictures.portrait(words[0][0] + words[-1][0], spec.colour),
                    f"kontributor-{slug}.jpg",
                    caption=f"Foto profil {spec.name}",
                    credit="Warta Nusantara",
                )
                person = Person.objects.create(
                    name=spec.name, slug=slug, role=spec.role, bio=spec.bio, photo=photo
                )
            people.append((spec, person))
        self.summary.people = len(people)
        return people

    def create_wire_agencies(self) -> dict[str, WireAgency]:
        agencies = {}
        for name, url in content.WIRE_AGENCIES:
            agencies[name], _ = WireAgency.objects.get_or_create(name=name, defaults={"url": url})
        self.summary.wire_agencies = len(agencies)
        return agencies

    # Articles ----------------------------------------------------------------------

    def write_articles(self, count: int, days: int) -> None:
        headlines: set[str] = set()
        slugs: set[str] = set()
        times = self.publication_times(count, days)
        for (story, round_no), published_at in zip(self.plan(count), times, strict=True):
            context, headline = self.fill(story, round_no, published_at, headlines)
            headlines.add(headline)
            slug = base = slugify(headline)[:80].strip("-")
            n = 2
            while slug in slugs:
                slug, n = f"{base}-{n}", n + 1
            slugs.add(slug)
            self.write_article(story, context, headline, slug, published_at)
        pages = [w.page for w in self.written]
        self.summary.articles = len(pages)
        self.summary.oldest = min(p.published_at for p in pages)
        self.summary.newest = max(p.published_at for p in pages)
        self.summary.tags = (
            Tag.objects.filter(articles_articletag_items__content_object__in=pages)
            .distinct()
            .count()
        )

    def plan(self, count: int) -> list[tuple[Story, int]]:
        """Which story template each article uses: every template once per round."""
        order: list[tuple[Story, int]] = []
        round_no = 0
        while len(order) < count:
            batch = list(content.STORIES)
            self.rng.shuffle(batch)
            order.extend((story, round_no) for story in batch)
            round_no += 1
        return order[:count]

    def publication_times(self, count: int, days: int) -> list[datetime]:
        """Oldest first; the newest a few hours old, the oldest close to ``days`` ago."""
        tz = self.zone.tzinfo
        newest = self.now - timedelta(hours=self.rng.uniform(1.5, 3.5))
        if count == 1:
            return [newest]
        oldest = self.now - timedelta(days=days) + timedelta(hours=self.rng.uniform(2, 5))
        span = newest - oldest
        times = [oldest]
        for i in range(1, count - 1):
            target = (oldest + span * (i / (count - 1))).astimezone(tz)
            # Newsrooms publish mostly between six in the morning and eleven at night.
            moment = datetime.combine(
                target.date(),
                time(self.rng.randint(6, 22), self.rng.randint(0, 59)),
                tzinfo=tz,
            )
            times.append(moment if oldest < moment < newest else target)
        times.append(newest)
        return sorted(times)

    def fill(
        self, story: Story, round_no: int, published_at: datetime, taken: set[str]
    ) -> tuple[dict[str, str], str]:
        """Choose the story's variables; return them with an unused headline.

        A template used again gets another city and other people or places where it
        can, so that two articles from one template read as two different stories.
        """
        seen = self.places_used.setdefault(story.key, set())
        for attempt in range(40):
            context = story_context(story, self.rng, published_at, self.zone)
            places = {context["kota"]} | {
                tuple(context[name] for name in options[0])
                for options in story.choices.values()
                if isinstance(options[0], dict)
            }
            if places & seen and attempt < 30:
                continue
            patterns = story.headlines[round_no % len(story.headlines) :] + story.headlines
            for pattern in patterns:
                headline = pattern.format_map(context)
                if headline not in taken:
                    seen |= places
                    return context, headline
        raise RuntimeError(f"story {story.key!r} has run out of distinct headlines")

    def write_article(
        self, story: Story, context: dict[str, str], headline: str, slug: str, published_at
    ) -> None:
        rng = self.rng
        section = self.sections[story.section]
        section_spec = next(s for s in content.SECTIONS if s.slug == story.section)

        credits = self.credits_for(story.section)
        photographer = next((p for p, role in credits if role == "fotografer"), None)
        agencies = self.wire_for(story, context)
        if agencies:
            credit = agencies[0].name
        elif photographer or rng.random() < 0.5:
            credit = f"Warta Nusantara/{(photographer or self.person('fotografer')).name}"
        else:
            credit = f"Warta Nusantara/{credits[0][0].name}"

        label = story.label.format_map(context)
        sublabel = story.sublabel.format_map(context)
        lead_image = self.make_image(
            f"{label} ({sublabel})",
            pictures.lead_picture(
                label, sublabel, section_spec.colour, section_spec.title, rng.randrange(1 << 30)
            ),
            f"{slug[:60]}.jpg",
            caption=story.caption.format_map(context),
            credit=credit,
        )

        source_name = source_url = ""
        if not agencies and rng.random() < 0.15:
            source_name, base_url = rng.choice(content.OUTLETS)
            source_url = f"{base_url}/{published_at:%Y/%m}/{slug}"

        article = ArticlePage(
            title=headline,
            slug=slug,
            summary=story.summary.format_map(context)[:400],
            lead_image=lead_image,
            body=self.body_for(story, context, section_spec, credit, published_at),
            source_name=source_name,
            source_url=source_url,
            published_at=published_at,
            live=False,
        )
        article.authors = [
            ArticleAuthor(person=person, role=role, sort_order=i)
            for i, (person, role) in enumerate(credits)
        ]
        article.wire_agencies = agencies
        article.tags.add(*self.tags_for(story, context))
        section.add_child(instance=article)
        publish_article(article)

        # The demo's past: publication (and, for some, an update) happened back then.
        last_published = published_at
        if rng.random() < 0.15:
            updated = published_at + timedelta(hours=rng.uniform(1.5, 9))
            if updated < self.now - timedelta(minutes=10):
                last_published = updated
                ArticlePage.objects.filter(pk=article.pk).update(updated_at=updated)
                self.summary.updated_articles += 1
        Page.objects.filter(pk=article.pk).update(
            first_published_at=published_at, last_published_at=last_published
        )
        article.refresh_from_db()
        popularity = rng.lognormvariate(0, 0.75)
        self.written.append(_Written(article, story.section, popularity))

    def credits_for(self, section: str) -> list[tuple[Person, str]]:
        writers = [
            person
            for spec, person in self.people
            if spec.role in WRITING_ROLES and section in spec.beats
        ] or [person for spec, person in self.people if spec.role in WRITING_ROLES]
        writer = self.rng.choice(writers)
        credits = [(writer, writer.role)]
        roll = self.rng.random()
        if roll < 0.45:
            credits.append((self.person("editor"), "editor"))
        elif roll < 0.65:
            credits.append((self.person("fotografer"), "fotografer"))
        return credits

    def person(self, role: str) -> Person:
        return self.rng.choice([person for spec, person in self.people if spec.role == role])

    def wire_for(self, story: Story, context: dict[str, str]) -> list[WireAgency]:
        if story.wire:
            names = [context["agensi"]]
            if self.rng.random() < 0.35:
                names.append(self.rng.choice([n for n in WIRE_FOR_WORLD if n != names[0]]))
            return [self.agencies[n] for n in names]
        if story.section in ("nasional", "ekonomi") and self.rng.random() < 0.2:
            return [self.agencies[DOMESTIC_WIRE]]
        return []

    def tags_for(self, story: Story, context: dict[str, str]) -> list[str]:
        tags = [t.format_map(context) for t in story.tags[:2]]
        extra = [t.format_map(context) for t in story.tags[2:]]
        if story.city_tag:
            extra.append(context["kota"])
        self.rng.shuffle(extra)
        return tags + extra[: self.rng.randint(0, 2)]

    def body_for(self, story, context, section_spec, credit, published_at) -> list:
        rng = self.rng
        earlier = [w.page for w in self.written if w.section == story.section] or [
            w.page for w in self.written
        ]
        read_also = rng.choice(earlier[-6:]) if earlier and rng.random() < 0.45 else None
        with_quote = rng.random() < 0.5
        photo = None
        if story.photo and rng.random() < 0.5:
            label, caption = story.photo
            photo = self.make_image(
                label,
                pictures.lead_picture(
                    label,
                    story.sublabel.format_map(context),
                    section_spec.colour,
                    section_spec.title,
                    rng.randrange(1 << 30),
                ),
                f"{slugify(label)}-{published_at:%Y%m%d%H%M}.jpg",
                caption=caption.format_map(context),
                credit=credit,
            )

        blocks: list = []
        paragraphs = headings = 0
        quote_pending = False
        for line in story.body:
            if line.startswith("## "):
                headings += 1
                blocks.append(("heading", {"text": line[3:].format_map(context)}))
                quote_pending = with_quote and headings == 1
                if photo and headings == 2:
                    blocks.append(("image", {"image": photo, "caption": "", "credit": ""}))
                continue
            paragraphs += 1
            text = html.escape(line.format_map(context), quote=False)
            blocks.append(("paragraph", RichText(f"<p>{text}</p>")))
            if paragraphs == 2 and read_also:
                blocks.append(("read_also", {"article": read_also, "label": "Baca Juga"}))
            if quote_pending:
                quote, attribution = story.quote
                blocks.append(
                    (
                        "quote",
                        {
                            "quote": quote.format_map(context),
                            "attribution": attribution.format_map(context),
                        },
                    )
                )
                quote_pending = False
        return blocks

    # Notices, advertising, reads ----------------------------------------------------

    def create_notices(self) -> None:
        for spec in content.NOTICES:
            Notice.objects.create(
                title=spec["title"],
                text=spec["text"],
                link_url=spec["link_url"],
                link_text=spec["link_text"],
                starts_at=self.now + timedelta(days=spec["starts"]),
                ends_at=self.now + timedelta(days=spec["ends"]),
                is_active=True,
            )
        self.summary.notices = len(content.NOTICES)

    def create_ad_slots(self) -> None:
        for order, spec in enumerate(content.AD_SLOTS):
            width, height = (int(v) for v in spec["size"].split("x"))
            creative = self.make_image(
                f"Iklan contoh: {spec['advertiser']}",
                pictures.ad_creative(
                    width, height, spec["advertiser"], spec["tagline"], spec["colour"]
                ),
                f"iklan-{slugify(spec['advertiser'])}-{spec['size']}.png",
            )
            AdSlot.objects.create(
                name=spec["name"],
                position=spec["position"],
                size=spec["size"],
                label="Iklan",
                creative=creative,
                link_url=spec["link_url"],
                advertiser=spec["advertiser"],
                is_active=True,
                sort_order=order,
            )
        self.summary.ad_slots = len(content.AD_SLOTS)

    def record_reads(self) -> None:
        """Hourly reads for the last two weeks: a burst on release, then a long tail,
        spread over the day like a newsroom's traffic, none before publication."""
        tz = self.zone.tzinfo
        local_now = timezone.localtime(self.now, tz)
        today = local_now.date()
        weight = sum(READS_BY_HOUR)
        rows = []
        for item in self.written:
            published = timezone.localtime(item.page.published_at, tz)
            for offset in range(READS_DAYS):
                day = today - timedelta(days=offset)
                if day < published.date():
                    break
                age = (day - published.date()).days
                day_reads = 1400 * item.popularity * 0.55**age + 12 * item.popularity
                for hour, share in enumerate(READS_BY_HOUR):
                    start = datetime.combine(day, time(hour), tzinfo=tz)
                    if start > local_now or start + timedelta(hours=1) <= published:
                        continue
                    reads = int(day_reads * share / weight * self.rng.uniform(0.8, 1.2))
                    if reads > 0:
                        rows.append(ArticleReads(article=item.page, hour=start, reads=reads))
        ArticleReads.objects.bulk_create(rows, batch_size=2000)
        # Written around the flush, so roll them up as the flush would have: the tag
        # hours and running totals that Terpopuler, Tag Terpopuler and the admin's
        # "Statistik baca" all read.
        rebuild_read_rollups()
        self.summary.hourly_reads = len(rows)

    # Images ---------------------------------------------------------------------

    def make_image(self, title: str, data: bytes, name: str, caption="", credit="") -> WartaImage:
        width, height = PILImage.open(io.BytesIO(data)).size
        image = WartaImage.objects.create(
            title=title[:255],
            caption=caption[:500],
            credit=credit[:255],
            file=ImageFile(io.BytesIO(data), name=name),
            width=width,
            height=height,
            file_size=len(data),
            file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
        )
        self.image_ids.append(image.pk)
        return image


def story_context(
    story: Story, rng: random.Random, published_at: datetime, zone: IndonesianZone
) -> dict[str, str]:
    """Values for every placeholder of ``story``, for an article published then."""
    context: dict[str, str] = {}
    context["kota"], context["provinsi"] = rng.choice(content.CITIES)
    for key, options in story.choices.items():
        pick = rng.choice(options)
        if isinstance(pick, dict):
            context.update(pick)
        else:
            context[key] = pick
    local = timezone.localtime(published_at, zone.tzinfo)
    # Afternoon and evening copy reports the same day; morning copy, the day before.
    lag = story.lag if story.lag is not None else (0 if local.hour >= 14 else 1)
    context["waktu"] = indonesian_day(local.date() - timedelta(days=lag))
    used = set(context.values())
    for name in sorted(placeholders(story)):
        base = name.removesuffix("_pendek")
        if base in context or base not in content.NAME_POOLS:
            continue
        pool = [n for n in content.NAME_POOLS[base] if n.split("|")[0] not in used]
        full, _, short = rng.choice(pool).partition("|")
        context[base], context[f"{base}_pendek"] = full, short or full.split()[0]
        used.add(full)
    if story.wire:
        context["agensi"] = rng.choice(WIRE_FOR_WORLD)
    return context


def indonesian_day(day: date) -> str:
    """'Senin (3/11/2026)': how Indonesian news copy names the day of an event."""
    return f"{DAY_NAMES[day.weekday()]} ({day.day}/{day.month}/{day.year})"


def placeholders(story: Story) -> set[str]:
    """Every ``{name}`` the story's texts use."""
    texts = [
        *story.headlines,
        story.summary,
        story.label,
        story.sublabel,
        story.caption,
        *story.body,
        *story.quote,
        *story.tags,
        *(story.photo or ()),
    ]
    formatter = string.Formatter()
    return {name for text in texts for _, name, _, _ in formatter.parse(text) if name}
