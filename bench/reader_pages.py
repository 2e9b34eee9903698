"""Render time of the reader pages, as ratios to a reference measured in the same run.

The reference is Django returning the very same HTML bytes from memory through the
same middleware stack: what is left over is the work of building the page itself
(database queries, template rendering). Run on a throwaway database filled by
`warta demo`:

    .venv/bin/python bench/reader_pages.py [--rounds 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.config.settings")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "localhost,testserver")
os.environ.setdefault("WARTA_HTTPS", "false")
os.environ.setdefault("WARTA_DATA_DIR", tempfile.mkdtemp(prefix="warta-bench-"))


def _timings(client, path: str, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = client.get(path)
        samples.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status_code)
    return samples


def _p95(samples: list[float]) -> float:
    return sorted(samples)[int(len(samples) * 0.95) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.http import HttpResponse
    from django.test import Client, override_settings
    from django.urls import path

    from warta.articles.models import ArticlePage
    from warta.config import urls as site_urls

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("demo", if_empty=True, verbosity=0)
    client = Client()
    article = ArticlePage.objects.live().order_by("-published_at").first()
    pages = {
        "article": article.url,
        "home": "/",
        "kanal": article.get_parent().url,
        "indeks": "/indeks/",
    }
    bodies = {name: client.get(url).content for name, url in pages.items()}

    reference_patterns = [
        path(f"reference/{name}/", lambda request, body=body: HttpResponse(body))
        for name, body in bodies.items()
    ]

    class ReferenceUrls:
        urlpatterns = reference_patterns + site_urls.urlpatterns

    print(
        f"{'page':8} {'bytes':>7} {'median ms':>10} {'p95 ms':>8} {'ref median':>11} {'ratio':>6}"
    )
    with override_settings(ROOT_URLCONF=ReferenceUrls):
        for name, url in pages.items():
            _timings(client, url, 5)  # warm caches of templates and renditions
            page = _timings(client, url, args.rounds)
            reference = _timings(client, f"/reference/{name}/", args.rounds)
            ratio = statistics.median(page) / statistics.median(reference)
            print(
                f"{name:8} {len(bodies[name]):7d} {statistics.median(page) * 1e3:10.2f} "
                f"{_p95(page) * 1e3:8.2f} {statistics.median(reference) * 1e3:11.2f} {ratio:6.1f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
