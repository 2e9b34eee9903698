"""ArticlePage and what hangs off it: bylines, tags, wire agencies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PublishingPanel,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from warta.articles.admin_forms import ArticleAdminForm, HeadlineInput
from warta.articles.dateline import with_dateline
from warta.blocks.body import ArticleBodyBlock
from warta.people.models import ContributorRole

# A re-publish within this long of the publication is a fix-up, not an update.
UPDATE_GRACE = timedelta(minutes=1)
# Roles named after "Oleh:" in the byline; the others get a line of their own.
WRITER_ROLES = ("penulis", "reporter")


class WireAgency(models.Model):
    """A news agency whose copy an article uses (AFP, Reuters, Antara...)."""

    name = models.CharField("nama", max_length=80, unique=True)
    url = models.URLField("situs", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "kantor berita"
        verbose_name_plural = "kantor berita"

    def __str__(self):
        return self.name


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


@dataclass(frozen=True)
class BodyPart:
    """One body block with what the article page adds to it when rendering."""

    block: object
    anchor: str = ""
    html: str = ""


class TakedownReason(models.TextChoices):
    """The grounds for pulling a published article, after the Pedoman Pemberitaan
    Media Siber (point 5: content that may be removed)."""

    SARA = "sara", "Terkait SARA (suku, agama, ras dan antargolongan)"
    KESUSILAAN = "kesusilaan", "Melanggar kesusilaan"
    ANAK = "anak", "Melindungi anak"
    TRAUMA = "trauma", "Melindungi korban dari trauma"
    DEWAN_PERS = "dewan_pers", "Keputusan atau rekomendasi Dewan Pers"
    LAINNYA = "lainnya", "Alasan lain"


class ArticlePage(Page):
    summary = models.TextField(
        "ringkasan",
        max_length=400,
        blank=True,
        help_text="Satu-dua kalimat untuk daftar berita, mesin pencari dan media sosial.",
    )
    dateline_override = models.CharField(
        "dateline khusus",
        max_length=60,
        blank=True,
        help_text="Kosongkan untuk memakai dateline situs.",
    )
    lead_image = models.ForeignKey(
        "images.WartaImage",
        verbose_name="gambar utama",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.CharField(
        "keterangan gambar utama",
        max_length=500,
        blank=True,
        help_text="Kosongkan untuk memakai keterangan yang tersimpan pada gambar.",
    )
    lead_image_credit = models.CharField(
        "kredit gambar utama",
        max_length=255,
        blank=True,
        help_text="Kosongkan untuk memakai kredit yang tersimpan pada gambar.",
    )
    body = StreamField(ArticleBodyBlock(), verbose_name="isi berita", blank=True)
    source_name = models.CharField(
        "sumber berita",
        max_length=120,
        blank=True,
        help_text="Media asal bila berita ini dimuat ulang dari media lain.",
    )
    source_url = models.URLField("tautan sumber", blank=True)
    is_republished = models.BooleanField(
        "dimuat ulang dari media lain",
        default=False,
        help_text="Berita yang dimuat ulang wajib menyebut nama dan tautan media asalnya.",
    )
    is_advertorial = models.BooleanField(
        "advertorial",
        default=False,
        help_text="Konten berbayar: diberi label “Advertorial” di halaman dan daftar berita.",
    )
    is_unverified = models.BooleanField(
        "belum terverifikasi",
        default=False,
        help_text="Tampilkan pemberitahuan bahwa berita ini masih menunggu verifikasi.",
    )
    verified_followup = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name="berita hasil verifikasi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Berita lanjutan yang memuat hasil verifikasi; ditautkan begitu tayang.",
    )
    wire_agencies = ParentalManyToManyField(
        WireAgency, verbose_name="kantor berita", blank=True, related_name="articles"
    )
    tags = ClusterTaggableManager("tag", through=ArticleTag, blank=True)
    published_at = models.DateTimeField(
        "waktu terbit",
        null=True,
        blank=True,
        db_index=True,
        help_text="Kosongkan untuk memakai saat berita diterbitkan.",
    )
    updated_at = models.DateTimeField("terakhir diperbarui", null=True, blank=True)
    # A planned end ("Berakhir tayang") pulls a published article like a takedown,
    # so it needs a reason too; the scheduler uses it (articles.services.expire_article).
    expiry_reason = models.CharField(
        "alasan berakhir tayang",
        max_length=20,
        choices=TakedownReason.choices,
        blank=True,
        help_text="Wajib bila “Berakhir tayang” diisi. Ditampilkan kepada pembaca.",
    )
    expiry_reason_text = models.TextField(
        "keterangan berakhir tayang",
        blank=True,
        help_text="Wajib bila memilih “Alasan lain”. Ditampilkan kepada pembaca.",
    )

    content_panels = [
        # Fills the slug (tab "Promosikan") as the headline is typed, until published.
        TitleFieldPanel(
            "title",
            heading="Judul berita",
            placeholder="Judul berita*",
            widget=HeadlineInput(),  # wraps a long headline (a phone cut it off)
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldRowPanel([FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")]),
            ],
            heading="Gambar utama",
        ),
        FieldPanel("dateline_override"),
        FieldPanel("body"),
        InlinePanel("authors", label="Penulis dan kontributor", min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("is_republished"),
                FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
                FieldPanel("wire_agencies", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Sumber",
        ),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldPanel("is_advertorial"),
                FieldPanel("is_unverified"),
                FieldPanel("verified_followup"),
            ],
            heading="Pedoman Pemberitaan Media Siber",
        ),
    ]
    # Wagtail's schedule dialog (Tayang mulai, Berakhir tayang), with the expiry's
    # reason next to it; then the comments panel Wagtail puts after it.
    settings_panels = [
        PublishingPanel(
            children=[
                *PublishingPanel().children,
                FieldPanel("expiry_reason"),
                FieldPanel("expiry_reason_text"),
            ]
        ),
        *Page.settings_panels[1:],
        FieldPanel("published_at"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("published_at"),
    ]

    parent_page_types = ["sections.SectionPage"]
    subpage_types: list[str] = []
    template = "pages/article_page.html"
    base_form_class = ArticleAdminForm

    class Meta:
        verbose_name = "berita"
        verbose_name_plural = "berita"

    def clean(self):
        super().clean()
        errors = {}
        if self.lead_image_credit and not self.lead_image_id:
            errors["lead_image_credit"] = "Kredit foto hanya bisa diisi bila ada gambar utama."
        if self.lead_image_caption and not self.lead_image_id:
            errors["lead_image_caption"] = "Keterangan hanya bisa diisi bila ada gambar utama."
        if (
            self.published_at
            and self.published_at > timezone.now() + UPDATE_GRACE
            and not self.go_live_at
        ):
            errors["published_at"] = (
                "Waktu terbit di masa depan hanya boleh bila berita dijadwalkan "
                "(isi 'Tayang mulai' pada tab Pengaturan)."
            )
        errors.update(self.source_errors())
        if self.verified_followup_id and self.verified_followup_id == self.pk:
            errors["verified_followup"] = "Berita hasil verifikasi harus berita lain."
        if errors:
            raise ValidationError(errors)

    def source_errors(self) -> dict[str, str]:
        """What a republished article lacks before it may be published (Pedoman
        Pemberitaan Media Siber: the source is always named and linked)."""
        if not self.is_republished:
            return {}
        errors = {}
        if not self.source_name.strip():
            errors["source_name"] = "Berita yang dimuat ulang wajib menyebut nama media asalnya."
        if not self.source_url:
            errors["source_url"] = "Berita yang dimuat ulang wajib menautkan berita aslinya."
        return errors

    # What the page shows -------------------------------------------------

    @property
    def verified_followup_live(self):
        """The verified follow-up, once it is published; None before."""
        followup = self.verified_followup if self.verified_followup_id else None
        return followup if followup is not None and followup.live else None

    @property
    def publication_time(self):
        return self.published_at or self.first_published_at

    @property
    def last_updated(self):
        """The update time worth showing: only when it is clearly after publication."""
        published = self.publication_time
        if self.updated_at and published and self.updated_at - published > UPDATE_GRACE:
            return self.updated_at
        return None

    def with_content_json(self, content):
        """A revision's content on this record, keeping the record's ``updated_at``.

        The update time is bookkeeping of publications (``services.record_publication``
        moves it only when the story changes), not content an editor writes: a
        revision's stale copy must not roll it back when the revision is published."""
        obj = super().with_content_json(content)
        obj.updated_at = self.updated_at
        return obj

    # The admin's status: a taken-down article is "dicabut", not a draft -------

    @cached_property
    def current_takedown(self) -> Takedown | None:
        """The takedown that keeps this article off the site (None while live, or
        when it was unpublished without one). Listings annotate it in one query
        (``queries.with_takedown``); otherwise it is looked up here."""
        if self.live or not self.pk:
            return None
        if "takedown_reason_now" in self.__dict__:
            reason = self.__dict__["takedown_reason_now"]
            if not reason:
                return None
            return Takedown(reason=reason, text=self.__dict__.get("takedown_text_now") or "")
        takedowns = Takedown.objects.filter(article_id=self.pk)
        if self.last_published_at:
            takedowns = takedowns.filter(created_at__gte=self.last_published_at)
        return takedowns.first()

    @property
    def status_string(self):
        if self.current_takedown is not None:
            return "dicabut"
        return super().status_string

    @property
    def lead_caption(self) -> str:
        if self.lead_image_caption:
            return self.lead_image_caption
        return self.lead_image.caption if self.lead_image else ""

    @property
    def lead_credit(self) -> str:
        if self.lead_image_credit:
            return self.lead_image_credit
        return self.lead_image.credit if self.lead_image else ""

    def dateline_for(self, site_settings) -> str:
        if self.dateline_override:
            return self.dateline_override
        if site_settings is None:
            return ""
        return site_settings.dateline or site_settings.site_name

    @cached_property
    def table_of_contents(self) -> list[tuple[str, str]]:
        """(anchor, heading text) for each heading in the body, anchors unique."""
        entries, seen = [], set()
        for block in self.body:
            if block.block_type != "heading":
                continue
            base = slugify(block.value["text"])[:60] or "bagian"
            anchor, n = base, 2
            while anchor in seen:
                anchor, n = f"{base}-{n}", n + 1
            seen.add(anchor)
            entries.append((anchor, block.value["text"]))
        return entries

    def body_parts(self, dateline: str) -> list[BodyPart]:
        """The body's blocks, headings given their anchors, the dateline put in."""
        anchors = iter(anchor for anchor, _ in self.table_of_contents)
        parts, dateline_pending = [], bool(dateline)
        for block in self.body:
            if block.block_type == "heading":
                parts.append(BodyPart(block, anchor=next(anchors)))
            elif block.block_type == "paragraph" and dateline_pending:
                parts.append(BodyPart(block, html=with_dateline(str(block.value), dateline)))
                dateline_pending = False
            else:
                parts.append(BodyPart(block))
        return parts

    def get_context(self, request, *args, **kwargs):
        from warta.articles.queries import attach_sections, related_articles
        from warta.masthead.models import SiteSettings

        context = super().get_context(request, *args, **kwargs)
        site_settings = SiteSettings.for_request(request)
        context["section"] = self.get_parent().specific
        context["body_parts"] = self.body_parts(self.dateline_for(site_settings))
        context["tags"] = list(self.tags.all())
        # A new article's preview has no row yet, so no corrections.
        context["corrections"] = list(self.corrections.all()) if self.pk else []
        context["wire_agencies"] = list(self.wire_agencies.all())
        context["related"] = attach_sections(related_articles(self, tags=context["tags"]))
        context["other_roles"] = [
            (role, label) for role, label in ContributorRole.choices if role not in WRITER_ROLES
        ]
        return context

    @cached_property
    def byline(self):
        return [c for c in self.authors.select_related("person").all() if c.person_id]


class ArticleAuthor(Orderable):
    """A person credited on an article, in order, with what they did."""

    article = ParentalKey(ArticlePage, related_name="authors", on_delete=models.CASCADE)
    person = models.ForeignKey(
        "people.Person",
        verbose_name="kontributor",
        on_delete=models.PROTECT,
        related_name="credits",
    )
    role = models.CharField(
        "peran", max_length=20, choices=ContributorRole.choices, default="penulis"
    )

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "kontributor berita"
        verbose_name_plural = "kontributor berita"


class Correction(models.Model):
    """A ralat appended to a published article. Append-only: written once by
    ``services.add_correction``, never edited or removed (the admin has no edit or
    delete view for it, and the service is the only writer)."""

    article = models.ForeignKey(
        ArticlePage, verbose_name="berita", on_delete=models.CASCADE, related_name="corrections"
    )
    text = models.TextField("isi ralat")
    created_at = models.DateTimeField("waktu ralat", default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "ralat"
        verbose_name_plural = "ralat"

    def __str__(self):
        return f"Ralat {self.article_id} {self.created_at:%Y-%m-%d %H:%M}"


class Takedown(models.Model):
    """Why and when a published article was pulled (pencabutan). Its ``path`` keeps
    the article's old address, where readers then get a notice (410) instead of a
    bare 404. The notice outlives the article: deleting the pulled article leaves
    the takedown, with ``article`` empty."""

    article = models.ForeignKey(
        ArticlePage,
        verbose_name="berita",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="takedowns",
    )
    path = models.CharField("alamat lama", max_length=1000, db_index=True)
    reason = models.CharField("alasan", max_length=20, choices=TakedownReason.choices)
    text = models.TextField("keterangan", blank=True)
    created_at = models.DateTimeField("waktu pencabutan", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "pencabutan berita"
        verbose_name_plural = "pencabutan berita"

    def __str__(self):
        return f"Pencabutan {self.path}: {self.reason}"

    @property
    def explanation(self) -> str:
        """The reason as readers see it: the label, and the editor's words if any."""
        if self.reason == TakedownReason.LAINNYA and self.text:
            return self.text
        label = self.get_reason_display()
        return f"{label}. {self.text}" if self.text else label
