from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    """Scheduled publication and expiry of articles, and the scheduler's heartbeat."""

    name = "warta.scheduling"
    label = "scheduling"
    verbose_name = "Penjadwalan"
