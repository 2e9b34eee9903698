"""The database down is a short maintenance, not a server error: 503, ``Retry-After``.

While PostgreSQL restarts (or is unreachable), every request that needs it fails
with ``OperationalError``/``InterfaceError`` somewhere: in a view, in a template, or
in a middleware (the session, the logged-in user). Django turns any such exception
into a call of ``handler500`` from inside its ``except`` block
(``django.core.handlers.exception.response_for_exception``), so ``server_error``
reads the exception from ``sys.exc_info()``: a database error is answered 503 with
``Retry-After`` and a small Indonesian maintenance page (or, for the admin's
autosave and other JSON requests, a JSON body in the shape Wagtail's autosave
reads); anything else keeps the plain 500 page.

Neither answer touches the database: the template is rendered without a request, so
no context processor (the masthead, the user, the settings) runs. The page cache
(``warta.pagecache``) serves its stored copy instead of a 5xx where it has one.
With ``DEBUG`` on Django shows its technical page and never calls ``handler500``.
"""

from __future__ import annotations

import logging
import sys

from django.conf import settings
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error as plain_server_error

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
DATABASE_ERRORS = (OperationalError, InterfaceError)
MAINTENANCE_TEMPLATE = "errors/maintenance.html"
# Wagtail's autosave shows its own text for any error code it does not know.
ERROR_CODE = "server_unavailable"
MESSAGE = (
    "Server sedang dalam pemeliharaan singkat. Perubahan Anda belum tersimpan di server, "
    "tetapi masih ada di peramban ini; penyimpanan otomatis akan dicoba lagi."
)


def is_database_outage(exc: BaseException | None) -> bool:
    """Whether ``exc`` is, or was raised while handling, a failed database connection."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, DATABASE_ERRORS):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def wants_json(request: HttpRequest) -> bool:
    """Autosave and other script requests: the same test as Wagtail's edit views."""
    return not request.accepts("text/html")


def maintenance_response(request: HttpRequest) -> HttpResponse:
    """The 503 answer, built from settings and the request line only."""
    if wants_json(request):
        response: HttpResponse = JsonResponse(
            {
                "success": False,
                "error_code": ERROR_CODE,
                "error_message": MESSAGE,
                "retry_after": RETRY_AFTER_SECONDS,
            },
            status=503,
        )
    else:
        in_admin = request.path.startswith("/admin/")
        html = render_to_string(
            MAINTENANCE_TEMPLATE,
            {
                "site_name": settings.WAGTAIL_SITE_NAME,
                "retry_after": RETRY_AFTER_SECONDS,
                # A GET can simply be asked again; a form post must not be re-sent.
                "refresh": request.method in ("GET", "HEAD"),
                "in_admin": in_admin,
                "posted_form": in_admin and request.method == "POST",
                "back_url": request.path,
            },
        )
        response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Nobody keeps this answer: not the page cache, not nginx, not the browser.
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """``handler500``: a database outage is a 503 maintenance answer, anything else a 500."""
    exc = sys.exc_info()[1]
    if not is_database_outage(exc):
        return plain_server_error(request)
    # The exception's text can name hosts, users or SQL: the class name is enough here.
    logger.warning(
        "database unavailable, answered 503: %s %s (%s)",
        request.method,
        request.path,
        type(exc).__name__,
    )
    response = maintenance_response(request)
    # Django would log it again at ERROR with the traceback (``log_response``).
    response._has_been_logged = True
    return response
