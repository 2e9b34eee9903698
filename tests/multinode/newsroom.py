"""What the newsroom does to a test cluster, through Warta's own services.

Run by :class:`tests.multinode.cluster.Cluster` with the web nodes' settings
(``python newsroom.py ACTION ...``); prints one JSON line. Times are the wall clock
right after the commit (and so after the page cache's purge, which runs on commit).

    seed                       the site's address, a kanal and a first article
    publish TITLE TEXT [TAG]   a new article, published as the Publish button does
    takedown ID                the article pulled for a reason, as the Unpublish button does
    correct ID TEXT            a correction (articles.services.add_correction when it
                               exists, else the article re-published with TEXT added)
    schedule TITLE SECONDS     a new article scheduled SECONDS from now
    report ID                  is it live, and how many times was it published
    serve                      the actions above, one JSON line each from stdin
"""

from __future__ import annotations

import json
import sys
import time
from datetime import timedelta
from urllib.parse import urlsplit

import django


def _path(page) -> str:
    return urlsplit(page.get_url(None)).path


def seed() -> dict:
    from django.conf import settings

    from warta.masthead.services import set_site_address
    from warta.testing.factories import make_article, make_section

    # The address nginx passes on (WARTA_BASE_URL): canonical links and the page
    # cache's warming use it.
    set_site_address(settings.WAGTAILADMIN_BASE_URL)
    section = make_section("Nasional")
    article = make_article(title="Berita pembuka klaster uji", section=section)
    return {"id": article.pk, "url": _path(article), "section": _path(section)}


def publish(title: str, text: str, tag: str = "") -> dict:
    from warta.articles.services import publish_article
    from warta.testing.factories import make_article, make_section

    article = make_article(
        title=title,
        section=make_section("Nasional"),
        paragraphs=(text,),
        tags=(tag,) if tag else (),
        publish=False,
    )
    publish_article(article)
    return {"id": article.pk, "url": _path(article), "committed_at": time.time()}


def correct(article_id: str, text: str) -> dict:
    from warta.articles import services
    from warta.articles.models import ArticlePage

    article = ArticlePage.objects.get(pk=int(article_id))
    if hasattr(services, "add_correction"):
        services.add_correction(article, text)
        how = "add_correction"
    else:
        article.body.append(("paragraph", f"<p>{text}</p>"))
        services.publish_article(article)
        how = "republish"
    return {"id": article.pk, "how": how, "committed_at": time.time()}


def takedown(article_id: str) -> dict:
    from warta.articles.models import ArticlePage, TakedownReason
    from warta.articles.services import take_down_article

    article = ArticlePage.objects.get(pk=int(article_id))
    take_down_article(article, TakedownReason.DEWAN_PERS, "Keputusan Dewan Pers.")
    return {"id": article.pk, "committed_at": time.time()}


def schedule(title: str, seconds: str) -> dict:
    from django.utils import timezone

    from warta.articles.models import ArticleAuthor, ArticlePage
    from warta.testing.factories import make_person, make_section

    go_live_at = timezone.now() + timedelta(seconds=float(seconds))
    section = make_section("Nasional")
    article = ArticlePage(
        title=title,
        slug=f"terjadwal-{int(time.time() * 1000)}",
        live=False,
        body=[("paragraph", "<p>Berita ini terbit sesuai jadwal.</p>")],
        go_live_at=go_live_at,
    )
    section.add_child(instance=article)
    ArticleAuthor.objects.create(article=article, person=make_person(), sort_order=0)
    # The Publish button with a future go-live time: the revision is only scheduled.
    article.save_revision(log_action=True).publish()
    article.refresh_from_db()
    return {"id": article.pk, "url": _path(article), "go_live_at": go_live_at.timestamp(),
            "live": article.live}  # fmt: skip


def report(article_id: str) -> dict:
    from wagtail.models import PageLogEntry

    from warta.articles.models import ArticlePage

    article = ArticlePage.objects.get(pk=int(article_id))
    actions = list(PageLogEntry.objects.filter(page_id=article.pk).values_list("action", flat=True))
    return {
        "live": article.live,
        "scheduled_publishes": actions.count("wagtail.publish.scheduled"),
        # Scheduling itself is logged as "wagtail.publish.schedule"; not a publication.
        "publishes": sum(
            1 for action in actions if action in ("wagtail.publish", "wagtail.publish.scheduled")
        ),
        "actions": actions,
        "first_published_at": (
            article.first_published_at.timestamp() if article.first_published_at else None
        ),
    }


ACTIONS = {"seed": seed, "publish": publish, "correct": correct, "schedule": schedule,
           "report": report, "takedown": takedown}  # fmt: skip


def serve() -> None:
    """One action per line on stdin (JSON list), one JSON answer per line on stdout.

    Saves Django's start-up (seconds on a busy machine) for every action. Each action
    opens a fresh database connection, so a restarted PostgreSQL does not matter.
    """
    from django.db import connections

    for line in sys.stdin:
        action, *args = json.loads(line)
        connections.close_all()
        try:
            answer = {"ok": ACTIONS[action](*args)}
        except Exception as error:
            answer = {"error": f"{type(error).__name__}: {error}"}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    django.setup()
    if sys.argv[1] == "serve":
        serve()
    else:
        print(json.dumps(ACTIONS[sys.argv[1]](*sys.argv[2:])))
