"""Admin wiring for the importers: the "Impor teks" page and its menu item."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from warta.importers.views import ImportTextView, can_import


class ImportTextMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("impor-teks/", ImportTextView.as_view(), name="importers_import_text")]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportTextMenuItem(
        "Impor teks", reverse("importers_import_text"), icon_name="upload", order=250
    )
