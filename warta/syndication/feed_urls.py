"""Feed addresses, all under ``/feed/`` because Wagtail serves pages at ``/<slug>/``.

    /feed/rss/                          /feed/atom/                 the whole site
    /feed/kanal/<kanal path>/rss/       .../atom/                   a kanal and its sub-kanal
    /feed/tag/<slug>/rss/               .../atom/                   a tag
    /feed/penulis/<slug>/rss/           .../atom/                   a contributor

Each also exists under ``/feed/full/`` (``/feed/full/rss/``,
``/feed/full/kanal/nasional/politik/atom/``...) with the full text of each article.
The kanal path is the kanal page's own path, so ``/nasional/politik/`` has its feed at
``/feed/kanal/nasional/politik/rss/``. URL names: ``feeds:<kind>-<format>[-full]``;
build them with :func:`warta.syndication.feeds.feed_path`.
"""

from django.urls import path

from warta.syndication.feeds import ATOM, RSS, article_feed

app_name = "feeds"

_SCOPES = (
    ("site", ""),
    ("kanal", "kanal/<path:slug>/"),
    ("tag", "tag/<str:slug>/"),
    ("penulis", "penulis/<slug:slug>/"),
)

urlpatterns = [
    path(
        f"feed/{'full/' if full else ''}{scope_path}{format}/",
        article_feed,
        {"kind": kind, "format": format, "full": full},
        name=f"{kind}-{format}{'-full' if full else ''}",
    )
    for full in (False, True)
    for kind, scope_path in _SCOPES
    for format in (RSS, ATOM)
]
