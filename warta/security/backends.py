"""Django's password check with the sign-in limits in front of it.

As an authentication backend it holds for every way in that asks ``authenticate()``:
Wagtail's admin login and the front-end ``_util/login/`` alike.
"""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend

from warta.security import throttle

REFUSAL_ATTRIBUTE = "warta_signin_refusal"


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:  # not a sign-in over HTTP (shell, management commands)
            return super().authenticate(request, username, password, **kwargs)
        if username is None:
            username = kwargs.get(self._username_field(), "")
        refusal = throttle.refusal_for(request, username or "")
        if refusal is not None:
            setattr(request, REFUSAL_ATTRIBUTE, refusal)
            throttle.record_refusal(request, username or "")
            return None
        user = super().authenticate(request, username, password, **kwargs)
        if user is None:
            throttle.record_failure(request, username or "")
        return user

    @staticmethod
    def _username_field() -> str:
        from django.contrib.auth import get_user_model

        return get_user_model().USERNAME_FIELD


def refusal_of(request):
    """The refusal the backend gave this request, if it gave one."""
    return getattr(request, REFUSAL_ATTRIBUTE, None)
