"""The editors' queue "Hak Jawab": Editor and Redaktur hold its permissions, Penulis not."""

from __future__ import annotations

from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from warta.replies.models import Reply
from warta.replies.services import purge_reply_pages


def _linked_ids(reply_pk) -> set[int]:
    row = Reply.objects.filter(pk=reply_pk).values_list("article_id", "published_as_id").first()
    return set(row or ())


class ReplyCreateView(generic.CreateView):
    def save_instance(self):
        reply = super().save_instance()
        purge_reply_pages({reply.article_id, reply.published_as_id})
        return reply


class ReplyEditView(generic.EditView):
    """Saving may add or remove the links both articles show: purge both (old and new)."""

    def save_instance(self):
        before = _linked_ids(self.object.pk)
        reply = super().save_instance()
        purge_reply_pages(before | {reply.article_id, reply.published_as_id})
        return reply


class ReplyDeleteView(generic.DeleteView):
    def delete_action(self):
        before = _linked_ids(self.object.pk)
        super().delete_action()
        purge_reply_pages(before)


def deadline_cell(reply: Reply):
    """The deadline, with "Lewat tenggat" in red while a reply is still open past it."""
    local = timezone.localtime(reply.deadline).strftime("%d/%m/%Y %H:%M")
    if reply.is_overdue():
        return format_html(
            '<strong class="w-text-critical-200" data-overdue>{} · Lewat tenggat</strong>', local
        )
    return local


class ReplyViewSet(ModelViewSet):
    model = Reply
    icon = "comment"
    menu_label = "Hak Jawab"
    menu_order = 210
    add_to_admin_menu = True
    url_prefix = "hak-jawab"
    name = "hak_jawab"
    add_view_class = ReplyCreateView
    edit_view_class = ReplyEditView
    delete_view_class = ReplyDeleteView
    list_filter = ["status"]
    search_fields = ["name", "text"]
    list_display = [
        "name",
        Column("article", label="Berita", accessor="article"),
        DateColumn("received_at", label="Diterima"),
        Column("deadline", label="Tenggat", accessor=deadline_cell),
        Column("status", label="Status", accessor="get_status_display"),
    ]
    panels = [
        FieldPanel("article"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("contact")]),
        FieldPanel("text"),
        FieldPanel("received_at", read_only=True),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("published_as"), FieldPanel("editor_note")],
            heading="Tindak lanjut redaksi",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_reply_viewset():
    return ReplyViewSet()
