from django.apps import AppConfig


class RepliesConfig(AppConfig):
    name = "warta.replies"
    label = "replies"
    verbose_name = "Hak jawab"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from warta.articles.models import ArticlePage
        from warta.replies.signal_handlers import purge_linked_pages

        for signal in (page_published, page_unpublished):
            signal.connect(purge_linked_pages, sender=ArticlePage, dispatch_uid=f"replies-{signal}")
