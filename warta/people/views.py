from django.shortcuts import get_object_or_404, render

from warta.articles.listing import canonical_page_redirect, paginate_articles
from warta.articles.queries import articles_by_person
from warta.people.models import Person

PER_PAGE = 20


def person_page(request, slug):
    person = get_object_or_404(Person.objects.select_related("photo"), slug=slug)
    if redirect := canonical_page_redirect(request):
        return redirect
    articles = paginate_articles(request, articles_by_person(person), PER_PAGE)
    return render(request, "pages/person_page.html", {"person": person, "articles": articles})
