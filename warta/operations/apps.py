from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running Warta in production: ``warta check-deploy`` (the files are in deploy/)."""

    name = "warta.operations"
    label = "operations"
    verbose_name = "Operasional"
