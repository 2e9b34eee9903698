"""Admin wiring for articles: wire agencies, corrections and takedowns."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from warta.articles import editing  # noqa: F401  (registers the stale-save check)
from warta.articles.forms import TakedownForm
from warta.articles.models import ArticlePage, WireAgency
from warta.articles.services import (
    CORRECTION_LOG_ACTION,
    TAKEDOWN_LOG_ACTION,
    may_correct,
    take_down_article,
)
from warta.articles.views import admin_corrections


class WireAgencyViewSet(SnippetViewSet):
    model = WireAgency
    icon = "globe"
    menu_label = "Kantor berita"
    list_display = ["name", "url"]


register_snippet(WireAgencyViewSet)


# The press council's rules (Pedoman Pemberitaan Media Siber) ---------------------
#
# Pencabutan: Wagtail's unpublish view stays, but for a live article its POST is
# taken over by ``require_takedown_reason``: without a valid reason it shows the
# reason form (posting back to the same address), with one it calls
# ``services.take_down_article``. Bulk unpublish refuses live articles; the CLI
# has ``warta take-down``, which needs a reason too.


def _is_live_article(page) -> bool:
    return page.live and page.specific_class is ArticlePage


@hooks.register("before_unpublish_page")
def require_takedown_reason(request, page):
    if not _is_live_article(page):
        return None
    article = page.specific
    next_url = get_valid_next_url_from_request(request) or reverse(
        "wagtailadmin_explore", args=[article.get_parent().pk]
    )
    form = TakedownForm(request.POST if "takedown" in request.POST else None)
    if form.is_valid():
        try:
            take_down_article(
                article, form.cleaned_data["reason"], form.cleaned_data["text"], request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Berita “{article.title}” ditarik.")
            return redirect(next_url)
    return TemplateResponse(
        request,
        "articles/admin/takedown.html",
        {
            "page": article,
            "page_title": "Tarik berita",
            "page_subtitle": article.title,
            "header_icon": "download",
            "form": form,
            "next_url": next_url,
            "action_url": reverse("wagtailadmin_pages:unpublish", args=[article.pk]),
        },
    )


@hooks.register("before_bulk_action")
def refuse_bulk_takedown(request, action_type, objects, action_class_instance):
    if action_type != "unpublish":
        return None
    live = [page for page in objects if isinstance(page, Page) and _is_live_article(page)]
    if not live:
        return None
    titles = ", ".join(f"“{page.title}”" for page in live[:5])
    messages.error(
        request,
        "Berita yang tayang hanya dapat ditarik satu per satu dengan alasan pencabutan: "
        f"{titles}. Tidak ada halaman yang ditarik.",
    )
    return redirect(
        get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore_root")
    )


class TakedownLogFormatter(LogFormatter):
    label = "Berita ditarik (pencabutan)"


class CorrectionLogFormatter(LogFormatter):
    label = "Ralat dimuat"

    def format_message(self, log_entry):
        return f"Ralat dimuat: {log_entry.data.get('text', '')}"


@hooks.register("register_log_actions")
def register_press_log_actions(actions):
    actions.register_action(TAKEDOWN_LOG_ACTION)(TakedownLogFormatter)
    actions.register_action(CORRECTION_LOG_ACTION)(CorrectionLogFormatter)


# Ralat: an admin page per article, reached from the article's "more" menus.


@hooks.register("register_admin_urls")
def register_correction_urls():
    return [
        path("berita/<int:page_id>/ralat/", admin_corrections, name="articles_corrections"),
    ]


def _correction_button(page, user, priority: int):
    if _is_live_article(page) and may_correct(user, page):
        return Button(
            "Ralat",
            reverse("articles_corrections", args=[page.pk]),
            icon_name="edit",
            priority=priority,
        )
    return None


@hooks.register("register_page_listing_more_buttons")
def correction_listing_button(page, user, next_url=None):
    if button := _correction_button(page, user, priority=45):
        yield button


@hooks.register("register_page_header_buttons")
def correction_header_button(page, user, view_name=None, next_url=None):
    if button := _correction_button(page, user, priority=62):
        yield button
