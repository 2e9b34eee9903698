from django.apps import AppConfig


class FrontpageConfig(AppConfig):
    name = "warta.frontpage"
    label = "frontpage"
