from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "warta.images"
    label = "images"
    verbose_name = "Gambar"

    def ready(self):
        from warta.images import signal_handlers

        signal_handlers.connect()
