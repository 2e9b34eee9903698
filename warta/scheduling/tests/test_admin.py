"""The admin side: schedules entered and shown in the site's zone, the heartbeat panel."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from warta.articles.models import ArticlePage
from warta.masthead.models import SiteSettings
from warta.scheduling.models import SchedulerHeartbeat
from warta.scheduling.services import publish_due
from warta.scheduling.tests.conftest import scheduled_article, scheduled_revision
from warta.testing.factories import home_page, make_person, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaksi", "redaksi@example.com", "rahasia")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def _site_zone(zone: str) -> None:
    site_settings = SiteSettings.for_site(home_page().get_site())
    site_settings.time_zone = zone
    site_settings.save()


def _beat(age: timedelta) -> SchedulerHeartbeat:
    return SchedulerHeartbeat.objects.create(
        pk=SchedulerHeartbeat.SINGLETON_PK,
        last_run_at=timezone.now() - age,
        runner="redaksi-1:4242",
        published=2,
    )


# The heartbeat panel -------------------------------------------------------------


def test_the_dashboard_warns_when_the_scheduler_never_ran(editor_client):
    html = editor_client.get("/admin/").content.decode()
    assert "Penjadwal" in html
    assert "Penjadwal belum pernah berjalan." in html
    assert "help-critical" in html


def test_the_dashboard_warns_when_the_scheduler_stopped_two_minutes_ago(editor_client):
    _beat(timedelta(minutes=3))
    html = editor_client.get("/admin/").content.decode()
    assert "Penjadwal tidak berjalan sejak 3 menit yang lalu" in html
    assert "help-critical" in html
    assert "data-scheduler-ok" not in html


def test_the_dashboard_says_when_a_running_scheduler_last_checked(editor_client):
    _beat(timedelta(seconds=20))
    html = editor_client.get("/admin/").content.decode()
    assert "Penjadwal berjalan: terakhir memeriksa 20 detik yang lalu" in html
    assert "2 diterbitkan" in html
    assert "Penjadwal tidak berjalan" not in html and "help-critical" not in html


def test_the_dashboard_lists_what_is_scheduled_next_in_the_site_zone(editor_client):
    _site_zone("WITA")
    _beat(timedelta(seconds=5))
    scheduled_article(datetime(2030, 1, 6, 2, 0, tzinfo=UTC), title="Gerhana bulan total")
    html = editor_client.get("/admin/").content.decode()
    assert "Gerhana bulan total" in html
    assert "Minggu, 6 Januari 2030, 10:00:00 WITA" in html


# Times in the site's zone -------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "shown"), [("WIB", "2030-01-06 09:00"), ("WITA", "2030-01-06 10:00")]
)
def test_the_editor_shows_the_schedule_in_the_site_zone(editor_client, zone, shown):
    _site_zone(zone)
    article = scheduled_article(datetime(2030, 1, 6, 2, 0, tzinfo=UTC))

    html = editor_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()

    assert f'value="{shown}"' in html
    assert f'data-warta-schedule-zone="{zone}"' in html


def test_a_zone_the_user_chose_wins(editor_client, editor):
    _site_zone("WITA")
    UserProfile.objects.create(user=editor, current_time_zone="Asia/Jayapura")
    article = scheduled_article(datetime(2030, 1, 6, 2, 0, tzinfo=UTC))

    html = editor_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()

    assert 'value="2030-01-06 11:00"' in html
    assert 'data-warta-schedule-zone="WIT"' in html
    assert UserProfile.objects.get(user=editor).current_time_zone == "Asia/Jayapura"


def test_the_site_zone_is_never_saved_as_the_user_choice(editor_client, editor):
    _site_zone("WIT")
    editor_client.get("/admin/")
    assert not UserProfile.objects.filter(user=editor).exclude(current_time_zone="").exists()


def test_the_editor_warns_in_the_schedule_dialog_when_no_scheduler_runs(editor_client):
    article = scheduled_article(timezone.now() + timedelta(days=1))
    html = editor_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert 'data-warta-scheduler-stale="Penjadwal belum pernah berjalan' in html

    _beat(timedelta(seconds=10))
    html = editor_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "data-warta-scheduler-stale" not in html


def test_an_editor_in_wita_schedules_and_the_scheduler_publishes(editor_client, clock):
    """The whole path: the admin form in WITA, Wagtail's schedule, our pass, the stamp."""
    _site_zone("WITA")
    section = make_section("Ekonomi", slug="ekonomi")
    person = make_person("Andi Mappanyukki")
    go_live = timezone.localtime(
        timezone.now() + timedelta(days=1), timezone.get_fixed_timezone(480)
    )
    form = nested_form_data(
        {
            "title": "Tarif pelabuhan Makassar turun",
            "slug": "tarif-pelabuhan-makassar-turun",
            "summary": "Tarif bongkar muat turun mulai bulan depan.",
            "lead_image": "",
            "lead_image_caption": "",
            "lead_image_credit": "",
            "dateline_override": "",
            "body": streamfield([("paragraph", rich_text("<p>Tarif turun sepuluh persen.</p>"))]),
            "authors": inline_formset([{"person": person.pk, "role": "penulis"}], min=1),
            "source_name": "",
            "source_url": "",
            "tags": "",
            "published_at": "",
            "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
            "expire_at": "",
            "action-publish": "action-publish",
        }
    )
    url = f"/admin/pages/add/articles/articlepage/{section.pk}/"
    response = editor_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]

    article = ArticlePage.objects.get(slug="tarif-pelabuhan-makassar-turun")
    assert not article.live and article.published_at is None
    # Entered as WITA (UTC+8): stored as that instant.
    assert scheduled_revision(article).approved_go_live_at == go_live.replace(
        second=0, microsecond=0
    )

    clock.advance(timedelta(days=1, minutes=1))
    assert publish_due().published == [str(article.pk)]
    article.refresh_from_db()
    assert article.live
    assert article.published_at == article.first_published_at >= go_live.replace(second=0)
