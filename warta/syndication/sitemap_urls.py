from django.urls import include, path, re_path

from warta.syndication import robots, sitemap_views

urlpatterns = [
    path("sitemap.xml", sitemap_views.sitemap_index, name="sitemap-index"),
    # Page numbers without leading zeros (one address per page), nine digits at most.
    re_path(
        r"^sitemap-(?P<kind>[a-z]+)-(?P<page>[1-9][0-9]{0,8})\.xml$",
        sitemap_views.sitemap_page,
        name="sitemap-page",
    ),
    path("sitemap-news.xml", sitemap_views.news_sitemap, name="sitemap-news"),
    path("robots.txt", robots.robots_txt, name="robots-txt"),
    # ads.txt is the advertising app's; it is wired here, with the other files
    # crawlers fetch from the site root, until config/urls.py includes it directly.
    path("", include("warta.advertising.urls")),
]
