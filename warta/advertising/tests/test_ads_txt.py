import pytest
from wagtail.models import Site

from warta.advertising.models import AdsTxt

pytestmark = pytest.mark.django_db

LINES = "google.com, pub-0000000000000000, DIRECT, f08c47fec0942fa0\r\n# iklan langsung\r\n"


def _site():
    return Site.objects.get(is_default_site=True)


def test_without_ads_txt_it_is_a_404(client):
    assert client.get("/ads.txt").status_code == 404
    assert not AdsTxt.objects.exists(), "a crawler's GET writes nothing"


def test_an_emptied_ads_txt_is_a_404(client):
    AdsTxt.objects.create(site=_site(), content=" \r\n ")
    assert client.get("/ads.txt").status_code == 404


def test_ads_txt_is_served_as_plain_text(client):
    AdsTxt.objects.create(site=_site(), content=LINES)
    response = client.get("/ads.txt?x=1")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "google.com, pub-0000000000000000, DIRECT, f08c47fec0942fa0\n# iklan langsung\n"
    )


def test_editors_edit_ads_txt_in_the_admin(admin_client):
    url = f"/admin/settings/advertising/adstxt/{_site().pk}/"
    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url, {"content": LINES}).status_code == 302
    assert admin_client.get("/ads.txt").content.decode().startswith("google.com, pub-")
