from django.conf import settings
from django.http import Http404
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from warta.images.queries import is_private_media

urlpatterns = [
    # Before the admin's: the sign-in with limits and two-factor codes takes Wagtail's place.
    path("", include("warta.security.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("", include("warta.articles.urls")),
    path("", include("warta.archive.urls")),
    path("", include("warta.people.urls")),
    path("", include("warta.topics.urls")),
    path("", include("warta.search.urls")),
    path("", include("warta.analytics.urls")),
    path("", include("warta.syndication.urls")),
    path("", include("warta.replies.urls")),
]

# The database down is a 503 maintenance answer, not a 500 (warta/operations/outage.py).
handler500 = "warta.operations.outage.server_error"


def serve_media(request, path):
    """Embedded mode serves uploads itself; production lets nginx do it. Stored
    originals are never public (editors open them through the admin), as in nginx."""
    if is_private_media(path):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.WARTA_SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_media)]

urlpatterns += [path("", include(wagtail_urls))]
