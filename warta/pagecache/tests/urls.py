"""Small views for the middleware's tests: counted renders, a rebuild that blocks."""

from __future__ import annotations

import threading

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import include, path

from warta.pagecache.tagging import tag

renders: list[str] = []
rebuild_started = threading.Event()
rebuild_release = threading.Event()


def counted(request):
    renders.append(request.get_full_path())
    tag(request, "test:counted")
    return HttpResponse(f"render {len(renders)} query={request.META['QUERY_STRING']}")


def blocking(request):
    renders.append(request.path)
    tag(request, "test:slow")
    rebuild_started.set()
    rebuild_release.wait(10)
    return HttpResponse(f"render {len(renders)}")


def form(request):
    renders.append(request.path)
    return HttpResponse(f'<form method="post"><input name="t" value="{get_token(request)}">')


def cookie(request):
    renders.append(request.path)
    response = HttpResponse("cookie")
    response.set_cookie("pilihan", "1")
    return response


flaky_status: list[int] = [200]


def flaky(request):
    """200 until a test sets ``flaky_status`` to a 5xx (a database restarting)."""
    renders.append(request.path)
    tag(request, "test:flaky")
    status = flaky_status[0]
    return HttpResponse(f"render {len(renders)} status={status}", status=status)


def failing(request):
    renders.append(request.path)
    return HttpResponse("rusak", status=500)


urlpatterns = [
    path("hitung/", counted),
    path("lambat/", blocking),
    path("formulir/", form),
    path("kue/", cookie),
    path("rusak/", failing),
    path("kadang/", flaky),
    path("", include("warta.config.urls")),
]
