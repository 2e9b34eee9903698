"""What every page shows (masthead, time zone, menu, notice bar, ad slots) purges
every cached page when it changes (issue 12: after WIB -> WITA, cached pages still
said WIB while fresh ones said WITA). The receivers live in the owning apps
(``masthead``, ``notices``, ``advertising``); a kanal is a page, purged on publish."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from warta.advertising.models import AdSlot, AdsTxt
from warta.masthead.models import SiteSettings
from warta.notices.models import Notice
from warta.testing.factories import make_article, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article(title="Banjir melanda ibu kota", section=make_section("Nasional"))


def _masthead() -> SiteSettings:
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def _warm(client, url) -> str:
    client.get(url)
    response = client.get(url)
    assert response["X-Cache"] == "HIT"
    return response.content.decode()


def _fresh(client, url) -> str:
    response = client.get(url)
    assert response["X-Cache"] == "MISS"
    return response.content.decode()


def _set_time_zone():
    masthead = _masthead()
    masthead.time_zone = "WITA"
    masthead.save()


def _set_logo_text():
    masthead = _masthead()
    masthead.logo_text = "Warta Timur"
    masthead.save()


def _add_notice():
    Notice.objects.create(title="Pemberitahuan", text="Libur redaksi Nyepi")


def _add_ad_slot():
    AdSlot.objects.create(
        name="Atas", position="header_top", size="970x90", advertiser="Toko Kopi Lampung"
    )


def _add_kanal():
    make_section("Olahraga")


CHANGES = {
    "time zone": (_set_time_zone, "WITA", "WIB"),
    "logo": (_set_logo_text, "Warta Timur", None),
    "notice": (_add_notice, "Libur redaksi Nyepi", None),
    "ad slot": (_add_ad_slot, 'class="ad ad-header_top"', None),
    "menu": (_add_kanal, ">Olahraga<", None),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_a_site_wide_change_reaches_every_cached_page(
    client, article, name, django_capture_on_commit_callbacks
):
    change, shown, gone = CHANGES[name]
    pages = [article.url, "/"]
    before = {url: _warm(client, url) for url in pages}
    assert all(shown not in html for html in before.values())
    assert not gone or all(gone in html for html in before.values())
    with django_capture_on_commit_callbacks(execute=True):
        change()
    for url in pages:
        html = _fresh(client, url)
        assert shown in html, url
        if gone:
            assert gone not in html, url


def test_reordering_the_kanal_menu_purges(client, article, django_capture_on_commit_callbacks):
    """Moving a kanal in the page explorer publishes nothing, yet changes the menu."""
    nasional = article.get_parent()
    olahraga = make_section("Olahraga")
    html = _warm(client, "/")
    assert html.index(">Nasional<") < html.index(">Olahraga<")
    with django_capture_on_commit_callbacks(execute=True):
        olahraga.move(nasional, pos="left")
    html = _fresh(client, "/")
    assert html.index(">Olahraga<") < html.index(">Nasional<")


def test_editing_and_removing_a_notice_or_an_ad_purges(
    client, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notice = Notice.objects.create(text="Libur redaksi Nyepi")
        slot = AdSlot.objects.create(
            name="Atas", position="header_top", size="970x90", advertiser="Toko Kopi"
        )
    assert "Libur redaksi Nyepi" in _warm(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        notice.text = "Redaksi kembali bertugas"
        notice.save()
    assert "Redaksi kembali bertugas" in _fresh(client, article.url)
    _warm(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        notice.delete()
        slot.is_active = False
        slot.save()
    html = _fresh(client, article.url)
    assert "Redaksi kembali bertugas" not in html
    assert 'class="ad ad-header_top"' not in html


def test_ads_txt_is_purged_when_edited(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ads = AdsTxt.objects.create(
            site=Site.objects.get(is_default_site=True), content="a.example, 1, DIRECT"
        )
    assert "a.example" in _warm(client, "/ads.txt")
    with django_capture_on_commit_callbacks(execute=True):
        ads.content = "b.example, 2, DIRECT"
        ads.save()
    assert "b.example" in _fresh(client, "/ads.txt")


def test_time_zone_changed_in_the_admin_reaches_cached_pages(
    article, django_capture_on_commit_callbacks
):
    """WIB -> WITA through the settings form, as a Redaktur does it."""
    reader = Client()
    assert "WIB" in _warm(reader, article.url)
    editor = Client()
    user = get_user_model().objects.create_superuser("redaktur", "r@example.com", "rahasia-123")
    editor.force_login(user)
    masthead = _masthead()
    url = reverse("wagtailsettings:edit", args=["masthead", "sitesettings", masthead.site_id])
    form = {
        "site_name": "Warta Sulawesi",
        "logo_text": "",
        "tagline": masthead.tagline,
        "logo": "",
        "dateline": masthead.dateline,
        "time_zone": "WITA",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    html = _fresh(reader, article.url)
    assert "Warta Sulawesi" in html
    assert "WITA" in html and "WIB" not in html


def test_the_first_reader_of_a_fresh_site_keeps_the_cache(
    client, article, django_capture_on_commit_callbacks
):
    """The masthead row is made by the first read (``for_site`` gets or creates it),
    holding the defaults that page was rendered with: making it purges nothing. It
    once did, so on a fresh site the first reader emptied the cache for everyone."""
    SiteSettings.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.get(article.url)
    assert SiteSettings.objects.exists()
    assert callbacks == []
    assert client.get(article.url)["X-Cache"] == "HIT"


def test_a_notice_reaches_cached_pages_when_its_time_comes(
    client, article, django_capture_on_commit_callbacks
):
    """Nobody saves anything at 18.00 when a notice set to start then opens: the
    scheduler's pass notices that its window turned and purges."""
    from datetime import timedelta

    from django.utils import timezone

    from warta.scheduling.models import SchedulerHeartbeat
    from warta.scheduling.services import publish_due

    start = timezone.now() + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        notice = Notice.objects.create(text="Siaran langsung debat capres", starts_at=start)
    assert "Siaran langsung" not in _warm(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        publish_due()  # before its time: the cached page stays
    assert client.get(article.url)["X-Cache"] == "HIT"

    # Its time comes (moved, not saved: no signal) after the last pass.
    Notice.objects.filter(pk=notice.pk).update(starts_at=timezone.now() - timedelta(seconds=1))
    SchedulerHeartbeat.objects.update(last_run_at=timezone.now() - timedelta(seconds=5))
    with django_capture_on_commit_callbacks(execute=True):
        publish_due()
    assert "Siaran langsung debat capres" in _fresh(client, article.url)
    _warm(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        publish_due()  # the next pass has nothing new to purge
    assert client.get(article.url)["X-Cache"] == "HIT"
