from django.apps import AppConfig


class MastheadConfig(AppConfig):
    name = "warta.masthead"
    label = "masthead"

    def ready(self):
        from warta.masthead import signal_handlers

        signal_handlers.connect()
