"""Writes on the site's identity: the public address Wagtail builds full URLs from."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from wagtail.models import Site


@dataclass(frozen=True)
class SiteAddress:
    hostname: str
    port: int


def parse_site_address(base_url: str) -> SiteAddress:
    """``https://warta.example`` → (warta.example, 443); refuse anything but http(s)."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValidationError(
            f"Alamat situs tidak sah: {base_url!r} (contoh: https://warta.example)."
        )
    if parts.path not in {"", "/"} or parts.query or parts.fragment:
        raise ValidationError(
            f"Alamat situs harus tanpa path atau query: {base_url!r} (contoh: https://warta.example)."
        )
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return SiteAddress(hostname=parts.hostname, port=port)


def set_site_address(base_url: str) -> Site:
    """Point the default Wagtail site at ``base_url``.

    Feeds, sitemaps, canonical links and structured data are absolute URLs built from
    the Site record (``Site.root_url``), so it must match the address readers use.
    """
    address = parse_site_address(base_url)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != (address.hostname, address.port):
        site.hostname, site.port = address.hostname, address.port
        site.save(update_fields=["hostname", "port"])
    return site
