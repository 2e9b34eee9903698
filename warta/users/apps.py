from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "warta.users"
    label = "users"
