from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from warta.articles.listing import paginate_articles
from warta.articles.queries import articles_with_tag


def tag_page(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = paginate_articles(request, articles_with_tag(tag), per_page=20)
    return render(request, "pages/tag_page.html", {"tag": tag, "articles": articles})
