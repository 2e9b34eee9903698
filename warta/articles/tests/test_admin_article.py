"""An editor writes and publishes an article through the Wagtail admin."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from warta.articles.models import ArticlePage, WireAgency
from warta.testing.factories import make_article, make_image, make_person, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaksi", "redaksi@example.com", "rahasia")
    client.force_login(user)
    return client


def _form(section, **overrides):
    person = make_person("Bayu Pratama")
    image = make_image(title="Pelabuhan pagi hari")
    earlier = make_article(title="Berita sebelumnya tentang pelabuhan", section=section)
    afp = WireAgency.objects.create(name="AFP")
    data = {
        "title": "Pelabuhan Baru Mulai Beroperasi di Pesisir Utara",
        "slug": "pelabuhan-baru-mulai-beroperasi",
        "summary": "Pelabuhan yang dibangun dua tahun itu kini melayani kapal barang.",
        "lead_image": image.pk,
        "lead_image_caption": "Kapal barang bersandar pada Senin pagi",
        "lead_image_credit": "Warta/Bayu Pratama",
        "dateline_override": "",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>Pelabuhan baru resmi beroperasi pada Senin.</p>")),
                ("heading", {"text": "Kapasitas bongkar muat"}),
                ("paragraph", rich_text("<p>Kapasitasnya dua juta ton per tahun.</p>")),
                ("image", {"image": image.pk, "caption": "Dermaga", "credit": ""}),
                ("quote", {"quote": "Ini pintu ekonomi baru.", "attribution": "Bupati"}),
                ("read_also", {"article": earlier.pk, "label": "Baca Juga"}),
            ]
        ),
        "authors": inline_formset([{"person": person.pk, "role": "penulis"}], min=1),
        "source_name": "KORAN PESISIR",
        "source_url": "https://koran-pesisir.example/berita/1",
        "tags": "pelabuhan, ekonomi daerah",
        "published_at": "",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    form = nested_form_data(data)
    form["wire_agencies"] = [afp.pk]  # a multi-value field, not a nested one
    return form


def test_admin_speaks_indonesian(editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    assert "Dasbor" in response.content.decode()


def test_editor_writes_and_publishes_an_article(editor_client, client):
    section = make_section("Ekonomi", slug="ekonomi")
    url = f"/admin/pages/add/articles/articlepage/{section.pk}/"
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, _form(section))
    assert response.status_code == 302, response.content.decode()[:3000]

    article = ArticlePage.objects.get(slug="pelabuhan-baru-mulai-beroperasi")
    assert article.live
    assert article.published_at is not None
    assert [a.name for a in article.wire_agencies.all()] == ["AFP"]
    assert sorted(t.name for t in article.tags.all()) == ["ekonomi daerah", "pelabuhan"]

    page = client.get(article.url).content.decode()
    for expected in (
        "Pelabuhan Baru Mulai Beroperasi di Pesisir Utara",
        "Kapal barang bersandar pada Senin pagi",
        "Foto: Warta/Bayu Pratama",
        "Kapasitas bongkar muat",
        "Ini pintu ekonomi baru.",
        "Baca Juga",
        "Berita sebelumnya tentang pelabuhan",
        "Oleh: <a",
        "Bayu Pratama",
        "Sumber Berita:",
        "KORAN PESISIR",
    ):
        assert expected in page, expected


def test_admin_rejects_missing_headline(editor_client):
    section = make_section("Ekonomi", slug="ekonomi")
    url = f"/admin/pages/add/articles/articlepage/{section.pk}/"
    response = editor_client.post(url, _form(section, title=""))
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="pelabuhan-baru-mulai-beroperasi").exists()


def test_admin_rejects_credit_without_image(editor_client):
    section = make_section("Ekonomi", slug="ekonomi")
    url = f"/admin/pages/add/articles/articlepage/{section.pk}/"
    response = editor_client.post(url, _form(section, lead_image=""))
    assert response.status_code == 200
    assert "hanya bisa diisi bila ada gambar utama" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="pelabuhan-baru-mulai-beroperasi").exists()


def test_admin_rejects_future_time_unless_scheduled(editor_client):
    section = make_section("Ekonomi", slug="ekonomi")
    url = f"/admin/pages/add/articles/articlepage/{section.pk}/"
    future = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    response = editor_client.post(url, _form(section, published_at=future))
    assert response.status_code == 200
    assert "hanya boleh bila berita dijadwalkan" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="pelabuhan-baru-mulai-beroperasi").exists()


def test_editor_previews_a_new_article(editor_client):
    section = make_section("Ekonomi", slug="ekonomi")
    url = f"/admin/pages/add/articles/articlepage/{section.pk}/preview/"
    response = editor_client.post(url, _form(section))
    assert response.json()["is_valid"]
    preview = editor_client.get(url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Pelabuhan Baru Mulai Beroperasi di Pesisir Utara" in html
    assert "Bayu Pratama" in html


def test_editor_previews_changes_to_a_live_article(editor_client):
    article = make_article(title="Judul lama", tags=["lama"])
    url = f"/admin/pages/{article.pk}/edit/preview/"
    form = _form(article.get_parent(), title="Judul baru untuk pratinjau", slug=article.slug)
    assert editor_client.post(url, form).json()["is_valid"]
    assert "Judul baru untuk pratinjau" in editor_client.get(url).content.decode()
