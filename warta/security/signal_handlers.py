"""Django signals every successful sign-in, however it was made: the one place to
clear the account's failures, log the success and note whether a code is needed."""

from django.contrib.auth.signals import user_logged_in

from warta.security import throttle, twofactor


def signed_in(sender, request, user, **kwargs):
    if request is None:
        return
    throttle.record_success(request, user.get_username())
    twofactor.remember_need(request, user)


def connect(app_config):
    user_logged_in.connect(signed_in, dispatch_uid="warta.security.signed_in")
