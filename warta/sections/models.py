"""Kanal: the sections of the site, a tree of pages that articles live under."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from warta.articles.listing import canonical_page_redirect, paginate_articles


class SectionPage(Page):
    intro = models.CharField("pengantar", max_length=300, blank=True)
    nav_order = models.PositiveSmallIntegerField(
        "urutan di menu", default=100, help_text="Angka kecil tampil lebih dulu."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + [FieldPanel("nav_order")]

    parent_page_types = ["frontpage.HomePage", "sections.SectionPage"]
    subpage_types = ["sections.SectionPage", "articles.ArticlePage"]
    template = "pages/section_page.html"
    per_page = 20

    class Meta:
        verbose_name = "kanal"
        verbose_name_plural = "kanal"

    def serve(self, request, *args, **kwargs):
        # get_context cannot answer with a redirect, so the canonical ?page= check
        # happens here, before the page is rendered.
        return canonical_page_redirect(request) or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from warta.articles.queries import articles_in_section
        from warta.sections.queries import child_sections

        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate_articles(request, articles_in_section(self), self.per_page)
        context["subsections"] = child_sections(request, self)
        return context
