from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from warta.advertising.models import AdSlot


class AdSlotViewSet(SnippetViewSet):
    model = AdSlot
    icon = "resubmit"
    menu_label = "Iklan"
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name", "position", "size", "is_active"]
    list_filter = ["position", "is_active"]


register_snippet(AdSlotViewSet)
