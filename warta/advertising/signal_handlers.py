"""Ad slots are on every reader page, and ads.txt is served from the page cache
like a page: adding, changing or removing either purges every cached page after
the commit (soft: the first reader rebuilds)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from warta.pagecache.services import purge_all


def on_advertising_changed(sender, instance, **kwargs):
    purge_all()


def connect():
    from warta.advertising.models import AdSlot, AdsTxt

    for model in (AdSlot, AdsTxt):
        label = model._meta.model_name
        post_save.connect(
            on_advertising_changed, sender=model, dispatch_uid=f"advertising-{label}-saved"
        )
        post_delete.connect(
            on_advertising_changed, sender=model, dispatch_uid=f"advertising-{label}-deleted"
        )
