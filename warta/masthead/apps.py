from django.apps import AppConfig


class MastheadConfig(AppConfig):
    name = "warta.masthead"
    label = "masthead"
