from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "warta.users"
    label = "users"
    verbose_name = "pengguna dan peran"

    def ready(self):
        from warta.users import signal_handlers
        from warta.users.avatars import use_avatar_form
        from warta.users.permissions import register_page_policy

        signal_handlers.connect(self)
        register_page_policy()
        use_avatar_form()
