"""Links shared before an article's slug or kanal changed keep working: Wagtail's
redirects app records the old path when a page's slug changes or it moves
(WAGTAILREDIRECTS_AUTO_CREATE, on by default) and its middleware answers with a 301."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from warta.testing.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def _rename(article, slug):
    article.slug = slug
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def _assert_moved(client, old_url, new_url):
    response = client.get(old_url)
    assert response.status_code == 301, old_url
    assert response["Location"].endswith(new_url)
    assert client.get(response["Location"]).status_code == 200


def test_slug_change_answers_the_old_url_with_301(client, django_capture_on_commit_callbacks):
    article = make_article(title="Banjir di Jakarta")
    old_url = article.url
    with django_capture_on_commit_callbacks(execute=True):
        article = _rename(article, "banjir-besar-di-jakarta")
    assert article.url != old_url
    _assert_moved(client, old_url, article.url)


def test_moving_to_another_kanal_answers_the_old_url_with_301(client):
    article = make_article(section=make_section("Nasional"))
    old_url = article.url
    article.move(make_section("Ekonomi"), pos="last-child")
    article.refresh_from_db()
    assert "/ekonomi/" in article.url
    _assert_moved(client, old_url, article.url)


def test_every_old_url_goes_straight_to_the_newest(client, django_capture_on_commit_callbacks):
    """Two renames and a move: each old URL answers with one 301 to the current one,
    never a chain of hops."""
    article = make_article(section=make_section("Nasional"))
    urls = [article.url]
    with django_capture_on_commit_callbacks(execute=True):
        urls.append(_rename(article, "dua").url)
    with django_capture_on_commit_callbacks(execute=True):
        urls.append(_rename(article, "tiga").url)
    article.move(make_section("Ekonomi"), pos="last-child")
    article.refresh_from_db()
    assert len(set(urls + [article.url])) == 4
    for old_url in urls:
        _assert_moved(client, old_url, article.url)
    assert Redirect.objects.filter(is_permanent=True).count() == 3


def test_renaming_back_serves_the_page_not_a_loop(client, django_capture_on_commit_callbacks):
    article = make_article()
    original_slug = article.slug
    first = article.url
    with django_capture_on_commit_callbacks(execute=True):
        second = _rename(article, "kedua").url
    with django_capture_on_commit_callbacks(execute=True):
        _rename(article, original_slug)
    assert client.get(first).status_code == 200
    _assert_moved(client, second, first)
