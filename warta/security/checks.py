"""Start-up checks: a misspelt role in ``WARTA_REQUIRE_2FA_FOR`` would make codes
silently optional for that role, so it stops start-up instead."""

from django.conf import settings
from django.core import checks

from warta.users.roles import ROLES


def required_roles_exist(app_configs, **kwargs):
    known = {role.name for role in ROLES}
    unknown = [r for r in getattr(settings, "WARTA_REQUIRE_2FA_FOR", []) if r not in known]
    if not unknown:
        return []
    return [
        checks.Error(
            f"WARTA_REQUIRE_2FA_FOR names unknown roles: {', '.join(unknown)}",
            hint=f"Use role names as written: {', '.join(sorted(known))}.",
            id="warta.security.E001",
        )
    ]
