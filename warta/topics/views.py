from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from warta.articles.queries import articles_with_tag
from warta.sections.paging import page_or_404


def tag_page(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = page_or_404(request, articles_with_tag(tag), per_page=20)
    return render(request, "pages/tag_page.html", {"tag": tag, "articles": articles})
