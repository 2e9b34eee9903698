"""The read beacon: what site.js posts to once an article page has loaded."""

from __future__ import annotations

import logging

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from warta.analytics.services import Outcome, count_read

logger = logging.getLogger(__name__)

_STATUS = {
    Outcome.COUNTED: 204,
    Outcome.REPEAT: 204,
    Outcome.BOT: 204,
    Outcome.RATE_LIMITED: 429,
    Outcome.OTHER_SITE: 403,
    Outcome.UNKNOWN_ARTICLE: 404,
}


@csrf_exempt  # sendBeacon cannot send a token; sent_from_this_site checks the origin
@require_POST
def read_beacon(request, article_id: int) -> HttpResponse:
    """Count a read; answer with an empty response, never with an error page.

    Counting is best effort: if the cache, Redis or the database fails, the failure
    is logged and the reader's browser still gets 204.
    """
    try:
        outcome = count_read(request, article_id)
    except Exception:
        logger.exception("counting a read of article %s failed", article_id)
        outcome = None
    response = HttpResponse(status=_STATUS.get(outcome, 204))
    response["Cache-Control"] = "no-store"
    if outcome is Outcome.RATE_LIMITED:
        response["Retry-After"] = "60"
    return response
