from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "warta.users"
    label = "users"
    verbose_name = "pengguna dan peran"

    def ready(self):
        from warta.users import signal_handlers

        signal_handlers.connect(self)
