"""The notice bar is on every reader page: adding, changing or removing a notice
purges every cached page after the commit (soft: the first reader rebuilds)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from warta.pagecache.services import purge_all


def on_notice_changed(sender, instance, **kwargs):
    purge_all()


def connect():
    from warta.notices.models import Notice

    post_save.connect(on_notice_changed, sender=Notice, dispatch_uid="notices-notice-saved")
    post_delete.connect(on_notice_changed, sender=Notice, dispatch_uid="notices-notice-deleted")
