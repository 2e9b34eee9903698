"""The client address a sign-in limit counts against, and how it is kept.

The address comes from the proxy chain (``WARTA_PROXY_HOPS``) as the shared limiter
(``warta.security.limits``) takes it, never from a header the client writes. IPv6
clients count as their whole /64, as one subscriber usually holds.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.http import HttpRequest

from warta.security.limits import client_network


def _network(address: str, v4_prefix: int, v6_prefix: int):
    try:
        ip = ipaddress.ip_address(address.strip().split("%")[0])
    except ValueError:
        return None
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    prefix = v4_prefix if ip.version == 4 else v6_prefix
    return ipaddress.ip_network(f"{ip}/{prefix}", strict=False)


def limit_key(request: HttpRequest) -> str:
    """An HMAC of the client's address (IPv4) or /64 (IPv6): stable, not readable."""
    return keyed_digest("address", client_network(request) or "unknown")


def keyed_digest(kind: str, text: str) -> str:
    message = f"signin:{kind}:{text}".encode("utf-8", "surrogateescape")
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:40]


def shown_network(request: HttpRequest) -> str:
    """The client's network as the log shows it: IPv4 /24, IPv6 /48, nothing finer."""
    network = _network(client_network(request).split("/")[0], 24, 48)
    return str(network) if network else "tidak diketahui"
