"""Paginated article listings for kanal, tag and author pages."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

from warta.articles.queries import attach_sections


def paginate_articles(request, queryset, per_page: int = 20):
    """The requested page of ``queryset``; a bad or out-of-range ?page= is a 404."""
    try:
        page = Paginator(queryset, per_page).page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger):
        raise Http404("Halaman tidak ada") from None
    page.object_list = attach_sections(list(page.object_list))
    return page
