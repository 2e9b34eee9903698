"""An imported story keeps its source's dates: the admin must not list a 2023 story as
first published "1 menit yang lalu", before or after it is published."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from warta.articles.models import ArticlePage
from warta.articles.services import publish_article
from warta.importers.services import import_page_text
from warta.testing.factories import make_section

DATA = Path(__file__).parent / "data"
PUBLISHED = datetime(2023, 8, 3, 1, 45, tzinfo=UTC)  # Kamis, 3 Agustus 2023 | 09:45 WITA
UPDATED = datetime(2023, 8, 4, 1, 10, tzinfo=UTC)  # Last Updated 2023-08-04T01:10:00Z


def _listing_row(html: str, title: str) -> str:
    start = html.index(title)
    return html[start : html.index("</tr>", start)]


@pytest.mark.django_db
def test_imported_story_is_listed_with_its_source_dates(client):
    section = make_section("Ekonomi", slug="ekonomi")
    admin = get_user_model().objects.create_superuser("redaksi", "r@example.com", "sandi-uji-1")
    client.force_login(admin)

    result = import_page_text(
        (DATA / "nelayan-wita.txt").read_text(encoding="utf-8"), section=section
    )
    article = ArticlePage.objects.get(pk=result.article.pk)
    assert article.first_published_at == PUBLISHED
    assert article.latest_revision_created_at == UPDATED
    assert article.get_latest_revision().created_at == UPDATED

    publish_article(article.get_latest_revision_as_object(), user=admin)
    article.refresh_from_db()
    assert article.live
    assert article.first_published_at == PUBLISHED  # Wagtail keeps it when publishing
    assert article.updated_at == UPDATED  # the source's update, not the publication

    row = _listing_row(client.get("/admin/berita/").content.decode(), article.title)
    # The first date column is "Terbit pertama" (in WIB); "Perubahan terakhir" is the
    # publication just made, truthfully now.
    first_date = row[row.index("<time") :]
    assert first_date.startswith(
        '<time class="w-human-readable-date__date" datetime="2023-08-03T08:45:00+07:00"'
    )

    page = client.get(article.url).content.decode()
    assert (
        "4 Agustus 2023" in page
        and str(datetime.now().year) + " |" not in page.split("Diperbarui", 1)[-1][:60]
    )
