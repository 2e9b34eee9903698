"""Sign-in URLs that take the place of Wagtail's own; included before the admin's."""

from django.urls import path

from warta.security.views import SignInCodeView, SignInSetupView, SignInView

urlpatterns = [
    path("admin/login/", SignInView.as_view(), name="security_signin"),
    path("admin/login/kode/", SignInCodeView.as_view(), name="security_signin_code"),
    path("admin/login/pasang-kode/", SignInSetupView.as_view(), name="security_signin_setup"),
]
