"""Collaboration partners: the portal's collaboration record, learnt by the engine's `PartnerRecommender`.

The "Collaboration partners" tab lists capabilities for a startup. A pair's score is its profile
fit (text and taxonomy, `ProfileMatcher`) lifted by what the record says of the capability's
organisation for this startup: `PartnerRecommender`, the class `evaluate_matching partners`
measures on EU consortia, fitted on every collaboration begun through Helix (a project of two:
the startup and the capability's organisation) and every program's funded cohort (a project per
program). Its score (in [0, 1], deterministic per startup and organisation) multiplies the fit by
at most 1 + HISTORY_WEIGHT, and it is a pair feature of the feedback re-ranker, which learns its
weight from outcomes. With no record yet the lift is 1: a new portal ranks by profile alone.
"""

from __future__ import annotations

import numpy as np
from django.db.models import Count
from django.utils import timezone

from ecosystem.models import Capability, Organisation
from matching.engine.partners import Consortium, Participation, PartnerRecommender
from matching.models import MatchKind, Relationship, RelationshipStatus

# The programme of a collaboration begun through Helix (what a startup's query asks for).
HELIX_COLLABORATION = "helix-collaboration"
# How much the record can lift a profile fit before feedback teaches better (×1 … ×1.25).
HISTORY_WEIGHT = 0.25
# Relationships that say two organisations worked together (an ended one without result does not).
TOGETHER = (RelationshipStatus.ACTIVE, RelationshipStatus.COMPLETED, RelationshipStatus.FUNDED)


def partner_history() -> list[Participation]:
    """Return the collaboration record as participations: one project per collaboration and per funded cohort."""
    kinds = dict(Organisation.objects.values_list("pk", "kind"))
    participations = []
    collaborations = Relationship.objects.filter(
        kind=MatchKind.COLLABORATION,
        status__in=TOGETHER,
        organisation__isnull=False,
        capability__organisation__isnull=False,
    ).values_list("pk", "organisation_id", "capability__organisation_id", "started_at")
    for pk, startup, partner, started_at in collaborations.iterator(chunk_size=5000):
        for organisation in (startup, partner):
            participations.append(_participation(f"c{pk}", organisation, kinds, HELIX_COLLABORATION, started_at))
    cohorts = Relationship.objects.filter(
        status=RelationshipStatus.FUNDED, program__isnull=False, organisation__isnull=False
    ).values_list("program_id", "program__kind", "organisation_id", "started_at")
    for program, programme, organisation, started_at in cohorts.iterator(chunk_size=5000):
        participations.append(_participation(f"p{program}", organisation, kinds, str(programme), started_at))
    return [p for p in participations if p is not None]


def _participation(project, organisation, kinds, programme, started_at) -> Participation | None:
    if organisation not in kinds:
        return None
    return Participation(project, str(organisation), kinds[organisation], "", programme, float(started_at.year))


def partners_fit() -> PartnerRecommender | None:
    """Return the recommender fitted on the record and every capability owner, or None while the record is empty."""
    history = partner_history()
    if not history:
        return None
    owners = Organisation.objects.filter(pk__in=Capability.objects.values("organisation_id")).values_list("pk", "kind")
    return PartnerRecommender().fit(history, organisations=[(str(pk), kind, "") for pk, kind in owners])


def track_records(owner_ids) -> dict[int, int]:
    """Return how many collaborations begun through Helix each of these organisations' capabilities has had."""
    rows = (
        Relationship.objects.filter(
            kind=MatchKind.COLLABORATION, status__in=TOGETHER, capability__organisation_id__in=list(owner_ids)
        )
        .values("capability__organisation_id")
        .annotate(count=Count("pk"))
        .values_list("capability__organisation_id", "count")
    )
    return dict(rows)


def capability_owners(capability_ids) -> np.ndarray:
    """Return the organisation id of each capability (0 where it has none), in the given order."""
    owners = dict(
        Capability.objects.filter(pk__in=[int(i) for i in capability_ids]).values_list("pk", "organisation_id")
    )
    return np.array([owners.get(int(pk)) or 0 for pk in capability_ids], dtype=np.int64)


def pair_history(
    model: PartnerRecommender | None, startup_ids: np.ndarray, owner_ids: np.ndarray, *, chunk_size: int = 2048
) -> np.ndarray:
    """Return the record's score (in [0, 1]) of each (startup, capability owner) pair, 0 where it knows nothing.

    The recommender scores one startup's row of organisations at a time, so a pair's score is the
    same whichever list (the startup's, the capability's, an update's) asks for it.
    """
    startup_ids, owner_ids = np.asarray(startup_ids, dtype=np.int64), np.asarray(owner_ids, dtype=np.int64)
    out = np.zeros(len(startup_ids), dtype=np.float32)
    if model is None or not len(startup_ids):
        return out
    columns = np.array([model.org_index_.get(str(owner), -1) for owner in owner_ids.tolist()], dtype=np.int64)
    known = columns >= 0
    distinct = np.unique(startup_ids[known])
    year = float(timezone.now().year)
    for start in range(0, len(distinct), chunk_size):
        block = distinct[start : start + chunk_size]
        scores = model.score([Consortium((str(startup),), HELIX_COLLABORATION, year) for startup in block.tolist()])
        chosen = known & np.isin(startup_ids, block)
        rows = np.searchsorted(block, startup_ids[chosen])
        out[chosen] = np.clip(np.nan_to_num(scores[rows, columns[chosen]], neginf=0.0, posinf=0.0), 0.0, 1.0)
    return out


def lifted(fits: np.ndarray, history: np.ndarray) -> np.ndarray:
    """Return profile fits lifted by the record (a pair that does not fit stays as it is)."""
    return np.where(np.isfinite(fits) & (fits > 0), fits * (1.0 + HISTORY_WEIGHT * history), fits).astype(np.float32)
