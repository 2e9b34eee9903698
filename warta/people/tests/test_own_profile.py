"""Contributor profiles in the admin: the slug is made from the name when left empty;
a Penulis creates and edits her own profile (byline) and no one else's."""

from __future__ import annotations

import pytest

from warta.people.models import Person
from warta.testing.factories import make_person, make_user, signed_in_client
from warta.users.roles import EDITOR, PENULIS

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/people/person/add/"


def _edit(person) -> str:
    return f"/admin/snippets/people/person/edit/{person.pk}/"


def _form(name: str, **extra) -> dict:
    return {"name": name, "slug": "", "role": "penulis", "bio": "", "photo": "", **extra}


def test_penulis_creates_her_byline_typing_only_the_name():
    writer, other = make_user("penulis", PENULIS), make_user("penulis_lain", PENULIS)
    make_person("Sri Wahyuni")  # another Sri Wahyuni already writes here
    client = signed_in_client(writer)
    form_page = client.get(ADD).content.decode()
    assert 'name="user"' not in form_page  # she does not pick the account

    response = client.post(ADD, _form("Sri Wahyuni", user=other.pk))

    assert response.status_code == 302, response.content.decode()[:2000]
    mine = Person.objects.get(user=writer)
    assert (mine.name, mine.slug) == ("Sri Wahyuni", "sri-wahyuni-2")
    assert not Person.objects.filter(user=other).exists()

    # Editing keeps her account and the profile's address, even with the slug emptied.
    response = client.post(_edit(mine), _form("Sri Wahyuni Putri", bio="Reporter kota."))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.name, mine.slug, mine.user) == ("Sri Wahyuni Putri", "sri-wahyuni-2", writer)

    # One profile only, and nobody else's.
    assert client.get(ADD).status_code in (302, 403)
    client.post(ADD, _form("Nama Samaran"))
    assert not Person.objects.filter(name="Nama Samaran").exists()
    someone = Person.objects.get(slug="sri-wahyuni")
    assert client.get(_edit(someone)).status_code in (302, 403)
    client.post(_edit(someone), _form("Diubah"))
    someone.refresh_from_db()
    assert someone.name == "Sri Wahyuni"
    client.post(f"/admin/snippets/people/person/delete/{mine.pk}/")
    assert Person.objects.filter(pk=mine.pk).exists()


def test_editor_manages_every_profile_and_links_any_account():
    writer = make_user("penulis", PENULIS)
    client = signed_in_client(make_user("editor", EDITOR))
    add_page = client.get(ADD).content.decode()
    assert 'name="user"' in add_page
    assert "w-sync#apply" in add_page  # the name fills the slug as it is typed

    response = client.post(ADD, _form("Budi Santoso", user=writer.pk))
    assert response.status_code == 302, response.content.decode()[:2000]
    budi = Person.objects.get(slug="budi-santoso")
    assert budi.user == writer
    response = client.post(ADD, _form("Budi Santoso"))
    assert Person.objects.get(slug="budi-santoso-2").user is None

    # A saved profile's address does not follow a renamed contributor.
    assert "w-sync#apply" not in client.get(_edit(budi)).content.decode()
    client.post(_edit(budi), _form("Budi S.", user=writer.pk))
    budi.refresh_from_db()
    assert (budi.name, budi.slug) == ("Budi S.", "budi-santoso")
