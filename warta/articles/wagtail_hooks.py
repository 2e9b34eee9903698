from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from warta.articles.models import WireAgency


class WireAgencyViewSet(SnippetViewSet):
    model = WireAgency
    icon = "globe"
    menu_label = "Kantor berita"
    list_display = ["name", "url"]


register_snippet(WireAgencyViewSet)
