"""The home page: the newest stories first, then one block per kanal."""

from wagtail.models import Page

from warta.articles.queries import articles_in_section, attach_sections, latest_articles


class HomePage(Page):
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["sections.SectionPage"]
    template = "pages/home_page.html"
    section_block_size = 4

    class Meta:
        verbose_name = "beranda"
        verbose_name_plural = "beranda"

    def get_context(self, request, *args, **kwargs):
        from warta.sections.models import SectionPage

        context = super().get_context(request, *args, **kwargs)
        latest = attach_sections(latest_articles(limit=13))
        context["lead"] = latest[0] if latest else None
        context["latest"] = latest[1:]
        shown = {a.pk for a in latest}
        blocks = []
        for section in SectionPage.objects.child_of(self).live().order_by("nav_order", "path"):
            items = list(
                articles_in_section(section).exclude(pk__in=shown)[: self.section_block_size]
            )
            if items:
                blocks.append((section, items))
        context["section_blocks"] = blocks
        return context
