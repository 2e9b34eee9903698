"""Uploads reach us only by signal; make their renditions then, not at read time."""

from django.db import transaction
from django.db.models.signals import post_save

from warta.images.models import WartaImage
from warta.images.services import prepare_renditions


def on_image_saved(sender, instance, created, **kwargs):
    if kwargs.get("raw"):
        return
    image_id = instance.pk
    transaction.on_commit(lambda: prepare_renditions(image_id))


def connect():
    post_save.connect(on_image_saved, sender=WartaImage)
