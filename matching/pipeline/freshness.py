"""Which entities have matches older than their facts: what the sweeper re-queues after a lost task."""

from collections.abc import Callable

from django.db.models import Exists, F, Model, OuterRef, Q, QuerySet

from ecosystem.models import Capability, MentorOffer, Need, Organisation, Program
from matching.models import MatchedSource

SWEEP_LIMIT = 5000


# Entity type → (queryset of matchable entities, the field holding when its facts last changed).
STAMPS: dict[str, tuple[Callable[[], QuerySet[Model]], str]] = {
    "startup": (lambda: Organisation.objects.filter(startup_profile__isnull=False), "startup_profile__updated_at"),
    "need": (lambda: Need.objects.all(), "updated_at"),
    "program": (lambda: Program.objects.filter(live=True), "updated_at"),
    "capability": (lambda: Capability.objects.all(), "updated_at"),
    "mentor": (lambda: MentorOffer.objects.all(), "updated_at"),
}


def stale_ids(entity_type: str, limit: int = SWEEP_LIMIT) -> list[int]:
    """Return entities changed after their matches were last computed (or never computed)."""
    queryset, stamp = STAMPS[entity_type]
    fresh = MatchedSource.objects.filter(
        source_type=entity_type, source_id=OuterRef("pk"), source_updated_at__gte=OuterRef(stamp)
    )
    return list(
        queryset()
        .filter(~Q(**{f"{stamp}__isnull": True}))
        .exclude(Exists(fresh))
        .order_by(F(stamp).asc())
        .values_list("pk", flat=True)[:limit]
    )
