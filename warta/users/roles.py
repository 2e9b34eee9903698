"""The newsroom roles, in one place: what Penulis, Editor and Redaktur may do.

Each role is a Django group. Its rights come in four kinds, all checked by Wagtail
or Django themselves:

- ``permissions``: model permissions (``app_label.codename``). For snippets and
  settings they are the whole story. For page types Wagtail ignores them, so Warta
  adds them as a gate on top of Wagtail's page permissions
  (``warta.users.permissions``): creating a page of a type needs ``add_<type>``,
  editing, publishing, unpublishing or moving it ``change_<type>``, deleting it
  ``delete_<type>``. That is how a Penulis cannot make a kanal and only Redaktur
  deletes anything.
- ``all_page_types``: ``add``/``change``/``delete`` on every page type there is.
- ``page_permissions``: Wagtail page permissions on the site's home page, so on
  every page of the site.
- ``collection_permissions``: image and document permissions on the root collection.

Editors get their page permissions per kanal: every kanal granted to them has a
desk group (``SectionDesk``) holding ``DESK_PAGE_PERMISSIONS`` on that kanal page.

``services.sync_roles`` writes this into the database: the ``users`` migration
does it first, and it runs again after every ``migrate`` so that new models and
changes here take effect. The groups are defined here, not in the admin: changes
made to them in the admin are overwritten by the next ``migrate``.
"""

from __future__ import annotations

from dataclasses import dataclass

PENULIS = "Penulis"
EDITOR = "Editor"
REDAKTUR = "Redaktur"


@dataclass(frozen=True)
class Role:
    name: str
    description: str
    permissions: tuple[str, ...] = ()
    all_page_types: bool = False
    page_permissions: tuple[str, ...] = ()
    collection_permissions: tuple[str, ...] = ()


ROLES: tuple[Role, ...] = (
    Role(
        name=PENULIS,
        description=(
            "Menulis berita di semua kanal dan menyunting drafnya sendiri, lalu mengajukan "
            "ke editor. Tidak dapat menerbitkan, menarik atau menghapus berita. Membuat "
            "dan menyunting profil kontributornya sendiri."
        ),
        permissions=(
            "wagtailadmin.access_admin",
            "articles.add_articlepage",
            "articles.change_articlepage",
            # Her own contributor profile only: see permissions.OwnRecordPermissionPolicy.
            "people.add_person",
            "people.view_person",
        ),
        page_permissions=("add_page",),
        collection_permissions=("wagtailimages.add_image", "wagtailimages.choose_image"),
    ),
    Role(
        name=EDITOR,
        description=(
            "Menyunting, menerbitkan, menjadwalkan dan menarik berita di kanal yang "
            "diberikan kepadanya (lihat Editor kanal), serta menyetujui ajuan penulis."
        ),
        permissions=(
            "wagtailadmin.access_admin",
            "articles.add_articlepage",
            "articles.change_articlepage",
            "articles.add_wireagency",
            "articles.change_wireagency",
            "articles.view_wireagency",
            "people.add_person",
            "people.change_person",
            "people.view_person",
            "replies.add_reply",
            "replies.change_reply",
            "replies.view_reply",
        ),
        collection_permissions=(
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.choose_image",
        ),
    ),
    Role(
        name=REDAKTUR,
        description=(
            "Semua berita di semua kanal, termasuk menghapus; kanal, beranda, pengaturan "
            "situs, pengguna dan editor kanal, pemberitahuan dan iklan."
        ),
        permissions=(
            "wagtailadmin.access_admin",
            "articles.add_wireagency",
            "articles.change_wireagency",
            "articles.delete_wireagency",
            "articles.view_wireagency",
            "people.add_person",
            "people.change_person",
            "people.delete_person",
            "people.view_person",
            "replies.add_reply",
            "replies.change_reply",
            "replies.delete_reply",
            "replies.view_reply",
            "notices.add_notice",
            "notices.change_notice",
            "notices.delete_notice",
            "notices.view_notice",
            "advertising.add_adslot",
            "advertising.change_adslot",
            "advertising.delete_adslot",
            "advertising.view_adslot",
            "advertising.change_adstxt",
            "masthead.change_sitesettings",
            "syndication.change_robotstxt",
            "users.add_user",
            "users.change_user",
            "users.delete_user",
            "users.view_user",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
        ),
        all_page_types=True,
        page_permissions=(
            "add_page",
            "change_page",
            "publish_page",
            "bulk_delete_page",
            "lock_page",
            "unlock_page",
        ),
        collection_permissions=(
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.delete_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.change_document",
            "wagtaildocs.delete_document",
            "wagtaildocs.choose_document",
        ),
    ),
)

# What an editor may do inside each kanal granted to them (and on the kanal page,
# where the page-type gate still keeps them from editing the kanal itself).
DESK_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
DESK_GROUP_PREFIX = "Editor: "

REVIEW_WORKFLOW = "Tinjauan redaksi"
REVIEW_TASK = "Persetujuan editor kanal"

# What Wagtail's own migrations set up and Warta replaces with the roles above.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def role(name: str) -> Role:
    return next(r for r in ROLES if r.name == name)
