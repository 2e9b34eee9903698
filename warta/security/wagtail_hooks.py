"""Admin wiring for sign-in security.

- "Percobaan masuk" (the log) and "Kunci masuk" (who is held back, with "Buka kunci")
  under Pengaturan, for Redaktur only.
- "Verifikasi dua langkah" in each user's account page, for Redaktur and Editor.
- "Atur ulang 2FA" on the user listing, for Redaktur.
"""

from __future__ import annotations

from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from warta.security import throttle, twofactor
from warta.security.models import LoginAttempt, SignInCounter
from warta.security.permissions import RedakturOnlyPolicy, can_manage
from warta.security.views import TwoFactorResetView, TwoFactorView, UnlockView

register_permission_policy(LoginAttempt, RedakturOnlyPolicy(LoginAttempt))
register_permission_policy(SignInCounter, RedakturOnlyPolicy(SignInCounter))


class AttemptViewSet(ModelViewSet):
    model = LoginAttempt
    icon = "key"
    menu_label = "Percobaan masuk"
    add_to_settings_menu = True
    menu_order = 620
    list_display = ["at", "username", "network", "outcome"]
    list_filter = ["outcome"]
    search_fields = ["username"]
    copy_view_enabled = False
    exclude_form_fields = []  # never shown: the policy allows "view" only


class LockStatusColumn(Column):
    def get_value(self, instance):
        if instance.locked_until and instance.locked_until > throttle.now():
            local = timezone.localtime(instance.locked_until)
            return f"Terkunci sampai {local:%H.%M}"
        return "Jeda yang makin panjang"


class CounterIndexView(IndexView):
    def get_base_queryset(self):
        return throttle.active_counters()

    def get_list_more_buttons(self, instance):
        return [
            Button(
                "Buka kunci",
                url=reverse("security_unlock", args=[instance.pk]),
                icon_name="lock-open",
                priority=10,
            )
        ]


class CounterViewSet(ModelViewSet):
    model = SignInCounter
    icon = "lock"
    menu_label = "Kunci masuk"
    add_to_settings_menu = True
    menu_order = 621
    index_view_class = CounterIndexView
    list_display = [
        "label",
        "scope",
        "failures",
        "last_failure_at",
        LockStatusColumn("status", label="Status"),
    ]
    list_filter = ["scope"]
    copy_view_enabled = False
    exclude_form_fields = []  # never shown: the policy allows "view" only


@hooks.register("register_admin_viewset")
def register_security_viewsets():
    return [
        AttemptViewSet("security_attempts", url_prefix="keamanan/percobaan-masuk"),
        CounterViewSet("security_counters", url_prefix="keamanan/kunci-masuk"),
    ]


@hooks.register("register_admin_urls")
def register_security_urls():
    return [
        path("keamanan/2fa/", TwoFactorView.as_view(), name="security_twofactor"),
        path(
            "keamanan/2fa/atur-ulang/<int:user_id>/",
            TwoFactorResetView.as_view(),
            name="security_twofactor_reset",
        ),
        path("keamanan/buka-kunci/<int:pk>/", UnlockView.as_view(), name="security_unlock"),
    ]


@hooks.register("register_account_menu_item")
def twofactor_account_item(request):
    if not twofactor.may_use(request.user):
        return None
    return {
        "url": reverse("security_twofactor"),
        "label": "Verifikasi dua langkah",
        "help_text": "Minta kode 6 angka dari aplikasi autentikator setiap kali masuk.",
    }


@hooks.register("register_user_listing_buttons")
def twofactor_reset_button(user, request_user):
    if can_manage(request_user) and (request_user.is_superuser or not user.is_superuser):
        yield Button(
            "Atur ulang 2FA",
            reverse("security_twofactor_reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


class TwoFactorLogFormatter(LogFormatter):
    MESSAGES = {
        "warta.2fa_on": "Verifikasi dua langkah diaktifkan",
        "warta.2fa_off": "Verifikasi dua langkah dinonaktifkan",
        "warta.2fa_reset": "Verifikasi dua langkah diatur ulang oleh Redaktur",
    }

    def format_message(self, log_entry):
        return self.MESSAGES.get(log_entry.action, log_entry.action)


@hooks.register("register_log_actions")
def register_twofactor_log_actions(actions):
    for action, label in TwoFactorLogFormatter.MESSAGES.items():
        formatter = type(f"Formatter_{action}", (TwoFactorLogFormatter,), {"label": label})
        actions.register_action(action)(formatter)
