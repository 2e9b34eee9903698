from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "warta.notices"
    label = "notices"
