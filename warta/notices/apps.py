from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "warta.notices"
    label = "notices"

    def ready(self):
        from warta.notices import signal_handlers

        signal_handlers.connect()
