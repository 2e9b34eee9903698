"""The roles as the migration and ``sync_roles`` leave them; kanal desks; admin guards."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, ModelLogEntry, get_page_models

from warta.testing.factories import home_page, make_section
from warta.users import roles
from warta.users.queries import editor_sections, sections_with_editors
from warta.users.services import desk_for, set_editor_sections, sync_roles
from warta.users.tests.conftest import client_for, draft, make_user

pytestmark = pytest.mark.django_db


def codenames(group) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def page_permissions(group) -> set[tuple[int, str]]:
    return set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "page_id", "permission__codename"
        )
    )


def test_roles_hold_what_roles_py_defines():
    assert sync_roles() == [], "every permission named in roles.py exists"
    home = home_page()
    for role in roles.ROLES:
        group = Group.objects.get(name=role.name)
        assert set(role.permissions) <= codenames(group)
        assert page_permissions(group) == {(home.pk, name) for name in role.page_permissions}


def test_redaktur_has_every_page_type_and_the_others_only_articles():
    redaktur = codenames(Group.objects.get(name=roles.REDAKTUR))
    for model in get_page_models():
        if model._meta.app_label == "wagtailcore":
            continue
        opts = model._meta
        for action in ("add", "change", "delete"):
            assert f"{opts.app_label}.{action}_{opts.model_name}" in redaktur
    for name in (roles.PENULIS, roles.EDITOR):
        pages = {c for c in codenames(Group.objects.get(name=name)) if "page" in c}
        assert pages == {"articles.add_articlepage", "articles.change_articlepage"}


def test_wagtail_sample_groups_are_gone():
    assert not Group.objects.filter(name__in=roles.WAGTAIL_DEFAULT_GROUPS).exists()


def test_sync_restores_a_role_changed_in_the_admin():
    penulis = Group.objects.get(name=roles.PENULIS)
    penulis.permissions.add(Permission.objects.get(codename="delete_articlepage"))
    GroupPagePermission.objects.create(
        group=penulis,
        page=make_section(),
        permission=Permission.objects.get(codename="publish_page"),
    )

    sync_roles()

    assert "articles.delete_articlepage" not in codenames(penulis)
    assert page_permissions(penulis) == {(home_page().pk, "add_page")}


def test_editor_sections_are_granted_revoked_and_logged(newsroom):
    person = make_user("reporter")
    redaktur = newsroom.redaktur

    set_editor_sections(person, [newsroom.nasional, newsroom.olahraga], by=redaktur)
    assert list(editor_sections(person)) == [newsroom.nasional, newsroom.olahraga]
    assert person.groups.filter(name=roles.EDITOR).exists()
    assert newsroom.olahraga.permissions_for_user(person).can_publish()

    set_editor_sections(person, [newsroom.olahraga], by=redaktur)
    person = type(person).objects.get(pk=person.pk)  # Wagtail caches permissions on the user
    assert list(editor_sections(person)) == [newsroom.olahraga]
    assert not newsroom.nasional.permissions_for_user(person).can_publish()

    set_editor_sections(person, [], by=redaktur)
    assert not person.groups.exists()
    entries = ModelLogEntry.objects.filter(action="warta.editor_sections", object_id=str(person.pk))
    assert entries.count() == 3
    assert {entry.user for entry in entries} == {redaktur}
    assert entries.order_by("timestamp", "pk").first().data["sections"] == [
        {"id": newsroom.nasional.pk, "title": "Nasional"},
        {"id": newsroom.olahraga.pk, "title": "Olahraga"},
    ]


def test_desk_names_stay_unique_for_kanal_with_the_same_title():
    nasional = make_section("Nasional", slug="nasional")
    dunia = make_section("Internasional", slug="internasional")
    first = desk_for(make_section("Politik", parent=nasional, slug="politik"))
    second = desk_for(make_section("Politik", parent=dunia, slug="politik"))
    assert first.name == "Editor: Politik"
    assert second.name == "Editor: Internasional / Politik"
    assert desk_for(make_section("Politik", parent=nasional, slug="politik")) == first


def test_editor_kanal_admin_page(newsroom):
    response = client_for(newsroom.redaktur).get("/admin/editor-kanal/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sari Editor" in page and "Nasional" in page and "Olahraga" in page
    # The slim header's title is its last breadcrumb (it was "Beranda").
    header = page[page.index("<header") : page.index("</header>")]
    assert "Editor kanal" in header.split("<li")[-1]
    assert f"/admin/editor-kanal/{newsroom.penulis.pk}/" in page
    form = client_for(newsroom.redaktur).get(f"/admin/editor-kanal/{newsroom.editor.pk}/")
    assert form.status_code == 200
    assert 'type="checkbox"' in form.content.decode()
    assert sections_with_editors()[0] == (newsroom.nasional, [newsroom.editor])
    users = client_for(newsroom.redaktur).get("/admin/users/").content.decode()
    assert f"/admin/editor-kanal/{newsroom.editor.pk}/" in users
    menu = client_for(newsroom.redaktur).get("/admin/").content.decode()
    assert "/admin/editor-kanal/" in menu

    for user in (newsroom.penulis, newsroom.editor):
        refused = client_for(user).get("/admin/editor-kanal/")
        assert refused.status_code == 302 and refused["Location"] == "/admin/"


def test_redaktur_cannot_change_or_disable_an_administrator(newsroom, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "rahasia")
    redaktur = client_for(newsroom.redaktur)

    assert redaktur.get(f"/admin/users/edit/{admin.pk}/").status_code == 302
    redaktur.post(
        f"/admin/users/edit/{admin.pk}/",
        {
            "username": "admin",
            "email": "saya@example.com",
            "first_name": "Admin",
            "last_name": "Situs",
            "is_active": "on",
            "is_superuser": "on",
        },
    )
    redaktur.post(
        f"/admin/bulk/users/user/set_active_state/?id={admin.pk}", {"mark_as_active": "False"}
    )

    admin.refresh_from_db()
    assert admin.email == "admin@example.com" and admin.is_active
    # A newsroom account is the Redaktur's to manage.
    response = redaktur.post(
        f"/admin/users/edit/{newsroom.penulis.pk}/",
        {
            "username": "penulis",
            "email": "budi@example.com",
            "first_name": "Budi",
            "last_name": "Penulis",
            "is_active": "on",
            "groups": [Group.objects.get(name=roles.PENULIS).pk],
        },
    )
    assert response.status_code == 302
    newsroom.penulis.refresh_from_db()
    assert newsroom.penulis.email == "budi@example.com"


def test_explorer_leaves_out_what_the_role_may_not_do(newsroom):
    own = draft(newsroom.nasional, newsroom.penulis)
    listing = client_for(newsroom.penulis).get(f"/admin/pages/{newsroom.nasional.pk}/")
    html = listing.content.decode()
    assert f"/admin/pages/{own.pk}/edit/" in html
    assert f"/admin/pages/{own.pk}/delete/" not in html
    redaktur_html = client_for(newsroom.redaktur).get(f"/admin/pages/{newsroom.nasional.pk}/")
    assert f"/admin/pages/{own.pk}/delete/" in redaktur_html.content.decode()
