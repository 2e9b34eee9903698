from warta.advertising.models import AdSlot


def active_slots() -> dict[str, list[AdSlot]]:
    """Active slots grouped by position, fetched once per page."""
    grouped: dict[str, list[AdSlot]] = {}
    for slot in AdSlot.objects.filter(is_active=True).select_related("creative"):
        grouped.setdefault(slot.position, []).append(slot)
    return grouped
