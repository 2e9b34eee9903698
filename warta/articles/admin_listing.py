"""Berita: a flat admin listing of every article, built for a newsroom's 100,000.

Wagtail's ``PageListingViewSet`` with filters by kanal, penulis (the byline),
status and date, a headline search and pagination. What it changes from
Wagtail's own page listing, and why (figures: ``bench/admin_scale.py`` and
``bench/README.md``):

- **Ids first, rows after.** The filtered, searched queryset is counted, sorted
  and sliced as bare ids; only the 50 rows shown are then fetched with Wagtail's
  annotations. Wagtail sorts the annotated rows (two correlated subqueries a row,
  every column) through all 100,000 articles: 0.7-1 s of SQL on SQLite.
- **Permissions as path ranges.** Wagtail limits its listing with
  ``pk IN (SELECT id FROM wagtailcore_page WHERE path LIKE ...)``. Here the user's
  own page permissions become ``path BETWEEN`` conditions (``under``): an Editor
  sees the articles of their kanal, a Penulis (only "add") the articles they own,
  which are the ones Wagtail lets them edit; a Redaktur, whose rights cover every
  kanal, gets no condition at all.
- **Headline search in SQL.** ``title LIKE '%...%'`` instead of the search
  backend's autocomplete: the listing searches headlines only, finds drafts the
  search index may not hold yet, and keeps the chosen order (latest change first).
- **No ``.specific()``.** The rows are ArticlePage already; Wagtail's listing would
  fetch every row a second time to make them specific.
- **Bylines in one query** (``prefetch_related``), for the Penulis column.
"""

from __future__ import annotations

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q
from django_filters import ChoiceFilter, DateFromToRangeFilter, ModelChoiceFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.ui.tables.pages import (
    BulkActionsColumn,
    PageStatusColumn,
    PageTitleColumn,
    ParentPageColumn,
)
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page, Revision, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from warta.articles.models import ArticleAuthor, ArticlePage
from warta.articles.queries import with_takedown
from warta.people.models import Person
from warta.sections.models import SectionPage

PER_PAGE = 50

# Page permissions that let a user edit every page below the page they are granted
# on; "add" alone only lets them edit the pages they own.
EDIT_CODENAMES = ("change_page", "publish_page")
ADD_CODENAME = "add_page"


def visible_articles(user) -> Q | None:
    """Which articles the listing shows this user, as a condition (None: all of them).

    The articles the user may edit: under the pages where they hold "change" or
    "publish", and their own under the pages where they hold "add".
    """
    if not (user.is_active and user.is_authenticated):
        return Q(pk__in=[])
    if user.is_superuser:
        return None
    everything, own = set(), set()
    for permission in PagePermissionPolicy().get_cached_permissions_for_user(user):
        codename = permission.permission.codename
        if codename in EDIT_CODENAMES:
            everything.add(permission.page.path)
        elif codename == ADD_CODENAME:
            own.add(permission.page.path)
    # Leave out what a wider grant already covers: one LIKE per branch of the tree.
    everything = {p for p in everything if not _below_any(p, everything - {p})}
    own = {p for p in own if not _below_any(p, everything | (own - {p}))}
    if everything and not own and _covers_every_kanal(everything):
        return None  # a Redaktur: no condition to check on 100,000 rows
    condition = Q(pk__in=[])
    for path in sorted(everything):
        condition |= under(path)
    for path in sorted(own):
        condition |= under(path) & Q(owner=user)
    return condition


def under(path: str) -> Q:
    """Pages at or below the tree path ``path``, as a range of paths.

    The same pages as ``path__startswith``, but a range the path index can serve,
    and a plain comparison per row instead of SQLite's ``LIKE ... ESCAPE``. Paths
    are made of ``Page.alphabet`` (0-9, A-Z), so every path below ``path`` sorts
    between it and ``path`` followed by the last letter up to the column's length.
    """
    top = path + Page.alphabet[-1] * (Page._meta.get_field("path").max_length - len(path))
    return Q(path__gte=path, path__lte=top)


def _below_any(path: str, others) -> bool:
    return any(path.startswith(other) for other in others)


def _covers_every_kanal(paths) -> bool:
    """Is every kanal below one of these paths? Articles only live in kanal
    (``ArticlePage.parent_page_types``), so then every article is too."""
    kanal = SectionPage.objects.values_list("path", flat=True)
    return all(_below_any(path, paths) for path in kanal)


def _page_ids(queryset) -> list[int]:
    """Page ids from the text ``object_id`` of revisions or workflow states."""
    return [int(pk) for pk in queryset.values_list("object_id", flat=True).distinct()]


def scheduled_article_ids() -> list[int]:
    """Articles with a revision approved to go live later (few rows at any time)."""
    return _page_ids(
        Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            approved_go_live_at__isnull=False,
        )
    )


def in_review_article_ids() -> list[int]:
    """Articles in a workflow (Tinjauan redaksi) waiting for a decision."""
    return _page_ids(
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
    )


class SectionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        # Sub-kanal indented under their kanal (the kanal tree starts at depth 3).
        return "\u2003" * max(obj.depth - 3, 0) + obj.title


class SectionFilter(ModelChoiceFilter):
    """A kanal and its sub-kanal: the articles whose path starts with the kanal's."""

    field_class = SectionChoiceField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(under(value.path), depth__gt=value.depth)


class AuthorFilter(ModelChoiceFilter):
    """Articles crediting this person in the byline, in any role."""

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(pk__in=ArticleAuthor.objects.filter(person=value).values("article_id"))


class StatusFilter(ChoiceFilter):
    def filter(self, qs, value):
        if value == "tayang":
            return qs.filter(live=True)
        if value == "tayang_draf":
            return qs.filter(live=True, has_unpublished_changes=True)
        if value == "draf":
            return qs.filter(live=False).exclude(pk__in=scheduled_article_ids())
        if value == "terjadwal":
            return qs.filter(pk__in=scheduled_article_ids())
        if value == "ditinjau":
            return qs.filter(pk__in=in_review_article_ids())
        return qs


class ArticleFilterSet(WagtailFilterSet):
    kanal = SectionFilter(
        label="Kanal",
        queryset=SectionPage.objects.order_by("path"),
        empty_label="Semua kanal",
    )
    penulis = AuthorFilter(
        label="Penulis",
        queryset=Person.objects.order_by("name"),
        empty_label="Semua penulis",
    )
    status = StatusFilter(
        label="Status",
        empty_label="Semua status",
        choices=[
            ("tayang", "Tayang"),
            ("tayang_draf", "Tayang, ada draf perubahan"),
            ("draf", "Draf"),
            ("terjadwal", "Terjadwal"),
            ("ditinjau", "Dalam tinjauan"),
        ],
    )
    first_published_at = DateFromToRangeFilter(label="Terbit pertama", widget=DateRangePickerWidget)
    latest_revision_created_at = DateFromToRangeFilter(
        label="Perubahan terakhir", widget=DateRangePickerWidget
    )

    class Meta:
        model = ArticlePage
        fields: list[str] = []


class BylineColumn(Column):
    """The byline's names, from the prefetched ``authors``."""

    def get_value(self, instance):
        return ", ".join(credit.person.name for credit in instance.authors.all())


class ArticleIndexView(IndexView):
    page_title = "Berita"
    paginate_by = PER_PAGE

    def get_base_queryset(self):
        # Bare rows: filtered, searched, counted and sorted as they are; only the
        # page of results shown gets Wagtail's annotations (paginate_queryset).
        articles = ArticlePage.objects.all()
        condition = visible_articles(self.request.user)
        if condition is not None:
            articles = articles.filter(condition)
        return articles

    def paginate_queryset(self, queryset, page_size):
        # Sort and slice the ids alone, then fetch and annotate those 50 rows: with
        # the annotations (correlated subqueries) and every column in the sort, the
        # database would carry them through all 100,000 rows first.
        paginator, page, ids, is_paginated = super().paginate_queryset(
            queryset.values_list("pk", flat=True), page_size
        )
        ids = list(ids)
        rows = {a.pk: a for a in self.annotate_queryset(ArticlePage.objects.filter(pk__in=ids))}
        page.object_list = [rows[pk] for pk in ids if pk in rows]
        return paginator, page, page.object_list, is_paginated

    def annotate_queryset(self, pages):
        # Wagtail's own, without .specific(): the rows are ArticlePage already.
        pages = pages.defer_streamfields().prefetch_related(
            "content_type",
            "sites_rooted_here",
            Prefetch(
                "authors",
                queryset=ArticleAuthor.objects.select_related("person").order_by("sort_order"),
            ),
        )
        pages = pages.prefetch_workflow_states()
        pages = pages.annotate_site_root_state().annotate_approved_schedule()
        return with_takedown(pages)  # "dicabut" in the status column

    def get_search_form(self):
        data = self.request.GET if self.search_kwarg in self.request.GET else None
        return SearchForm(data, placeholder="Cari judul berita")

    def get_ordering(self):
        # The chosen order, or the default, while searching too (no relevance here).
        ordering = self.request.GET.get("ordering", self.default_ordering)
        if ordering not in self.get_valid_orderings():
            ordering = self.default_ordering
        return ordering

    def order_queryset(self, queryset):
        # Wagtail's page listing leaves search results unordered (relevance); here
        # they keep the order. The page id last: pages of results never overlap, and
        # an index on (column, id) can serve the whole ORDER BY ... LIMIT. No NULLS
        # FIRST/LAST as Wagtail's listing has: an index serves it on neither
        # database (where it matters, every article has a revision time).
        ordering = self.ordering or "-latest_revision_created_at"
        if ordering.startswith("-"):
            return queryset.order_by(ordering, "-id")
        return queryset.order_by(ordering, "id")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(title__icontains=self.search_query)


class ArticleListingViewSet(PageListingViewSet):
    model = ArticlePage
    name = "berita"
    icon = "doc-full"
    menu_label = "Berita"
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = ArticleIndexView
    filterset_class = ArticleFilterSet
    list_per_page = PER_PAGE
    ordering = "-latest_revision_created_at"
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label="Judul", sort_key="title", classname="title"),
        ParentPageColumn("parent", label="Kanal"),
        BylineColumn("byline", label="Penulis"),
        DateColumn(
            "first_published_at",
            label="Terbit pertama",
            sort_key="first_published_at",
            width="12%",
        ),
        DateColumn(
            "latest_revision_created_at",
            label="Perubahan terakhir",
            sort_key="latest_revision_created_at",
            width="12%",
        ),
        PageStatusColumn("status", label="Status", sort_key="live", width="12%"),
    ]


article_listing_viewset = ArticleListingViewSet()
