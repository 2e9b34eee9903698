"""The page cache's promises on the production set-up (issue 10), under load and faults.

Removal is immediate and total, a wrong URL changes nothing readers of the right one
get, Redis is a cache and never the truth (restarted from an old snapshot, or full),
a database restart gives 503 with Retry-After or a cached page but never a 500, and a
publication shows on every node within a second with 64 readers on the home page.

Each test prints its counts (``pytest -s`` shows them) and puts them in its assert
messages. Reads counted across faults are tested elsewhere. Readers on a node
directly send the ``Host`` nginx sends (the site's address) where the test is about
what readers get; the removal and poisoning tests also use the node's own address.
"""

from __future__ import annotations

import contextlib
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from dataclasses import dataclass

import pytest

from tests.multinode.cluster import get, wait_until

pytestmark = pytest.mark.multinode

VISIBLE_WITHIN = 1.0  # seconds: the newsroom's promise, for a publication and a removal
# A process trusts its last look at Redis's identity and the database generation for
# WARTA_PAGE_CACHE_CHECK_SECONDS (1 s); a Redis back from an old snapshot is noticed
# within it, and then the page is rendered within the promise.
REDIS_RESTART_WITHIN = VISIBLE_WITHIN + 1.0
READERS = 64


@dataclass
class Answer:
    target: str
    sent: float
    status: int
    body: str
    headers: dict[str, str]


class Readers:
    """``count`` threads asking for ``urls`` (one per thread, round robin) until stopped."""

    def __init__(self, urls: dict[str, tuple[str, dict[str, str]]], count: int = READERS):
        self.urls = list(urls.items())
        self.count = count
        self.answers: list[Answer] = []
        self.errors: Counter[str] = Counter()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._read, args=(number,), daemon=True)
            for number in range(count)
        ]

    def _read(self, number: int) -> None:
        target, (url, headers) = self.urls[number % len(self.urls)]
        while not self._stop.is_set():
            sent = time.time()
            try:
                response = get(url, timeout=15, headers=headers)
            except Exception as error:
                with self._lock:
                    self.errors[f"{target}: {type(error).__name__}"] += 1
                time.sleep(0.05)
                continue
            with self._lock:
                self.answers.append(
                    Answer(target, sent, response.status, response.body, response.headers)
                )

    def __enter__(self) -> Readers:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(30)

    def wait_for(self, answers: int, timeout: float = 60) -> None:
        wait_until(f"{answers} answers", lambda: len(self.answers) >= answers, timeout)

    def snapshot(self) -> list[Answer]:
        with self._lock:
            return list(self.answers)


def _canonical(cluster) -> dict[str, str]:
    return {"Host": cluster.canonical_host}


def _publish(cluster, title: str, text: str, tag: str = "") -> dict:
    return cluster.newsroom("publish", title, text, *((tag,) if tag else ()))


# --- removal ---------------------------------------------------------------------------


def test_a_taken_down_article_is_gone_everywhere_within_a_second_under_load(cluster):
    marker = f"Isi berita yang akan ditarik {uuid.uuid4().hex[:8]}"
    article = _publish(cluster, "Berita yang ditarik karena keputusan Dewan Pers", marker)
    path = article["url"]
    targets = {
        "nginx": (cluster.nginx_url + path, {}),
        "node a": (cluster.node_url("a") + path, {}),
        "node b": (cluster.node_url("b") + path, {}),
        "node a (site host)": (cluster.node_url("a") + path, _canonical(cluster)),
        "node b (site host)": (cluster.node_url("b") + path, _canonical(cluster)),
    }
    for url, headers in targets.values():
        wait_until(
            f"{url} shows the article",
            lambda u=url, h=headers: marker in get(u, headers=h).body,
            10,
        )

    with Readers(targets) as readers:
        readers.wait_for(READERS * 2)
        taken = cluster.newsroom("takedown", str(article["id"]))
        deadline = taken["committed_at"] + VISIBLE_WITHIN
        wait_until("3 s of reading after the takedown", lambda: time.time() > deadline + 2, 10)
    answers = readers.snapshot()

    counts = {}
    for target in targets:
        mine = [a for a in answers if a.target == target]
        before = [a for a in mine if a.sent < taken["committed_at"]]
        late = [a for a in mine if a.sent >= deadline]
        counts[target] = {
            "requests": len(mine),
            "article before takedown": sum(marker in a.body for a in before),
            "sent 1 s after takedown": len(late),
            "article 1 s after takedown": sum(marker in a.body for a in late),
            "statuses after": dict(Counter(a.status for a in late)),
        }
    print(f"\ntakedown under {READERS} readers: {counts}; errors {dict(readers.errors)}")
    for target, count in counts.items():
        assert count["article before takedown"] > 0, (target, counts)
        assert count["sent 1 s after takedown"] > 0, (target, counts)
        assert count["article 1 s after takedown"] == 0, (target, counts)
        assert set(count["statuses after"]) == {410}, (target, counts)
    for url, headers in targets.values():
        assert get(url, headers=headers).status == 410, url


# --- one entry per canonical URL -------------------------------------------------------


def test_a_wrong_url_cannot_change_what_readers_of_the_right_one_get(cluster):
    tag = "banjir-bandang"
    title = "Banjir bandang melanda tiga kecamatan"
    article = _publish(cluster, title, "Warga mengungsi ke balai desa.", tag)
    section = cluster.seeded["section"]
    # The canonical address, what it must show, and the tricks aimed at it.
    pages = {
        "/": (title, ["//", "/%2F", "///"]),
        f"/tag/{tag}/": (title, [f"/tag//{tag}/", f"/tag/%2F{tag}/", f"//tag/{tag}/"]),
        section: (title, [section.replace("/", "//", 2), section.rstrip("/") + "%2F"]),
        article["url"]: (title, ["/" + article["url"], "/%2F" + article["url"][1:]]),
        "/indeks/": (title, ["//indeks/", "/indeks//"]),
    }
    bases = {
        "node a": cluster.node_url("a"),
        "node b": cluster.node_url("b"),
        "nginx": cluster.nginx_url,
    }
    port = {name: urllib.parse.urlsplit(url).port for name, url in bases.items()}

    def host_tricks(name: str) -> list[dict[str, str]]:
        host, number = cluster.canonical_host, port[name]
        return [
            {"Host": f"{host}:0{number}"},
            {"Host": f"{host}:00{number}"},
            {"Host": f"{host}.:{number}"},
            {"Host": f"LOCALHOST:{number}"},
            {"Host": f"{host}:0080"},
            {"Host": f"{host}."},
        ]

    def canonical_answers() -> dict[tuple[str, str, str], tuple[int, str]]:
        seen = {}
        for name, base in bases.items():
            for host_name, headers in (("own", {}), ("site", _canonical(cluster))):
                for path in pages:
                    response = get(base + path, headers=headers)
                    seen[(name, host_name, path)] = (response.status, response.body)
        return seen

    wait_until("the new article on every page", lambda: all(
        status == 200 and title in body for status, body in canonical_answers().values()
    ), 15, interval=0.2)  # fmt: skip

    tricks_sent, changed, leaked, checks = Counter(), Counter(), Counter(), 0
    for _round in range(3):
        # A purge first: a trick that is the first request after it would be stored.
        _publish(cluster, f"Berita lain nomor {uuid.uuid4().hex[:6]}", "Isi singkat.", tag)
        for name, base in bases.items():
            for _path, (_text, tricks) in pages.items():
                for trick in tricks:
                    get(base + trick)
                    get(base + trick, headers=_canonical(cluster))
                    tricks_sent[name] += 2
            for headers in host_tricks(name):
                for path in pages:
                    get(base + path, headers=headers)
                    tricks_sent[name] += 1
        for (name, host_name, path), (status, body) in canonical_answers().items():
            checks += 1
            expected = pages[path][0]
            if status != 200 or expected not in body:
                changed[f"{name} {host_name} {path} -> {status}"] += 1
            poison = [h["Host"].lower() for h in host_tricks(name)]
            if any(f"//{trick}" in body.lower() for trick in poison):
                leaked[f"{name} {host_name} {path}"] += 1

    print(
        f"\ncache poisoning: {sum(tricks_sent.values())} trick requests {dict(tricks_sent)}, "
        f"{checks} canonical answers checked, {sum(changed.values())} changed {dict(changed)}, "
        f"{sum(leaked.values())} with a trick host in their links {dict(leaked)}"
    )
    assert not changed, dict(changed)
    assert not leaked, dict(leaked)


# --- Redis is a cache, never the truth -------------------------------------------------


def test_redis_back_from_an_older_snapshot_serves_no_stale_page(cluster):
    homes = {
        "node a": (cluster.node_url("a") + "/", {}),
        "node b": (cluster.node_url("b") + "/", {}),
        "node a (site host)": (cluster.node_url("a") + "/", _canonical(cluster)),
        "node b (site host)": (cluster.node_url("b") + "/", _canonical(cluster)),
    }
    for url, headers in homes.values():
        get(url, headers=headers)
        get(url, headers=headers)
    redis = cluster.redis()
    redis.save()  # the snapshot: the home pages cached without the two articles below
    assert cluster.redis_snapshot.exists()
    titles = [
        f"Artikel sesudah snapshot pertama {uuid.uuid4().hex[:6]}",
        f"Artikel sesudah snapshot kedua {uuid.uuid4().hex[:6]}",
    ]
    for title in titles:
        _publish(cluster, title, "Terbit setelah Redis menyimpan snapshot.")
    for url, headers in homes.values():
        wait_until(
            f"{url} with both articles",
            lambda u=url, h=headers: all(t in get(u, headers=h).body for t in titles),
            10,
        )

    try:
        cluster.kill_redis()
        cluster.start_redis()  # loads the older snapshot
        back = time.time()
        assert redis.dbsize() > 0, "Redis did not load the snapshot"
        with Readers(homes, count=16) as readers:
            wait_until("5 s of reading", lambda: time.time() > back + 5, 10)
    finally:
        with contextlib.suppress(FileNotFoundError):
            cluster.redis_snapshot.unlink()  # later restarts start empty again
    answers = readers.snapshot()
    deadline = back + REDIS_RESTART_WITHIN
    counts = {}
    for target in homes:
        mine = [a for a in answers if a.target == target]
        late = [a for a in mine if a.sent >= deadline]
        stale = [a for a in mine if not all(t in a.body for t in titles)]
        counts[target] = {
            "requests": len(mine),
            "stale (any time)": len(stale),
            "sent past the promise": len(late),
            "stale past the promise": sum(not all(t in a.body for t in titles) for a in late),
            "last stale sent after restart": (
                round(max(a.sent for a in stale) - back, 2) if stale else None
            ),
            "statuses": dict(Counter(a.status for a in mine)),
        }
    print(f"\nRedis from an older snapshot: {counts}; errors {dict(readers.errors)}")
    for target, count in counts.items():
        assert count["sent past the promise"] > 0, (target, counts)
        assert count["stale past the promise"] == 0, (target, counts)


def test_a_full_redis_evicts_pages_and_the_site_keeps_publishing(cluster):
    redis = cluster.redis()
    assert redis.config_get("maxmemory-policy")["maxmemory-policy"] == "volatile-lru"
    used = int(redis.info("memory")["used_memory"])
    filler = "x" * 64 * 1024
    try:
        redis.config_set("maxmemory", str(used + 8 * 1024 * 1024))
        filled = 0
        for number in range(2000):  # bounded: 128 MB at most
            redis.set(f"pengisi:{number}", filler, ex=600)
            filled += 1
            if int(redis.info("stats")["evicted_keys"]) > 0:
                break
        evicted_before = int(redis.info("stats")["evicted_keys"])
        assert evicted_before > 0, "Redis never reached its memory limit"

        title = f"Berita terbit saat Redis penuh {uuid.uuid4().hex[:6]}"
        published = _publish(cluster, title, "Redis penuh tidak menghentikan redaksi.")
        deadline = published["committed_at"] + VISIBLE_WITHIN
        targets = {
            "node a": cluster.node_url("a") + "/",
            "node b": cluster.node_url("b") + "/",
            "node b (kanal)": cluster.node_url("b") + cluster.seeded["section"],
            "node a (article)": cluster.node_url("a") + published["url"],
        }
        targets["nginx"] = cluster.nginx_url + "/"
        seen = {
            target: round(_first_visible(url, title, deadline + 5) - published["committed_at"], 2)
            for target, url in targets.items()
        }
        info = redis.info()
        print(
            f"\nRedis full ({filled} filler keys of 64 KB, maxmemory used+8 MB, volatile-lru): "
            f"new article seen after {seen} s; evicted keys {info['evicted_keys']}, "
            f"used {info['used_memory_human']}"
        )
        # nginx's micro-cache keeps a copy until the end of its second: up to 1 s more.
        late = {
            target: delay
            for target, delay in seen.items()
            if delay > VISIBLE_WITHIN + (1.0 if target == "nginx" else 0.0)
        }
        assert not late, seen
    finally:
        redis.config_set("maxmemory", "0")
        for key in redis.scan_iter("pengisi:*", count=500):
            redis.delete(key)


def _first_visible(url: str, text: str, give_up: float, headers=None) -> float:
    """When the first request that got ``text`` was sent; fails after ``give_up``."""
    while True:
        sent = time.time()
        response = get(url, headers=headers)
        if response.status == 200 and text in response.body:
            return sent
        if sent > give_up:
            pytest.fail(f"{url} never showed {text!r} (last answer {response.status})")
        time.sleep(0.02)


# --- the database down -----------------------------------------------------------------


def test_a_database_restart_under_load_gives_no_500(cluster):
    section = cluster.seeded["section"]
    article = cluster.seeded["url"]
    editor = {"Cookie": "sessionid=tidak-ada"}  # never cached: rendered from the database
    targets = {}
    for name, base in (
        ("nginx", cluster.nginx_url),
        ("node a", cluster.node_url("a")),
        ("node b", cluster.node_url("b")),
    ):
        targets[f"{name} home"] = (base + "/", {})
        targets[f"{name} kanal"] = (base + section, {})
        targets[f"{name} article"] = (base + article, {})
        targets[f"{name} uncached"] = (base + "/", editor)
        targets[f"{name} search"] = (base + f"/cari/?q=klaster{name[-1]}", {})
    for url, headers in targets.values():
        get(url, headers=headers)

    with Readers(targets, count=30) as readers:
        readers.wait_for(60)
        down = time.time()
        cluster.stop_postgres()
        time.sleep(3)
        cluster.start_postgres()
        up = time.time()
        wait_until("3 s of reading after the restart", lambda: time.time() > up + 3, 10)
    answers = readers.snapshot()
    during = [a for a in answers if a.sent >= down]
    statuses = Counter(a.status for a in during)
    without_retry_after = sum(
        1 for a in during if a.status == 503 and not a.headers.get("Retry-After")
    )
    five_hundreds = Counter(f"{a.target} {a.status}" for a in during if a.status >= 500)
    cached_200 = sum(1 for a in answers if down <= a.sent <= up and a.status == 200)
    unavailable_by_cache_state = Counter(
        f"{a.target} {a.headers.get('X-Cache')}" for a in during if a.status == 503
    )
    print(
        f"\nPostgreSQL restarted under load: {len(during)} requests from the stop on, "
        f"statuses {dict(statuses)}, 200 while down {cached_200}, "
        f"503 without Retry-After {without_retry_after}, 5xx by target {dict(five_hundreds)}, "
        f"errors {dict(readers.errors)}, 503 by X-Cache {dict(unavailable_by_cache_state)}"
    )
    assert statuses.get(500, 0) == 0, dict(five_hundreds)
    assert set(statuses) <= {200, 503}, dict(statuses)
    assert without_retry_after == 0, dict(five_hundreds)
    assert not readers.errors, dict(readers.errors)


# --- new content under load -------------------------------------------------------------


def test_a_publication_shows_within_a_second_on_each_node_with_64_readers(cluster):
    """Readers on each node send the site's host, as nginx does; nginx's own readers
    may get its micro-cache's copy until the end of its second (the issue: 2 s)."""
    homes = {
        "node a": (cluster.node_url("a") + "/", _canonical(cluster)),
        "node b": (cluster.node_url("b") + "/", _canonical(cluster)),
        "nginx": (cluster.nginx_url + "/", {}),
    }
    within = {"node a": VISIBLE_WITHIN, "node b": VISIBLE_WITHIN, "nginx": 2 * VISIBLE_WITHIN}
    title = f"Gubernur meresmikan pelabuhan baru {uuid.uuid4().hex[:6]}"
    with Readers(homes) as readers:
        readers.wait_for(READERS * 2)
        published = _publish(cluster, title, "Kapal pertama bersandar pagi ini.")
        committed = published["committed_at"]
        wait_until("4 s of reading after the publish", lambda: time.time() > committed + 4, 10)
    answers = readers.snapshot()
    counts = {}
    for target in homes:
        mine = [a for a in answers if a.target == target]
        late = [a for a in mine if a.sent >= committed + within[target]]
        shown = [a.sent for a in mine if a.sent >= committed and title in a.body]
        counts[target] = {
            "requests": len(mine),
            f"sent {within[target]:g} s after publish": len(late),
            "old home past the promise": sum(title not in a.body for a in late),
            "first shown after": round(min(shown) - committed, 3) if shown else None,
            "statuses": dict(Counter(a.status for a in mine)),
        }
    print(f"\npublish under {READERS} readers of the home page: {counts}; "
          f"errors {dict(readers.errors)}")  # fmt: skip
    for target, count in counts.items():
        assert count[f"sent {within[target]:g} s after publish"] > 0, (target, counts)
        assert count["old home past the promise"] == 0, (target, counts)


def test_with_a_node_dead_a_publication_shows_through_nginx_within_two_seconds(cluster):
    """The issue saw the kanal take 3.19 s and the RSS feed 3.43 s through nginx with a
    node dead. With node a killed and 64 readers on home, kanal and feed, the new
    article must show through nginx within 2 s on each."""
    section = cluster.seeded["section"]
    targets = {
        "nginx home": (cluster.nginx_url + "/", {}),
        "nginx kanal": (cluster.nginx_url + section, {}),
        "nginx rss": (cluster.nginx_url + "/feed/rss/", {}),
    }
    within = 2 * VISIBLE_WITHIN
    for url, headers in targets.values():
        get(url, headers=headers)
    cluster.kill_node("a")
    try:
        title = f"Banjir rob surut di pesisir utara {uuid.uuid4().hex[:6]}"
        with Readers(targets) as readers:
            readers.wait_for(READERS * 2)
            published = _publish(cluster, title, "Warga kembali ke rumah masing-masing.")
            committed = published["committed_at"]
            wait_until("4 s of reading after the publish", lambda: time.time() > committed + 4, 10)
        answers = readers.snapshot()
    finally:
        cluster.start_node("a")
    counts = {}
    for target in targets:
        mine = [a for a in answers if a.target == target]
        late = [a for a in mine if a.sent >= committed + within]
        shown = [a.sent for a in mine if a.sent >= committed and title in a.body]
        counts[target] = {
            "requests": len(mine),
            "sent 2 s after publish": len(late),
            "old page past the promise": sum(title not in a.body for a in late),
            "first shown after": round(min(shown) - committed, 3) if shown else None,
            "statuses": dict(Counter(a.status for a in mine)),
        }
    print(f"\nnode a dead, publish under {READERS} readers through nginx: {counts}; "
          f"errors {dict(readers.errors)}")  # fmt: skip
    for target, count in counts.items():
        assert count["sent 2 s after publish"] > 0, (target, counts)
        assert count["old page past the promise"] == 0, (target, counts)
        assert set(count["statuses"]) == {200}, (target, counts)
    assert not readers.errors, dict(readers.errors)
