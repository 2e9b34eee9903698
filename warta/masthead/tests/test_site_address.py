import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.models import Site

from warta.cli.main import _base_url
from warta.masthead.services import SiteAddress, parse_site_address


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://warta.example", SiteAddress("warta.example", 443)),
        ("https://warta.example/", SiteAddress("warta.example", 443)),
        ("http://127.0.0.1:8011", SiteAddress("127.0.0.1", 8011)),
        ("http://berita.example", SiteAddress("berita.example", 80)),
    ],
)
def test_parse_site_address(url, expected):
    assert parse_site_address(url) == expected


@pytest.mark.parametrize(
    "url", ["", "warta.example", "ftp://warta.example", "https://warta.example/berita/"]
)
def test_parse_site_address_refuses(url):
    with pytest.raises(ValidationError):
        parse_site_address(url)


@pytest.mark.django_db
def test_set_site_address_command_changes_absolute_urls(capsys):
    call_command("set_site_address", "https://warta.example")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("warta.example", 443)
    assert site.root_url == "https://warta.example"
    assert site.root_page.specific.full_url == "https://warta.example/"
    assert "https://warta.example" in capsys.readouterr().out


@pytest.mark.django_db
def test_set_site_address_command_says_what_is_wrong():
    with pytest.raises(CommandError, match="Alamat situs tidak sah"):
        call_command("set_site_address", "warta.example")


def test_warta_run_serves_under_its_own_address():
    assert _base_url("127.0.0.1", 8011) == "http://127.0.0.1:8011"
    assert _base_url("0.0.0.0", 8000) == "http://127.0.0.1:8000"  # noqa: S104
