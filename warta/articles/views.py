"""Non-page views of articles: the public corrections page, the takedown notice,
and the admin's correction form."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages

from warta.articles import queries
from warta.articles.forms import CorrectionForm
from warta.articles.listing import canonical_page_redirect, page_url
from warta.articles.models import ArticlePage, Takedown
from warta.articles.services import add_correction, may_correct

CORRECTIONS_PER_PAGE = 20


def corrections_index(request):
    """Ralat: every correction on a live article, newest first, 20 a page."""
    if response := canonical_page_redirect(request):
        return response
    paginator = Paginator(queries.published_corrections(), CORRECTIONS_PER_PAGE)
    values = request.GET.getlist("page")
    try:
        page = paginator.page(int(values[-1]) if values else 1)
    except (EmptyPage, ValueError) as exc:
        raise Http404("Halaman tidak ada") from exc
    page.url = page_url(request, page.number)
    page.previous_url = page_url(request, page.number - 1) if page.has_previous() else ""
    page.next_url = page_url(request, page.number + 1) if page.has_next() else ""
    return TemplateResponse(request, "articles/corrections_index.html", {"corrections": page})


def takedown_notice(request, takedown: Takedown) -> HttpResponse:
    """The notice at a pulled article's old address: 410 Gone, with the reason."""
    html = render_to_string("articles/takedown_notice.html", {"takedown": takedown}, request)
    return HttpResponse(html, status=410)


def admin_corrections(request, page_id: int):
    """The admin's Ralat form for one live article, with the corrections so far."""
    article = get_object_or_404(ArticlePage, pk=page_id)
    if not may_correct(request.user, article):
        raise PermissionDenied("Hanya Editor dan Redaktur yang dapat menambahkan ralat.")
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            add_correction(article, form.cleaned_data["text"], request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Ralat dimuat pada “{article.title}”.")
            return redirect("articles_corrections", page_id=article.pk)
    return TemplateResponse(
        request,
        "articles/admin/corrections.html",
        {
            "page": article,
            "page_title": "Ralat",
            "page_subtitle": article.title,
            "header_icon": "edit",
            "form": form,
            "corrections": list(article.corrections.select_related("created_by")),
            "action_url": reverse("articles_corrections", args=[article.pk]),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[article.pk]),
        },
    )
