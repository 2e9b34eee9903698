"""Admin wiring for pictures: the editors-only view of a stored original."""

from django.urls import path
from wagtail import hooks

from warta.images import views


@hooks.register("register_admin_urls")
def register_original_file_url():
    return [
        path("gambar/<int:image_id>/asli/", views.original_file, name="warta_image_original"),
    ]
