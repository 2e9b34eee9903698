from django import template
from wagtail.models import Site

from warta.sections.models import SectionPage
from warta.sections.queries import child_sections

register = template.Library()


@register.inclusion_tag("components/section_nav.html", takes_context=True)
def section_nav(context):
    """The kanal menu, marking the kanal the reader is in (its articles and
    sub-kanal included) with aria-current."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    sections = child_sections(request, site.root_page) if site else []
    current = context.get("page")
    current_path = getattr(current, "path", "")
    root_path = site.root_page.path if site else ""
    kanal_length = len(root_path) + SectionPage.steplen
    in_site = bool(root_path) and current_path.startswith(root_path)
    match = getattr(request, "resolver_match", None)
    return {
        "sections": sections,
        "current_path": current_path,
        "current_section_path": current_path[:kanal_length] if in_site else "",
        "is_home": in_site and current_path == root_path,
        "is_index": getattr(match, "view_name", "") == "archive:index",
        "request": request,
    }
