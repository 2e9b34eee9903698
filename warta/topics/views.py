from django.http import Http404
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from warta.articles.listing import canonical_page_redirect, paginate_articles
from warta.articles.queries import articles_with_tag

PER_PAGE = 20


def tag_page(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    if redirect := canonical_page_redirect(request):
        return redirect
    articles = paginate_articles(request, articles_with_tag(tag), PER_PAGE)
    if not articles.paginator.count:
        # A tag is what its articles share; with none live it is not a page worth
        # keeping (a 200 saying "nothing here" is what search engines call a soft 404).
        raise Http404("Tag tidak dikenal.")
    return render(request, "pages/tag_page.html", {"tag": tag, "articles": articles})
