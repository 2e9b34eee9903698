"""The takedown notice at a pulled article's old address; edits kept past an expired login.

Wagtail answers a request for an unpublished page with a 404 from deep inside its
routing; like Wagtail's own redirects middleware, this looks at 404 responses and,
when the path was a pulled article's, answers 410 Gone with the reason instead.
Only 404s pay for the lookup (one indexed query).
"""

from __future__ import annotations

from warta.articles.editing import (
    is_create_view,
    is_edit_view,
    keep_expired_edit,
    mark_saved_copy,
    remember_editor,
)
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


class KeepUnsavedEditMiddleware:
    """An article form posted after the login expired is kept for after logging in again.

    Wagtail's admin sends such a post to the login page before any view sees it, so
    this looks at the answer: see ``editing.keep_expired_edit``. It also marks whose
    editor the browser opened (``editing.remember_editor``), and which copy kept in
    the browser a successful save made needless (``editing.mark_saved_copy``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_create_view(request):
            mark_saved_copy(request, response)
            return response
        if not is_edit_view(request):
            return response  # every reader's request: no user or session looked up
        mark_saved_copy(request, response)
        if request.user.is_authenticated:
            remember_editor(request, response)
        elif request.method == "POST" and response.status_code == 302:
            keep_expired_edit(request, response)
        return response
