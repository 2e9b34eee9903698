from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """Keeping abusers out: sign-in throttling and two-factor sign-in, the shared rate
    limiter for public endpoints (read beacon, hak jawab), and security headers."""

    name = "warta.security"
    label = "security"
    verbose_name = "Keamanan"

    def ready(self):
        from django.core import checks

        from warta.security import signal_handlers
        from warta.security.checks import required_roles_exist

        signal_handlers.connect(self)
        checks.register(required_roles_exist)
