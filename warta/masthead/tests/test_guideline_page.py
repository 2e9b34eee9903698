"""The "Pedoman Media Siber" page: made by a migration, linked from every footer,
edited only by Redaktur."""

import pytest
from lxml import html as lxml_html
from wagtail.test.utils.form_data import nested_form_data, rich_text

from warta.masthead.models import GUIDELINE_SLUG, GuidelinePage
from warta.testing.factories import home_page, make_article, make_section
from warta.users.roles import PENULIS, REDAKTUR
from warta.users.tests.conftest import client_for, make_user

pytestmark = pytest.mark.django_db

PATH = f"/{GUIDELINE_SLUG}/"


def _guideline() -> GuidelinePage:
    return GuidelinePage.objects.get(slug=GUIDELINE_SLUG)


def _footer_links(response) -> list[str]:
    tree = lxml_html.fromstring(response.content)
    return tree.xpath('//footer//nav[@aria-label="Tautan kaki"]/a/@href')


def test_the_migration_creates_the_page_under_the_home_page():
    page = _guideline()
    assert page.live
    assert page.get_parent().specific == home_page()
    assert page.url == PATH
    assert "Pedoman Pemberitaan Media Siber" in page.body
    assert page.newsroom_email and page.phone and page.person_in_charge


def test_the_page_shows_the_guideline_and_the_contacts(client):
    page = _guideline()
    page.newsroom_address = "Jalan Merdeka Barat 9\nJakarta Pusat"
    page.newsroom_email = "redaksi@warta.example"
    page.phone = "+62 21 555 0101"
    page.person_in_charge = "Dewi Lestari"
    page.save_revision().publish()

    response = client.get(PATH)

    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    assert tree.xpath("string(//h1)") == "Pedoman Media Siber"
    assert tree.xpath('//div[@class="guideline-body"]//h2[text()="Ralat, koreksi dan hak jawab"]')
    contacts = tree.xpath('string(//section[@class="guideline-contacts"])')
    for text in ("Dewi Lestari", "Jalan Merdeka Barat 9", "Jakarta Pusat", "+62 21 555 0101"):
        assert text in contacts
    assert tree.xpath('//a[@href="mailto:redaksi@warta.example"]')
    assert tree.xpath('//a[@href="tel:+62215550101"]')


@pytest.mark.parametrize("where", ["home", "article"])
def test_every_footer_links_to_the_page(client, where):
    article = make_article(title="Harga beras naik", section=make_section("Ekonomi"))
    url = home_page().url if where == "home" else article.url

    response = client.get(url)

    assert response.status_code == 200
    assert PATH in _footer_links(response)
    assert client.get(PATH).context["page"].specific == _guideline()


def _edit_form(page, **overrides) -> dict:
    data = {
        "title": page.title,
        "slug": page.slug,
        "body": rich_text("<h2>Verifikasi</h2><p>Semua berita diperiksa.</p>"),
        "newsroom_address": page.newsroom_address,
        "newsroom_email": page.newsroom_email,
        "phone": page.phone,
        "person_in_charge": "Rudi Hartono",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_a_penulis_cannot_edit_the_page():
    page = _guideline()
    client = client_for(make_user("penulis", PENULIS))
    url = f"/admin/pages/{page.pk}/edit/"

    assert client.get(url).status_code in (302, 403)
    response = client.post(url, _edit_form(page))

    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.person_in_charge != "Rudi Hartono"
    assert not page.revisions.filter(content__person_in_charge="Rudi Hartono").exists()


def test_a_redaktur_edits_and_publishes_the_page(client):
    page = _guideline()
    editor = client_for(make_user("redaktur", REDAKTUR))

    response = editor.post(f"/admin/pages/{page.pk}/edit/", _edit_form(page))

    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.person_in_charge == "Rudi Hartono"
    assert "Rudi Hartono" in client.get(PATH).content.decode()


def test_the_body_keeps_only_the_allowed_formatting():
    page = _guideline()
    editor = client_for(make_user("redaktur", REDAKTUR))
    body = rich_text(
        '<p>Aman</p><h4>Judul kecil</h4><p><a href="javascript:alert(1)">tautan</a></p>'
    )

    editor.post(f"/admin/pages/{page.pk}/edit/", _edit_form(page, body=body))

    page.refresh_from_db()
    assert "Aman" in page.body
    assert "<h4" not in page.body and "javascript:" not in page.body
