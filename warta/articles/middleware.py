"""The takedown notice at a pulled article's old address.

Wagtail answers a request for an unpublished page with a 404 from deep inside its
routing; like Wagtail's own redirects middleware, this looks at 404 responses and,
when the path was a pulled article's, answers 410 Gone with the reason instead.
Only 404s pay for the lookup (one indexed query).
"""

from __future__ import annotations

from warta.articles.queries import takedown_at
from warta.articles.views import takedown_notice


class TakedownNoticeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        takedown = takedown_at(request.path)
        if takedown is None:
            return response
        return takedown_notice(request, takedown)
