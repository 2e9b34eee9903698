from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "warta.pagecache"
    label = "pagecache"
    verbose_name = "Cache halaman"

    def ready(self):
        from warta.pagecache import signal_handlers

        signal_handlers.connect()
