"""Listing pagination shared by kanal, tag and author pages: a bad ?page= is a 404."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def page_or_404(request, queryset, per_page: int):
    try:
        return Paginator(queryset, per_page).page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger):
        raise Http404("Halaman tidak ada") from None
