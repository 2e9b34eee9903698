"""The home page: pinned lead and top stories, the newest after them, one block per
kanal, and never the same article twice."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from warta.frontpage.models import TOP_STORY_COUNT, HomePage, HomeTopStory
from warta.testing.factories import home_page, make_article, make_section

pytestmark = pytest.mark.django_db


def _articles(count, section=None, start=None):
    """``count`` articles, the first one the newest, a minute apart."""
    start = start or timezone.now()
    return [
        make_article(
            title=f"Berita {section.title if section else 'umum'} {n}",
            section=section,
            published_at=start - timedelta(minutes=n),
        )
        for n in range(count)
    ]


def _pin(lead=None, top=()):
    home = home_page()
    home.lead_article = lead
    home.top_stories.set([HomeTopStory(article=article) for article in top])
    home.save_revision().publish()


def _shown_titles(html: str) -> list[str]:
    """Every card title on the page, in order."""
    return re.findall(r'class="card-title"><a href="[^"]*">([^<]*)</a>', html)


def test_without_pins_the_newest_articles_fill_every_slot(client):
    articles = _articles(1 + TOP_STORY_COUNT + HomePage.latest_count + 2)
    context = client.get("/").context
    assert context["lead"] == articles[0]
    assert context["top_stories"] == articles[1 : 1 + TOP_STORY_COUNT]
    assert context["latest"] == articles[1 + TOP_STORY_COUNT : -2]


def test_pinned_lead_and_top_stories_come_first_in_their_order(client):
    articles = _articles(20)
    old = articles[-1]
    _pin(lead=old, top=[articles[10], articles[5]])
    response = client.get("/")
    context = response.context
    assert context["lead"] == old
    # Pinned first in the editor's order, then the newest fill the empty places.
    assert context["top_stories"] == [articles[10], articles[5], *articles[:4]]
    assert old not in context["latest"] and articles[10] not in context["latest"]
    html = response.content.decode()
    assert html.index(old.title) < html.index(articles[10].title) < html.index(articles[5].title)


def test_unpublished_pins_are_skipped(client):
    articles = _articles(10)
    gone_lead, gone_top = articles[7], articles[8]
    _pin(lead=gone_lead, top=[gone_top, articles[9]])
    gone_lead.unpublish()
    gone_top.unpublish()
    context = client.get("/").context
    assert context["lead"] == articles[0]  # the newest stands in
    assert context["top_stories"][0] == articles[9]
    shown = [context["lead"], *context["top_stories"], *context["latest"]]
    assert gone_lead not in shown and gone_top not in shown


def test_no_article_shows_twice_anywhere_on_the_page(client):
    sections = [make_section(title) for title in ("Nasional", "Ekonomi", "Olahraga")]
    articles = [a for section in sections for a in _articles(12, section)]
    # The lead pinned again as a top story, one story pinned twice.
    _pin(lead=articles[3], top=[articles[3], articles[20], articles[20], articles[30]])
    response = client.get("/")
    titles = _shown_titles(response.content.decode())
    assert len(titles) == len(set(titles))
    context = response.context
    assert context["top_stories"][:2] == [articles[20], articles[30]]
    blocks = dict(context["section_blocks"])
    assert [s.title for s in blocks] == ["Nasional", "Ekonomi", "Olahraga"]
    assert all(len(items) == HomePage.section_block_size for items in blocks.values())
    for section, items in blocks.items():
        assert all(a.get_parent().specific == section for a in items)


def test_section_blocks_take_the_newest_of_each_kanal_and_its_subkanal(client):
    sport = make_section("Olahraga", slug="olahraga")
    football = make_section("Sepak Bola", parent=sport, slug="sepak-bola")
    economy = make_section("Ekonomi", slug="ekonomi")
    start = timezone.now() - timedelta(days=3)  # older than the filler below
    in_football = _articles(2, football, start=start)
    in_sport = _articles(4, sport, start=start - timedelta(hours=1))
    in_economy = _articles(3, economy, start=start)
    _articles(1 + TOP_STORY_COUNT + HomePage.latest_count)  # fill the top of the page
    blocks = {s.slug: items for s, items in client.get("/").context["section_blocks"]}
    assert blocks["olahraga"] == [*in_football, *in_sport[:2]]
    assert blocks["ekonomi"] == in_economy
    assert all(item.section is not None for items in blocks.values() for item in items)


def test_empty_site_has_a_home_page(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["lead"] is None and response.context["top_stories"] == []


def test_preview_shows_the_pins_being_edited(client):
    articles = _articles(9)
    home = home_page()
    home.lead_article = articles[8]
    home.top_stories.set([HomeTopStory(article=articles[7])])
    context = home.get_context(client.get("/").wsgi_request)  # not saved
    assert context["lead"] == articles[8] and context["top_stories"][0] == articles[7]


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaksi", "redaksi@example.com", "rahasia")
    client.force_login(user)
    return client


def _home_form(lead, top):
    return nested_form_data(
        {
            "title": "Beranda",
            "slug": "beranda",
            "lead_article": lead.pk if lead else "",
            "top_stories": inline_formset([{"article": a.pk} for a in top]),
            "action-publish": "action-publish",
        }
    )


def test_editor_pins_stories_in_the_admin(editor_client, client):
    articles = _articles(10)
    home = home_page()
    edit = f"/admin/pages/{home.pk}/edit/"
    form = editor_client.get(edit).content.decode()
    assert "Berita pilihan redaksi" in form and "Sorotan" in form
    assert "articles.articlepage" in form  # both choosers offer articles only
    response = editor_client.post(edit, _home_form(articles[9], [articles[8], articles[7]]))
    assert response.status_code == 302, response.content.decode()[:2000]
    context = client.get("/").context
    assert context["lead"] == articles[9]
    assert context["top_stories"][:2] == [articles[8], articles[7]]


def test_admin_refuses_more_than_six_top_stories(editor_client):
    articles = _articles(TOP_STORY_COUNT + 1)
    edit = f"/admin/pages/{home_page().pk}/edit/"
    response = editor_client.post(edit, _home_form(None, articles))
    assert response.status_code == 200  # the form again, with the error
    assert "paling banyak 6" in response.content.decode()
    assert not HomeTopStory.objects.exists()
