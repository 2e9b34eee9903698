from django.db.models import Q
from django.utils import timezone

from warta.notices.models import Notice


def current_notice(now=None) -> Notice | None:
    """The newest active notice whose display window includes ``now``."""
    now = now or timezone.now()
    return (
        Notice.objects.filter(is_active=True)
        .filter(Q(starts_at__isnull=True) | Q(starts_at__lte=now))
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        .order_by("-starts_at", "-pk")
        .first()
    )


def notice_turned_between(since, until) -> bool:
    """Whether an active notice started or ended in (``since``, ``until``]: the notice
    bar every cached page shows changed then without anyone saving anything."""
    return (
        Notice.objects.filter(is_active=True)
        .filter(
            Q(starts_at__gt=since, starts_at__lte=until) | Q(ends_at__gt=since, ends_at__lte=until)
        )
        .exists()
    )
