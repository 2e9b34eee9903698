"""Stored originals are never public: /media/original_images/ answers 404 to anyone,
editors open an original through the admin, files carry unguessable names, and reader
pages, feeds and sitemaps link renditions only."""

import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from PIL import Image
from wagtail.models import Site

from warta.advertising.models import AdSlot
from warta.images.models import WartaImage
from warta.images.queries import is_private_media
from warta.images.services import ALL_SPECS, AS_UPLOADED_SPEC, PROTECTED_NAME
from warta.masthead.models import SiteSettings
from warta.testing.factories import home_page, make_article, make_image
from warta.testing.photos import metadata_left, phone_photo
from warta.users.roles import EDITOR

pytestmark = pytest.mark.django_db

TOKEN = r"[a-z2-7]{16}"


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_original_is_404_to_readers_but_renditions_are_served(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image()
    assert image.file.storage.exists(image.file.name)
    assert client.get(image.file.url).status_code == 404
    doubled = image.file.url.replace("/original_images/", "//original_images/")
    assert client.get(doubled).status_code == 404
    rendition = image.renditions.get(filter_spec="fill-1200x630|format-jpeg")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


@pytest.mark.parametrize(
    ("path", "private"),
    [
        ("original_images/abc.jpg", True),
        ("images/../original_images/abc.jpg", True),
        ("/original_images/abc.jpg", True),
        ("ORIGINAL_IMAGES/abc.jpg", True),
        ("images\\..\\original_images\\abc.jpg", True),
        ("images/abc.fill-480x270.jpg", False),
        ("documents/laporan.pdf", False),
    ],
)
def test_private_media_however_spelled(path, private):
    assert is_private_media(path) is private


def test_file_names_start_with_a_random_token(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, second = make_image(title="Sama"), make_image(title="Sama")
    for image in (first, second):
        assert PROTECTED_NAME.match(image.file.name), image.file.name
        token = image.file.name.split("/")[1][:16]
        assert image.renditions.count() == len(ALL_SPECS)
        for rendition in image.renditions.all():
            # its own token, then the original's (as far as Wagtail's cut keeps it)
            assert re.match(rf"^images/{TOKEN}-{token}", rendition.file.name), rendition.file.name
    assert first.file.name.split("/")[1][:16] != second.file.name.split("/")[1][:16]


def test_embargoed_article_image_cannot_be_fetched(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image(title="Foto embargo")
        article = make_article(
            lead_image=image, publish=False, go_live_at=timezone.now() + timedelta(days=1)
        )
    article.save_revision().publish()  # scheduled: not live until go_live_at
    article.refresh_from_db()
    assert not article.live
    assert client.get(image.file.url).status_code == 404
    assert client.get(article.url or "/").status_code in (200, 404)
    # nothing a reader can see names the image's files
    for url in ("/", "/feed/rss/", "/sitemap.xml", "/indeks/"):
        body = _body(client.get(url)).decode()
        assert image.file.name.split("/")[1][:16] not in body, url


def test_reader_pages_feeds_and_sitemaps_link_no_original(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(lead_image=make_image(), tags=["uji"])
        creative = make_image(title="Iklan", width=728, height=90)
        AdSlot.objects.create(
            name="Leaderboard", position="below_masthead", size="728x90", creative=creative
        )
        masthead = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        masthead.logo = make_image(title="Logo", width=600, height=120)
        masthead.save()
    home = client.get("/").content.decode()
    assert creative.renditions.get(filter_spec=AS_UPLOADED_SPEC).url in home  # the ad shows
    urls = [article.url, home_page().url, article.get_parent().url, "/tag/uji/", "/indeks/"]
    urls += ["/feed/rss/", "/feed/atom/", "/feed/full/rss/", "/sitemap-news.xml"]
    index = _body(client.get("/sitemap.xml")).decode()
    sitemaps = [
        loc.split("://", 1)[1].split("/", 1)[1] for loc in re.findall("<loc>([^<]+)", index)
    ]
    assert sitemaps
    urls += ["/sitemap.xml"] + ["/" + path for path in sitemaps]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"original_images" not in _body(response), url


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor-asli", "e@example.com", "rahasia-123")
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


def test_editor_opens_the_original_through_the_admin(client, editor):
    image = make_image()
    url = f"/admin/gambar/{image.pk}/asli/"
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


def test_admin_user_without_image_rights_cannot_open_originals(client):
    user = get_user_model().objects.create_user("tamu", "t@example.com", "rahasia-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(f"/admin/gambar/{make_image().pk}/asli/")
    # Wagtail turns PermissionDenied in the admin into a redirect to the dashboard
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_protect_images_cleans_and_renames_what_was_stored_before(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image()
        storage = image.file.storage
        old_name = storage.save("original_images/foto-lama.jpg", ContentFile(phone_photo()))
        WartaImage.objects.filter(pk=image.pk).update(file=old_name, width=1600, height=900)
    image.refresh_from_db()
    old_renditions = [r.file.name for r in image.renditions.all()]

    with django_capture_on_commit_callbacks(execute=True):
        call_command("protect_images", stdout=io.StringIO())

    image.refresh_from_db()
    assert PROTECTED_NAME.match(image.file.name)
    assert not storage.exists(old_name)
    assert not any(storage.exists(name) for name in old_renditions)
    with image.open_file() as f:
        data = f.read()
    assert metadata_left(data) == []
    assert (image.width, image.height) == Image.open(io.BytesIO(data)).size == (900, 1600)
    assert image.renditions.count() == len(ALL_SPECS)
    for rendition in image.renditions.all():
        with rendition.file.open("rb") as f:
            assert metadata_left(f.read()) == []
    out = io.StringIO()
    call_command("protect_images", "--dry-run", stdout=out)
    assert out.getvalue().startswith("0 gambar")


def test_edit_page_links_the_original_through_the_admin(client, editor):
    image = make_image()
    client.force_login(editor)
    response = client.get(f"/admin/images/{image.pk}/")
    assert response.status_code == 200
    assert f'href="/admin/gambar/{image.pk}/asli/"' in response.content.decode()
