"""The public reply form and its thank-you page (no JavaScript needed)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from warta.articles.models import ArticlePage
from warta.replies.forms import ReplyForm
from warta.replies.services import over_post_limit, submit_reply

RATE_LIMITED = (
    "Terlalu banyak pengajuan dari jaringan Anda dalam satu jam terakhir. "
    "Silakan coba lagi nanti, atau hubungi redaksi melalui kontak yang tercantum di situs."
)
REFUSED = "Pengajuan tidak dapat diproses. Kosongkan kolom “Situs web”, lalu kirim lagi."


def _live_article(article_id: int) -> ArticlePage:
    return get_object_or_404(ArticlePage.objects.live(), pk=article_id)


@never_cache
def reply_form(request: HttpRequest, article_id: int) -> HttpResponse:
    article = _live_article(article_id)
    status, problem = 200, ""
    if request.method == "POST":
        form = ReplyForm(request.POST)
        if over_post_limit(request):
            status, problem = 429, RATE_LIMITED
        elif form.is_bot:
            status, problem = 400, REFUSED
        elif form.is_valid():
            submit_reply(
                article=article, **{k: form.cleaned_data[k] for k in ("name", "contact", "text")}
            )
            return redirect("replies:thanks", article_id=article.pk)
        else:
            status = 400
    else:
        form = ReplyForm()
    response = render(
        request,
        "replies/reply_form.html",
        {"article": article, "form": form, "problem": problem},
        status=status,
    )
    if status == 429:
        response["Retry-After"] = "3600"
    return response


@never_cache
def thanks(request: HttpRequest, article_id: int) -> HttpResponse:
    return render(request, "replies/thanks.html", {"article": _live_article(article_id)})
