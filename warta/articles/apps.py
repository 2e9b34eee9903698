from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "warta.articles"
    label = "articles"
    verbose_name = "Berita"

    def ready(self):
        from warta.articles import signal_handlers

        signal_handlers.connect()
