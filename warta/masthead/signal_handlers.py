"""Every reader page shows the masthead: the site's name, logo, tagline, dateline
and the time zone its dates are written in. Changing any of them purges every
cached page after the commit (a soft purge: the first reader rebuilds a page, the
next ones get the new copy), so no page keeps showing WIB once the site says WITA."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from warta.pagecache.services import purge_all


def on_site_settings_changed(sender, instance, created=False, **kwargs):
    # The row is created by the first read (``SiteSettings.for_site`` gets or creates
    # it) holding the defaults every page was just rendered with: nothing to purge.
    # Without this, the first reader of a fresh site emptied the whole cache.
    if created:
        return
    purge_all()


def connect():
    from warta.masthead.models import SiteSettings

    post_save.connect(
        on_site_settings_changed, sender=SiteSettings, dispatch_uid="masthead-settings-saved"
    )
    post_delete.connect(
        on_site_settings_changed, sender=SiteSettings, dispatch_uid="masthead-settings-deleted"
    )
