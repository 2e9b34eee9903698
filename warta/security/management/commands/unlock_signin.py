"""``warta unlock-signin USERNAME``: lift a sign-in lock from the command line, for the
case where every Redaktur is locked out."""

from django.core.management.base import BaseCommand

from warta.security import throttle


class Command(BaseCommand):
    help = "Buka kunci masuk satu akun."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        lifted = throttle.lift_account(username)
        self.stdout.write(
            f"Kunci masuk {username} dibuka." if lifted else f"{username} tidak terkunci."
        )
