from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from warta.notices.models import Notice


class NoticeViewSet(SnippetViewSet):
    model = Notice
    icon = "warning"
    menu_label = "Pemberitahuan"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["text", "starts_at", "ends_at", "is_active"]


register_snippet(NoticeViewSet)
