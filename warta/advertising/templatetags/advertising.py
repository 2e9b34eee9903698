from django import template

from warta.advertising.queries import active_slots

register = template.Library()


@register.inclusion_tag("components/ad_slot.html", takes_context=True)
def ad_slot(context, position: str):
    """The active ad for ``position``; all slots are fetched once per request."""
    request = context.get("request")
    slots = getattr(request, "_warta_ad_slots", None)
    if slots is None:
        slots = active_slots()
        if request is not None:
            request._warta_ad_slots = slots
    found = slots.get(position) or []
    return {"slot": found[0] if found else None, "position": position}
