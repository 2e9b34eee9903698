from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
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


def serve_media(request, path):
    """Embedded mode serves uploads itself; production lets nginx do it."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.WARTA_SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_media)]

urlpatterns += [path("", include(wagtail_urls))]
