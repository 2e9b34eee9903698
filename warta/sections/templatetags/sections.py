from django import template
from wagtail.models import Site

from warta.sections.models import SectionPage

register = template.Library()


@register.inclusion_tag("components/section_nav.html", takes_context=True)
def section_nav(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    sections = (
        SectionPage.objects.live().child_of(site.root_page).order_by("nav_order", "path")
        if site
        else SectionPage.objects.none()
    )
    current = context.get("page")
    current_path = getattr(current, "path", "")
    return {
        "sections": sections,
        "current_path": current_path,
        "request": request,
    }
