"""Template filters printing times the way Indonesian newsrooms do, in the site's zone."""

from django import template

from warta.masthead import zones

register = template.Library()


def _zone(context):
    settings = context.get("masthead")
    return settings.zone if settings is not None else zones.IndonesianZone.WIB


@register.simple_tag(takes_context=True)
def waktu_panjang(context, moment):
    return zones.format_long(moment, _zone(context)) if moment else ""


@register.simple_tag(takes_context=True)
def waktu_singkat(context, moment):
    return zones.format_short(moment, _zone(context)) if moment else ""


@register.simple_tag(takes_context=True)
def tanggal(context, moment):
    return zones.format_date(moment, _zone(context)) if moment else ""


@register.simple_tag(takes_context=True)
def jam(context, moment):
    return zones.format_time(moment, _zone(context)) if moment else ""


@register.simple_tag(takes_context=True)
def waktu_iso(context, moment):
    return zones.isoformat(moment, _zone(context)) if moment else ""
