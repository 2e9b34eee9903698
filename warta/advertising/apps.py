from django.apps import AppConfig


class AdvertisingConfig(AppConfig):
    name = "warta.advertising"
    label = "advertising"

    def ready(self):
        from warta.advertising import signal_handlers

        signal_handlers.connect()
