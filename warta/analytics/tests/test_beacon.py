"""The read beacon: what counts as a read, what is refused, and what is never stored."""

import pickle
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from warta.analytics import readers, services
from warta.analytics.buffers import hour_of
from warta.analytics.models import ArticleReads
from warta.analytics.tests.conftest import ANDROID, FIREFOX, beacon, stored_reads
from warta.security.limits import Limit
from warta.testing.factories import make_article, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article(title="Banjir rob di pesisir utara")


def test_a_read_is_counted_once_and_written_at_the_next_flush(client, buffer, article):
    response = beacon(client, article.pk)
    assert response.status_code == 204
    assert response.content == b""
    assert response["Cache-Control"] == "no-store"
    assert ArticleReads.objects.count() == 0  # buffered, not written per read
    assert services.flush_reads() == 1
    row = ArticleReads.objects.get()
    assert (row.article_id, row.hour, row.reads) == (article.pk, hour_of(timezone.now()), 1)


def test_a_repeat_read_within_the_window_is_not_counted(client, buffer, article):
    assert beacon(client, article.pk).status_code == 204
    assert beacon(client, article.pk).status_code == 204
    services.flush_reads()
    assert stored_reads(article) == 1
    # Another browser behind the same address is another reader.
    beacon(client, article.pk, user_agent=ANDROID)
    # The same reader, another article: counted.
    other = make_article(section=article.get_parent())
    beacon(client, other.pk)
    services.flush_reads()
    assert stored_reads(article) == 2
    assert stored_reads(other) == 1


def test_the_same_reader_counts_again_after_the_window(client, buffer, article, monkeypatch):
    monkeypatch.setattr(readers, "REPEAT_WINDOW", readers.REPEAT_WINDOW / 1800)  # 1 second
    beacon(client, article.pk)
    time.sleep(1.1)
    beacon(client, article.pk)
    services.flush_reads()
    assert stored_reads(article) == 2


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0)",
        "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
        "Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (compatible; Bytespider)",
        "curl/8.5.0",
        "Wget/1.21.4",
        "python-requests/2.32.3",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/133.0.0.0 Safari",
        "",
    ],
)
def test_bots_are_not_counted(client, buffer, article, user_agent):
    assert beacon(client, article.pk, user_agent=user_agent).status_code == 204
    assert len(buffer) == 0


def test_phones_named_like_bots_are_counted(client, buffer, article):
    cubot = "Mozilla/5.0 (Linux; Android 13; CUBOT P80) AppleWebKit/537.36 Chrome/120 Mobile"
    beacon(client, article.pk, user_agent=cubot)
    assert len(buffer) == 1


def test_headless_browsers_count_when_the_setting_says_so(client, buffer, article, settings):
    """Our own Playwright tests run headless Chromium; they can opt in to counting."""
    settings.WARTA_COUNT_HEADLESS_READS = True
    headless = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/133.0 Safari"
    beacon(client, article.pk, user_agent=headless)
    assert len(buffer) == 1


def test_get_is_not_allowed(client, buffer, article):
    response = client.get(f"/baca/{article.pk}/", HTTP_USER_AGENT=FIREFOX)
    assert response.status_code == 405
    assert len(buffer) == 0


def test_unknown_unpublished_and_non_article_ids_answer_204_uncounted(client, buffer, article):
    draft = make_article(section=article.get_parent(), publish=False, live=False)
    section = make_section("Ekonomi")
    for page_id in (999_999, draft.pk, section.pk):
        assert beacon(client, page_id).status_code == 204
    article.unpublish()
    assert beacon(client, article.pk).status_code == 204
    assert len(buffer) == 0


@pytest.mark.parametrize("path", ["/baca/0/", f"/baca/{2**63}/"])
def test_only_a_malformed_beacon_gets_400(client, buffer, path):
    response = client.post(path, HTTP_USER_AGENT=FIREFOX)
    assert response.status_code == 400
    assert response.content == b""


def test_a_beacon_with_a_body_is_malformed(client, buffer, article):
    response = client.post(
        f"/baca/{article.pk}/", "x" * 5000, content_type="text/plain", HTTP_USER_AGENT=FIREFOX
    )
    assert response.status_code == 400
    assert len(buffer) == 0


def test_a_flood_gets_204_without_touching_the_database(client, buffer, article, monkeypatch):
    monkeypatch.setattr(readers, "BEACON_FLOOD", Limit("t", 5, 60))
    statuses = [beacon(client, article.pk).status_code for _ in range(5)]
    assert statuses == [204] * 5
    with CaptureQueriesContext(connection) as queries:
        flood = [beacon(client, article.pk, user_agent=f"{FIREFOX} {n}") for n in range(50)]
    assert {r.status_code for r in flood} == {204}
    assert len(queries) == 0
    services.flush_reads()
    assert ArticleReads.objects.count() == 1
    assert stored_reads(article) == 1


def test_beacons_from_other_sites_are_not_counted_but_answer_quietly(client, buffer, article):
    assert beacon(client, article.pk, HTTP_ORIGIN="https://penipu.example").status_code == 204
    assert beacon(client, article.pk, HTTP_ORIGIN="null").status_code == 204
    assert beacon(client, article.pk, HTTP_SEC_FETCH_SITE="cross-site").status_code == 204
    assert beacon(client, article.pk, HTTP_REFERER="https://penipu.example/x").status_code == 204
    assert len(buffer) == 0


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_REFERER": "http://testserver/nasional/berita/"},
        {},  # sendBeacon from a browser that sends neither Origin nor Referer
    ],
)
def test_beacons_from_our_pages_are_counted(client, buffer, article, headers):
    assert beacon(client, article.pk, **headers).status_code == 204
    assert len(buffer) == 1


def test_no_address_user_agent_or_cookie_is_kept(client, buffer, article):
    response = beacon(client, article.pk, REMOTE_ADDR="203.0.113.77")
    assert response.status_code == 204
    assert not response.cookies
    stored = b"".join(
        key.encode() + pickle.dumps(value) for key, value in cache._cache.items()
    )  # locmem: every key and value in this process's cache
    assert stored
    assert b"203.0.113.77" not in stored
    assert b"Firefox" not in stored


def test_the_daily_salt_changes_the_keys(rf):
    request = rf.post("/baca/1/", HTTP_USER_AGENT=FIREFOX)
    today = timezone.localdate()
    first = readers.reader_for(request, today)
    assert readers.reader_for(request, today) == first
    assert readers.reader_for(request, today.replace(year=today.year - 1)) != first


def test_behind_a_proxy_readers_are_told_apart_by_the_forwarded_address(
    client, buffer, article, settings
):
    settings.WARTA_PROXY_HOPS = 1
    # The client wrote the first address itself; our proxy added the last one.
    beacon(client, article.pk, HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.1")
    beacon(client, article.pk, HTTP_X_FORWARDED_FOR="2.2.2.2, 198.51.100.1")
    beacon(client, article.pk, HTTP_X_FORWARDED_FOR="198.51.100.2")
    services.flush_reads()
    assert stored_reads(article) == 2


def test_a_due_flush_happens_in_the_request(client, buffer, article):
    buffer.flush_seconds = 0
    beacon(client, article.pk)
    assert stored_reads(article) == 1
    assert len(buffer) == 0


def test_a_failure_is_logged_never_a_500(client, buffer, article, monkeypatch):
    def broken(*args):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(buffer, "add", broken)
    client.raise_request_exception = True
    assert beacon(client, article.pk).status_code == 204


# Limits per address, not per address + User-Agent (issue 11) ---------------------------


def test_rotating_the_user_agent_buys_no_more_than_the_cap(client, buffer, article):
    cap = readers.READS_PER_ARTICLE.count
    statuses = {
        beacon(client, article.pk, user_agent=f"{FIREFOX} rotasi/{n}").status_code
        for n in range(500)
    }
    assert statuses == {204}
    services.flush_reads()
    assert stored_reads(article) == cap
    # Another article from the same address has a cap of its own ...
    other = make_article(section=article.get_parent())
    beacon(client, other.pk)
    # ... and another address is not held back by this one.
    beacon(client, article.pk, REMOTE_ADDR="198.51.100.20")
    services.flush_reads()
    assert stored_reads(other) == 1
    assert stored_reads(article) == cap + 1


def test_the_cap_follows_the_address_our_proxy_saw(client, buffer, article, settings):
    settings.WARTA_PROXY_HOPS = 1
    for n in range(60):
        # A client writing its own X-Forwarded-For entries gains nothing.
        beacon(
            client,
            article.pk,
            user_agent=f"{FIREFOX} {n}",
            HTTP_X_FORWARDED_FOR=f"10.0.{n}.1, 198.51.100.7",
        )
    services.flush_reads()
    assert stored_reads(article) == readers.READS_PER_ARTICLE.count


def test_ipv6_addresses_in_one_64_share_the_cap(client, buffer, article):
    cap = readers.READS_PER_ARTICLE.count
    for n in range(3 * cap):
        beacon(client, article.pk, REMOTE_ADDR=f"2001:db8:1:2::{n:x}", user_agent=FIREFOX)
    beacon(client, article.pk, REMOTE_ADDR="2001:db8:1:3::1")  # the next /64
    services.flush_reads()
    assert stored_reads(article) == cap + 1


@pytest.mark.parametrize(
    "user_agent",
    [
        # Lighthouse's own browser (it got 403 and a console error before)
        "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/127.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    ],
)
def test_a_bot_gets_a_quiet_204_and_no_count(client, buffer, article, user_agent):
    response = beacon(client, article.pk, user_agent=user_agent)
    assert response.status_code == 204
    assert response.content == b""
    assert len(buffer) == 0
