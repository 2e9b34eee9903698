from django.apps import AppConfig


class AdvertisingConfig(AppConfig):
    name = "warta.advertising"
    label = "advertising"
