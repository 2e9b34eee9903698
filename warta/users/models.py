from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A newsroom account. Custom from day one so fields can be added without pain."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
