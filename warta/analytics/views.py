"""The read beacon: what site.js posts to once an article page has loaded."""

from __future__ import annotations

import logging

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from warta.analytics.services import count_read

logger = logging.getLogger(__name__)

# The largest id a page can have (a 64-bit primary key): anything past it is not an
# id but a malformed request.
_MAX_ID = 2**63 - 1
# site.js sends no body; a client sending one is not our beacon.
_MAX_BODY = 1024


@csrf_exempt  # sendBeacon cannot send a token; sent_from_this_site checks the origin
@require_POST
def read_beacon(request, article_id: int) -> HttpResponse:
    """Count a read; answer 204 with no body, whether the read counted or not.

    A read that is not counted (a bot, a repeat, a limit reached, another site, an
    article no longer live) is no error of the reader's browser: an error status
    would show in its console (and in Lighthouse) and tell a script which of its
    reads count. Only a malformed request gets 400. Counting is best effort: if the
    cache, Redis or the database fails, the failure is logged and the answer is 204.
    """
    if not 0 < article_id <= _MAX_ID or _body_length(request) > _MAX_BODY:
        return _empty(400)
    try:
        count_read(request, article_id)
    except Exception:
        logger.exception("counting a read of article %s failed", article_id)
    return _empty(204)


def _empty(status: int) -> HttpResponse:
    response = HttpResponse(status=status)
    response["Cache-Control"] = "no-store"
    return response


def _body_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return _MAX_BODY + 1
