"""Sign-in views (password, then code), two-factor setup, and the Redaktur's tools."""

from __future__ import annotations

import django_otp
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.account import LoginView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from warta.security import signin, throttle, twofactor
from warta.security.forms import CodeForm, SignInForm
from warta.security.models import LoginAttempt, SignInCounter
from warta.security.permissions import can_manage

WRONG_CODE = "Kode tidak cocok. Periksa jam di ponsel Anda lalu coba lagi."
CODE_PAUSED = "Terlalu banyak kode salah. Tunggu sebentar lalu coba lagi."


class SignInView(LoginView):
    """Wagtail's login, with the limits (through the backend) and a second step."""

    template_name = "security/login.html"

    def get_form_class(self):
        return SignInForm

    def form_valid(self, form):
        user = form.get_user()
        if not twofactor.applies_to(user):
            return super().form_valid(form)
        signin.start(
            self.request,
            user,
            remember=form.cleaned_data.get("remember"),
            next_url=self.get_success_url(),
        )
        if twofactor.confirmed_device(user) is None:
            return redirect("security_signin_setup")
        return redirect("security_signin_code")


class PendingSignInMixin:
    """Views of the second step: only with a password given in the last minutes."""

    def dispatch(self, request, *args, **kwargs):
        self.state = signin.pending(request)
        if self.state is None:
            messages.error(request, "Sesi masuk habis. Silakan masukkan kata sandi lagi.")
            return redirect("wagtailadmin_login")
        return super().dispatch(request, *args, **kwargs)

    def device(self):
        return twofactor.confirmed_device(self.state.user)

    def form_valid(self, form):
        username = self.state.user.get_username()
        refusal = throttle.refusal_for(self.request, username)
        if refusal is not None:
            throttle.record_refusal(self.request, username)
            form.add_error(None, refusal.message)
            return self.form_invalid(form)
        device = self.device()
        if device is not None and twofactor.code_paused(device):
            form.add_error(None, CODE_PAUSED)
            return self.form_invalid(form)
        if device is None or not twofactor.check_code(device, form.cleaned_data["code"]):
            throttle.record_failure(self.request, username, LoginAttempt.WRONG_CODE)
            form.add_error(None, WRONG_CODE)  # shown where the login page shows errors
            return self.form_invalid(form)
        self.confirmed(device)
        signin.finish(self.request, self.state, device)
        return redirect(self.state.next_url)

    def confirmed(self, device) -> None:
        pass


class SignInCodeView(PendingSignInMixin, FormView):
    form_class = CodeForm
    template_name = "security/signin_code.html"


class SignInSetupView(PendingSignInMixin, FormView):
    """Two-factor sign-in is required for this role and not set up yet: set it up now."""

    form_class = CodeForm
    template_name = "security/signin_setup.html"

    def dispatch(self, request, *args, **kwargs):
        state = signin.pending(request)
        if state is not None and twofactor.confirmed_device(state.user) is not None:
            return redirect("security_signin_code")
        return super().dispatch(request, *args, **kwargs)

    def device(self):
        return twofactor.pending_device(self.state.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        device = self.device()
        context["qr"] = twofactor.qr_svg(device)
        context["secret"] = twofactor.secret_of(device)
        return context

    def confirmed(self, device) -> None:
        twofactor.confirm(device)


# In the admin ---------------------------------------------------------------------


class TwoFactorView(WagtailAdminTemplateMixin, FormView):
    """The user's own two-factor sign-in: set it up, or turn it off."""

    form_class = CodeForm
    template_name = "security/twofactor.html"
    page_title = "Verifikasi dua langkah"
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not twofactor.may_use(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        device = twofactor.confirmed_device(user)
        context["active"] = device is not None
        context["required"] = twofactor.required_for(user)
        if device is None:
            pending = twofactor.pending_device(user)
            context["qr"] = twofactor.qr_svg(pending)
            context["secret"] = twofactor.secret_of(pending)
        return context

    def form_valid(self, form):
        user = self.request.user
        active = twofactor.confirmed_device(user)
        device = active or twofactor.pending_device(user)
        if twofactor.code_paused(device):
            form.add_error(None, CODE_PAUSED)
            return self.form_invalid(form)
        if not twofactor.check_code(device, form.cleaned_data["code"]):
            form.add_error("code", WRONG_CODE)
            return self.form_invalid(form)
        if active is None:
            twofactor.confirm(device)
            django_otp.login(self.request, device)
            messages.success(self.request, "Verifikasi dua langkah aktif.")
        elif twofactor.required_for(user):
            messages.error(self.request, "Peran Anda wajib memakai verifikasi dua langkah.")
        else:
            twofactor.turn_off(user, by=user)
            messages.success(self.request, "Verifikasi dua langkah dinonaktifkan.")
        return redirect("security_twofactor")


class TwoFactorResetView(WagtailAdminTemplateMixin, TemplateView):
    """A Redaktur removes another user's authenticator (a lost phone)."""

    template_name = "security/twofactor_reset.html"
    header_icon = "key"

    def dispatch(self, request, *args, user_id, **kwargs):
        self.person = get_object_or_404(get_user_model(), pk=user_id)
        if not can_manage(request.user):
            raise PermissionDenied
        if self.person.is_superuser and not request.user.is_superuser:
            raise PermissionDenied("Hanya administrator yang dapat mengubah akun administrator.")
        return super().dispatch(request, *args, **kwargs)

    @property
    def page_title(self):
        return f"Atur ulang verifikasi dua langkah: {self.person.get_username()}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailusers_users:index"), "label": "Pengguna"},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["person"] = self.person
        context["active"] = twofactor.confirmed_device(self.person) is not None
        return context

    def post(self, request, *args, **kwargs):
        twofactor.turn_off(self.person, by=request.user)
        messages.success(
            request,
            f"Verifikasi dua langkah {self.person.get_username()} diatur ulang; "
            "ia memasangnya lagi saat masuk berikutnya bila perannya mewajibkan.",
        )
        return redirect("wagtailusers_users:index")


class UnlockView(WagtailAdminTemplateMixin, TemplateView):
    """ "Buka kunci": the account or address may try again at once."""

    def dispatch(self, request, *args, pk, **kwargs):
        if not can_manage(request.user):
            raise PermissionDenied
        self.counter = get_object_or_404(SignInCounter, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    template_name = "security/unlock_confirm.html"
    header_icon = "lock-open"

    @property
    def page_title(self):
        return f"Buka kunci: {self.counter}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("security_counters:index"), "label": "Kunci masuk"},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counter"] = self.counter
        return context

    def post(self, request, *args, **kwargs):
        label = str(self.counter)
        throttle.lift(self.counter)
        messages.success(request, f"Kunci dibuka: {label}.")
        return redirect(reverse("security_counters:index"))
