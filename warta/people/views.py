from django.shortcuts import get_object_or_404, render

from warta.articles.listing import paginate_articles
from warta.articles.queries import articles_by_person
from warta.people.models import Person


def person_page(request, slug):
    person = get_object_or_404(Person.objects.select_related("photo"), slug=slug)
    articles = paginate_articles(request, articles_by_person(person), per_page=20)
    return render(request, "pages/person_page.html", {"person": person, "articles": articles})
