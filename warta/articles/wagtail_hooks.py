"""Admin wiring for articles: wire agencies, corrections and takedowns."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
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
from warta.articles.queries import live_articles_within
from warta.articles.services import (
    CORRECTION_LOG_ACTION,
    TAKEDOWN_LOG_ACTION,
    expire_article,
    may_correct,
    take_down_article,
)
from warta.articles.views import admin_corrections
from warta.scheduling.services import EXPIRY_HOOK


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
# has ``warta take-down``, which needs a reason too. Deleting (one page or in
# bulk) is refused while a live article would go with it: pulled first, an
# article's notice outlives its deletion. A planned end ("Berakhir tayang") needs
# a reason in the form and is a takedown when the scheduler reaches it.


def _is_live_article(page) -> bool:
    return page.live and page.specific_class is ArticlePage


@hooks.register("before_unpublish_page")
def require_takedown_reason(request, page):
    if not _is_live_article(page):
        # A kanal unpublished "with its subpages" would pull its live articles.
        if request.POST.get("include_descendants"):
            return _refuse_pulling_articles_below(request, [page])
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
    pages = [page for page in objects if isinstance(page, Page)]
    if request.POST.get("include_descendants"):
        return _refuse_pulling_articles_below(request, pages)
    return _refuse_pulling(request, [page for page in pages if _is_live_article(page)])


def _refuse_pulling_articles_below(request, pages):
    """Unpublishing pages with their subpages: refused while live articles are among
    them, which are pulled one by one with a reason."""
    return _refuse_pulling(request, live_articles_within(pages))


def _refuse_pulling(request, live):
    """A redirect with the refusal when ``live`` articles would be pulled in bulk."""
    if not live:
        return None
    messages.error(
        request,
        "Berita yang tayang hanya dapat ditarik satu per satu dengan alasan pencabutan: "
        f"{_titles(live)}. Tidak ada halaman yang ditarik.",
    )
    return redirect(
        get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore_root")
    )


def _titles(pages, shown: int = 5) -> str:
    """“A”, “B” dan 3 lainnya: the first few titles for a message."""
    titles = ", ".join(f"“{page.title}”" for page in pages[:shown])
    return titles + (f" dan {len(pages) - shown} lainnya" if len(pages) > shown else "")


def _refuse_deleting_live_articles(request, pages):
    """A redirect with the refusal when deleting ``pages`` would take a live article
    (the page itself, or one under a kanal) off the site; None otherwise."""
    live = live_articles_within(pages)
    if not live:
        return None
    messages.error(
        request,
        f"Berita yang sedang tayang tidak dapat dihapus: {_titles(live)}. Tarik berita itu "
        "lebih dulu dengan alasan pencabutan (Tarik berita), lalu hapus. "
        "Tidak ada halaman yang dihapus.",
    )
    parent = pages[0].get_parent() if len(pages) == 1 else None
    return redirect(
        get_valid_next_url_from_request(request)
        or (reverse("wagtailadmin_explore", args=[parent.pk]) if parent else None)
        or reverse("wagtailadmin_explore_root")
    )


@hooks.register("before_delete_page")
def refuse_deleting_a_live_article(request, page):
    return _refuse_deleting_live_articles(request, [page])


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_live_articles(request, action_type, objects, action_class_instance):
    if action_type != "delete":
        return None
    pages = [page for page in objects if isinstance(page, Page)]
    return _refuse_deleting_live_articles(request, pages) if pages else None


@hooks.register(EXPIRY_HOOK)
def expire_article_with_notice(obj, log_action):
    """The scheduler's expiry of an article: a takedown with the stored reason."""
    if not isinstance(obj, ArticlePage):
        return False
    expire_article(obj, log_action=log_action)
    return True


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


@hooks.register("insert_editor_js")
def editing_js():
    """Keeps the page editor's full save in step with its autosave (see ``editing``)."""
    return format_html('<script src="{}"></script>', static("articles/editing.js"))


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


# Berita: the flat listing of every article (admin_listing.py).


@hooks.register("register_admin_viewset")
def register_article_listing():
    from warta.articles.admin_listing import article_listing_viewset

    return article_listing_viewset


# The editor's desk (review.py): the review queue first on the dashboard, approve
# actions that say whether they publish or schedule, and "dicabut" in listings.


@hooks.register("construct_homepage_panels")
def review_queue_first(request, panels):
    from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

    from warta.articles.review import ReviewQueuePanel

    panels[:] = [p for p in panels if type(p) is not WorkflowObjectsToModeratePanel]
    panels.append(ReviewQueuePanel(request))


@hooks.register("construct_page_action_menu")
def approve_says_what_it_does(menu_items, request, context):
    from warta.articles.review import relabel_approve_items

    relabel_approve_items(menu_items, request, context)


@hooks.register("after_edit_page")
def approve_says_scheduled(request, page):
    from warta.articles.review import say_approval_scheduled

    say_approval_scheduled(request, page)


@hooks.register("insert_editor_js")
def review_js():
    return format_html('<script src="{}"></script>', static("articles/review.js"))


@hooks.register("construct_explorer_page_queryset")
def explorer_takedown_status(parent_page, pages, request):
    from warta.articles.queries import with_takedown

    return with_takedown(pages)
