from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "warta.search"
    label = "search"
    verbose_name = "Pencarian"

    def ready(self):
        from warta.search import signal_handlers

        signal_handlers.connect()
