"""Writes on articles: publishing and the bookkeeping a publication needs."""

from __future__ import annotations

import logging
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log

from warta.articles.models import (
    UPDATE_GRACE,
    ArticlePage,
    Correction,
    Takedown,
    TakedownReason,
)
from warta.articles.updates import story_changed
from warta.images.services import prepare_renditions
from warta.pagecache.services import purge_article
from warta.search.services import index_article
from warta.users.permissions import page_type_allows

CORRECTION_LOG_ACTION = "warta.correction"
TAKEDOWN_LOG_ACTION = "warta.takedown"
# The notice of an article whose planned end came without a stored reason.
EXPIRY_FALLBACK_TEXT = "Masa tayang berita ini berakhir sesuai jadwal redaksi."

logger = logging.getLogger(__name__)


def publish_article(article: ArticlePage, user=None) -> ArticlePage:
    """Publish the article's current state, exactly as the admin's Publish button does.

    A republished article without its source is refused here too, for the paths
    that do not go through the admin form (import, CLI, tests)."""
    if errors := article.source_errors():
        raise ValidationError(errors)
    revision = article.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    article.refresh_from_db()
    return article


def record_publication(article: ArticlePage, revision=None) -> None:
    """Stamp the public publication and update times after Wagtail has published.

    The first publication fixes ``published_at`` (unless the editor or an import
    set it); a later re-publication marks the article as updated only when the
    story changed (``updates.story_changed``: headline, summary, lead image,
    body), not for a flag, a label or a tag. After the
    commit the article's search document is rewritten (a failure there is logged
    and never undoes the publication; ``warta reindex-articles`` repairs it).
    """
    if not article.live:
        # Wagtail also sends page_published when Publish with a future go-live time
        # only schedules a new page; it is stamped when the scheduler publishes it.
        return
    changes = {}
    if article.published_at is None:
        changes["published_at"] = article.first_published_at or timezone.now()
    elif (
        article.first_published_at
        and article.last_published_at
        and article.last_published_at - article.first_published_at > UPDATE_GRACE
        and story_changed(article.pk, revision or article.live_revision)
    ):
        changes["updated_at"] = article.last_published_at
    if changes:
        ArticlePage.objects.filter(pk=article.pk).update(**changes)
        for field, value in changes.items():
            setattr(article, field, value)
    if article.lead_image_id:
        image_id = article.lead_image_id
        transaction.on_commit(lambda: prepare_renditions(image_id))
    transaction.on_commit(partial(index_article, article.pk), robust=True)


# The press council's rules (Pedoman Pemberitaan Media Siber) ---------------------


def may_correct(user, article: ArticlePage) -> bool:
    """Editors and Redaktur who may publish the article may append a correction."""
    return article.permissions_for_user(user).can_publish() and page_type_allows(
        user, ArticlePage, "publish"
    )


def may_take_down(user, article: ArticlePage) -> bool:
    """Whoever may unpublish the article (Editor in their kanal, Redaktur)."""
    return article.permissions_for_user(user).can_unpublish() and page_type_allows(
        user, ArticlePage, "unpublish"
    )


def add_correction(article: ArticlePage, text: str, user=None) -> Correction:
    """Append a ralat to a published article and mark the article as updated.

    Corrections are append-only: this is their only writer, and nothing edits or
    removes one. The article's ``updated_at`` moves to the correction's time
    without a new revision or publication, so the page's "Diperbarui" and its
    structured data's ``dateModified`` follow. ``user=None`` is the system (CLI).
    """
    if user is not None and not may_correct(user, article):
        raise PermissionDenied("Hanya Editor dan Redaktur yang dapat menambahkan ralat.")
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Isi ralat tidak boleh kosong."})
    if not article.live:
        raise ValidationError("Ralat hanya dapat ditambahkan pada berita yang sudah tayang.")
    with transaction.atomic():
        correction = Correction.objects.create(article=article, text=text, created_by=user)
        ArticlePage.objects.filter(pk=article.pk).update(updated_at=correction.created_at)
        article.updated_at = correction.created_at
        log(
            instance=article,
            action=CORRECTION_LOG_ACTION,
            user=user,
            data={"text": text[:500]},
        )
        # No publication happens, so no page_published: purge the cached pages here.
        purge_article(article)
    return correction


def take_down_article(
    article: ArticlePage,
    reason: str,
    text: str = "",
    user=None,
    *,
    set_expired: bool = False,
    log_action: str = TAKEDOWN_LOG_ACTION,
) -> Takedown:
    """Pull a published article for a reason from the guideline's list.

    Every newsroom path that pulls a live article ends here: the admin's
    Unpublish (``wagtail_hooks.require_takedown_reason``), ``warta take-down``
    and the scheduler's expiry (``expire_article``); bulk unpublish and deleting
    a live article are refused in the admin. The takedown keeps the article's
    address, where readers then find a notice with the reason, even after the
    article is deleted. ``user=None`` is the system (CLI, scheduler).
    """
    if user is not None and not may_take_down(user, article):
        raise PermissionDenied("Anda tidak berhak menarik berita ini.")
    text = (text or "").strip()
    if reason not in TakedownReason.values:
        raise ValidationError({"reason": "Pilih alasan pencabutan dari daftar."})
    if reason == TakedownReason.LAINNYA and not text:
        raise ValidationError({"text": "Jelaskan alasan pencabutan bila memilih alasan lain."})
    if not article.live:
        raise ValidationError("Berita ini tidak sedang tayang.")
    with transaction.atomic():
        takedown = Takedown.objects.create(
            article=article,
            path=_public_path(article),
            reason=reason,
            text=text,
            created_by=user,
        )
        UnpublishPageAction(
            article, set_expired=set_expired, user=user, log_action=log_action
        ).execute(skip_permission_checks=True)
    return takedown


def expire_article(article: ArticlePage, log_action: str = TAKEDOWN_LOG_ACTION) -> Takedown:
    """End a published article at its "Berakhir tayang" time: a takedown with the
    reason the editor gave with the expiry time, by the system.

    The admin form refuses an expiry time without a reason. One stored without a
    usable reason (before the rule, or written outside the admin) still ends on
    time, with :data:`EXPIRY_FALLBACK_TEXT` as its reason: the planned end is kept
    and the old address still explains the removal.
    """
    reason, text = article.expiry_reason, article.expiry_reason_text.strip()
    if reason not in TakedownReason.values or (reason == TakedownReason.LAINNYA and not text):
        logger.warning(
            "Article %s expires without a takedown reason; using the default notice", article.pk
        )
        reason, text = TakedownReason.LAINNYA, EXPIRY_FALLBACK_TEXT
    return take_down_article(
        article, reason, text, user=None, set_expired=True, log_action=log_action
    )


def _public_path(article: ArticlePage) -> str:
    """The article's address on its site, without scheme and host."""
    _, _, page_path = article.get_url_parts()
    return page_path or ""
