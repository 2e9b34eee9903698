import pytest
from wagtail.models import Site

from warta.syndication.models import DEFAULT_ROBOTS_TXT, RobotsTxt
from warta.syndication.robots import compose_robots_txt

pytestmark = pytest.mark.django_db

SITEMAP_LINES = [
    "Sitemap: http://testserver/sitemap.xml",
    "Sitemap: http://testserver/sitemap-news.xml",
]


def _robots(client) -> list[str]:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    return response.content.decode().split("\n")


def test_default_allows_all_but_admin_and_search(client):
    lines = _robots(client)
    assert lines[:3] == ["User-agent: *", "Disallow: /admin/", "Disallow: /cari/"]
    assert lines[-3:] == [*SITEMAP_LINES, ""]
    assert not RobotsTxt.objects.exists(), "a crawler's GET writes nothing"


def test_editors_rules_are_served_with_the_sitemaps_appended(client):
    RobotsTxt.objects.create(
        site=Site.objects.get(is_default_site=True),
        content="User-agent: GPTBot\r\nDisallow: /\r\n\r\nUser-agent: *\r\nDisallow: /admin/\r\n",
    )
    assert _robots(client) == [
        "User-agent: GPTBot",
        "Disallow: /",
        "",
        "User-agent: *",
        "Disallow: /admin/",
        "",
        *SITEMAP_LINES,
        "",
    ]


def test_sitemaps_an_editor_already_named_are_not_repeated():
    rules = "User-agent: *\nDisallow:\nsitemap: https://warta.example/sitemap.xml\n"
    urls = ["https://warta.example/sitemap.xml", "https://warta.example/sitemap-news.xml"]
    assert compose_robots_txt(rules, urls).split("\n")[-4:] == [
        "sitemap: https://warta.example/sitemap.xml",
        "",
        "Sitemap: https://warta.example/sitemap-news.xml",
        "",
    ]


def test_emptied_rules_still_announce_the_sitemaps(client):
    RobotsTxt.objects.create(site=Site.objects.get(is_default_site=True), content="  \n")
    assert _robots(client) == [*SITEMAP_LINES, ""]


def test_sitemap_lines_name_the_requested_host(client, settings):
    settings.ALLOWED_HOSTS = ["warta.example"]
    body = client.get("/robots.txt", headers={"host": "warta.example"}).content.decode()
    assert "Sitemap: http://warta.example/sitemap.xml\n" in body


def test_editors_edit_robots_txt_in_the_admin(admin_client):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/syndication/robotstxt/{site.pk}/"
    page = admin_client.get(url)
    assert page.status_code == 200 and DEFAULT_ROBOTS_TXT.split("\n")[0] in page.content.decode()
    response = admin_client.post(url, {"content": "User-agent: *\nDisallow: /arsip/\n"})
    assert response.status_code == 302
    assert "Disallow: /arsip/" in admin_client.get("/robots.txt").content.decode()
