from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    """What goes out: feeds, sitemaps, robots.txt and structured data."""

    name = "warta.syndication"
    label = "syndication"
    verbose_name = "Sindikasi"
