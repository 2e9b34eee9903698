"""ensure_admin_account: the first administrator, made once and never overwritten."""

import pytest
from django.contrib.auth import get_user_model

from warta.users.services import ensure_admin_account

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def admin_settings(settings):
    settings.WARTA_ADMIN_USERNAME = "admin"
    settings.WARTA_ADMIN_EMAIL = "redaksi@example.com"
    settings.WARTA_ADMIN_PASSWORD = None
    return settings


def test_creates_superuser_with_generated_password(admin_settings):
    account = ensure_admin_account()

    assert account.created and account.generated
    assert len(account.password) >= 16
    user = User.objects.get(username="admin")
    assert user.is_superuser and user.is_staff and user.is_active
    assert user.email == "redaksi@example.com"
    assert user.check_password(account.password)


def test_generated_passwords_differ(admin_settings):
    first = ensure_admin_account(username="satu")
    second = ensure_admin_account(username="dua")
    assert first.password != second.password


def test_uses_password_from_settings(admin_settings):
    admin_settings.WARTA_ADMIN_PASSWORD = "kopi-tubruk-pagi-2022"

    account = ensure_admin_account()

    assert account.created and not account.generated
    assert User.objects.get(username="admin").check_password("kopi-tubruk-pagi-2022")


def test_uses_username_from_settings(admin_settings):
    admin_settings.WARTA_ADMIN_USERNAME = "redaktur"

    ensure_admin_account()

    assert User.objects.filter(username="redaktur", is_superuser=True).exists()
    assert not User.objects.filter(username="admin").exists()


def test_existing_account_is_left_alone(admin_settings):
    User.objects.create_superuser("admin", "lama@example.com", "sandi-lama-yang-kuat")
    admin_settings.WARTA_ADMIN_PASSWORD = "sandi-baru-dari-env"

    account = ensure_admin_account()

    assert not account.created
    assert account.password is None
    user = User.objects.get(username="admin")
    assert user.check_password("sandi-lama-yang-kuat")
    assert user.email == "lama@example.com"
    assert User.objects.count() == 1


def test_second_call_does_not_change_the_generated_password(admin_settings):
    first = ensure_admin_account()
    second = ensure_admin_account()

    assert not second.created and second.password is None
    assert User.objects.get(username="admin").check_password(first.password)


def test_password_stays_out_of_repr(admin_settings):
    account = ensure_admin_account()
    assert account.password not in repr(account)
