"""The home page: the lead story and top stories editors pin, the newest stories
after them, then one block per kanal. No article shows twice on the page."""

from __future__ import annotations

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from warta.articles.queries import (
    attach_sections,
    latest_articles,
    live_articles_among,
    newest_in_each_section,
)

TOP_STORY_COUNT = 6


class HomePage(Page):
    lead_article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name="berita utama",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Kosongkan untuk memakai berita terbaru.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("lead_article"),
                InlinePanel(
                    "top_stories",
                    label="Sorotan",
                    max_num=TOP_STORY_COUNT,
                    help_text=f"Sampai {TOP_STORY_COUNT} berita, berurutan. Tempat yang "
                    "kosong diisi berita terbaru; berita yang tidak tayang dilewati.",
                ),
            ],
            heading="Berita pilihan redaksi",
        ),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["sections.SectionPage", "masthead.GuidelinePage"]
    template = "pages/home_page.html"
    latest_count = 12
    section_block_size = 4

    class Meta:
        verbose_name = "beranda"
        verbose_name_plural = "beranda"

    def get_context(self, request, *args, **kwargs):
        from warta.sections.queries import child_sections

        context = super().get_context(request, *args, **kwargs)
        # The pins come from self, not a query by page id, so a preview shows the
        # pins being edited.
        pinned_top_ids = [story.article_id for story in self.top_stories.all()]
        pinned = live_articles_among([self.lead_article_id, *pinned_top_ids])
        shown: set[int] = set()

        def take(article):
            if article is None or article.pk in shown:
                return None
            shown.add(article.pk)
            return article

        lead = take(pinned.get(self.lead_article_id))
        top = []
        for pk in pinned_top_ids:
            if len(top) < TOP_STORY_COUNT and (article := take(pinned.get(pk))):
                top.append(article)
        # One query fills every slot not pinned: the lead, the rest of the top
        # stories and the latest list, newest first.
        wanted = (lead is None) + (TOP_STORY_COUNT - len(top)) + self.latest_count
        newest = iter(latest_articles(limit=wanted, exclude_ids=shown))
        if lead is None:
            lead = take(next(newest, None))
        while len(top) < TOP_STORY_COUNT and (article := take(next(newest, None))):
            top.append(article)
        latest = [a for a in newest if take(a)]

        sections = child_sections(request, self)
        by_section = newest_in_each_section(sections, self.section_block_size, shown)
        blocks = [(s, by_section[s.pk]) for s in sections if by_section[s.pk]]

        attach_sections(
            [a for a in (lead, *top, *latest) if a] + [a for _, items in blocks for a in items]
        )
        context.update(lead=lead, top_stories=top, latest=latest, section_blocks=blocks)
        return context


class HomeTopStory(Orderable):
    """A story an editor pinned to the top of the home page, in order."""

    page = ParentalKey(HomePage, related_name="top_stories", on_delete=models.CASCADE)
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name="berita",
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "sorotan"
        verbose_name_plural = "sorotan"
