from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "warta.topics"
    label = "topics"
    verbose_name = "Tag"
