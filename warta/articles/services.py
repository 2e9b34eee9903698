"""Writes on articles: publishing and the bookkeeping a publication needs."""

from __future__ import annotations

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
from warta.images.services import prepare_renditions
from warta.pagecache.services import purge_article
from warta.search.services import index_article
from warta.users.permissions import page_type_allows

CORRECTION_LOG_ACTION = "warta.correction"
TAKEDOWN_LOG_ACTION = "warta.takedown"


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


def record_publication(article: ArticlePage) -> None:
    """Stamp the public publication and update times after Wagtail has published.

    The first publication fixes ``published_at`` (unless the editor or an import
    set it); a later re-publication marks the article as updated. After the
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


def take_down_article(article: ArticlePage, reason: str, text: str = "", user=None) -> Takedown:
    """Pull a published article for a reason from the guideline's list.

    Every newsroom path that pulls a live article ends here: the admin's
    Unpublish (``wagtail_hooks.require_takedown_reason``) and ``warta take-down``;
    bulk unpublish refuses live articles. The takedown keeps the article's address,
    where readers then find a notice with the reason. ``user=None`` is the system
    (CLI). Scheduled expiry, planned when the article was scheduled, is not a
    takedown and stays Wagtail's own.
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
        UnpublishPageAction(article, user=user, log_action=TAKEDOWN_LOG_ACTION).execute(
            skip_permission_checks=True
        )
    return takedown


def _public_path(article: ArticlePage) -> str:
    """The article's address on its site, without scheme and host."""
    _, _, page_path = article.get_url_parts()
    return page_path or ""
