"""The kanal menu is on every reader page. Publishing a kanal already purges every
cached page (``pagecache.signal_handlers``); moving or reordering one in the page
explorer publishes nothing, so it purges here (soft, after the commit)."""

from __future__ import annotations

from wagtail.signals import post_page_move

from warta.pagecache.services import purge_all


def on_section_moved(sender, instance, **kwargs):
    purge_all()


def connect():
    from warta.sections.models import SectionPage

    post_page_move.connect(on_section_moved, sender=SectionPage, dispatch_uid="sections-moved")
