from django.urls import include, path

urlpatterns = [
    path("", include("warta.syndication.feed_urls")),
    path("", include("warta.syndication.sitemap_urls")),
]
