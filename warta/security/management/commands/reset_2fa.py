"""``warta reset-2fa USERNAME``: remove an account's authenticator, for the case where
no Redaktur can sign in to do it from the admin."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from warta.security import twofactor


class Command(BaseCommand):
    help = "Atur ulang verifikasi dua langkah satu akun."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"Akun {username} tidak ada.")
        twofactor.turn_off(user, by=None)
        self.stdout.write(f"Verifikasi dua langkah {username} diatur ulang.")
