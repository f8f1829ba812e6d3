"""Collaboration partners: the portal's collaboration record, learnt by the engine's `PartnerRecommender`.

The "Collaboration partners" tab lists capabilities for a startup. A pair's score is its profile
fit (text and taxonomy, `ProfileMatcher`) lifted by what the record says of the capability's
organisation for this startup: `PartnerRecommender`, the class `evaluate_matching partners`
measures on EU consortia, fitted on every collaboration begun through Helix (a project of two:
the startup and the capability's organisation), every program's funded cohort (a project per
program) and the past consortia and cohorts agencies imported (`PastParticipation`). Its score
(in [0, 1], deterministic per startup and organisation) multiplies the fit by at most
1 + HISTORY_WEIGHT, and it is a pair feature of the feedback re-ranker, which learns its
weight from outcomes. With no record yet the lift is 1: a new portal ranks by profile alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from django.db.models import Count

from ecosystem.models import Capability, Organisation, PastParticipation
from matching.engine.consortia import Consortium, Participation
from matching.engine.partners import PartnerRecommender
from matching.models import MatchKind, Relationship, RelationshipStatus

# The programme of a collaboration begun through Helix (what a startup's query asks for).
HELIX_COLLABORATION = "helix-collaboration"
# The programme of an imported past project whose row names none.
PAST_PROJECT = "past-project"
# How much the record can lift a profile fit before feedback teaches better (×1 … ×1.25).
HISTORY_WEIGHT = 0.25
# Relationships that say two organisations worked together (an ended one without result does not).
TOGETHER = (RelationshipStatus.ACTIVE, RelationshipStatus.COMPLETED, RelationshipStatus.FUNDED)


def partner_history() -> list[Participation]:
    """Return the collaboration record as participations: one project per collaboration, per funded cohort
    and per imported past project (an agency's project code or name)."""
    collaborations = Relationship.objects.filter(
        kind=MatchKind.COLLABORATION,
        status__in=TOGETHER,
        organisation__isnull=False,
        capability__organisation__isnull=False,
    ).values_list(
        "pk", "started_at", "organisation_id", "organisation__kind", "capability__organisation_id",
        "capability__organisation__kind",
    )  # fmt: skip
    participations = []
    for pk, started_at, startup, startup_kind, partner, partner_kind in collaborations.iterator(chunk_size=5000):
        participations += [
            _participation(f"c{pk}", startup, startup_kind, HELIX_COLLABORATION, started_at),
            _participation(f"c{pk}", partner, partner_kind, HELIX_COLLABORATION, started_at),
        ]
    cohorts = Relationship.objects.filter(
        status=RelationshipStatus.FUNDED, program__isnull=False, organisation__isnull=False
    ).values_list("program_id", "program__kind", "organisation_id", "organisation__kind", "started_at")
    for program, programme, organisation, kind, started_at in cohorts.iterator(chunk_size=5000):
        participations.append(_participation(f"p{program}", organisation, kind, str(programme), started_at))
    imported = PastParticipation.objects.values_list(
        "agency_id", "project", "organisation_id", "organisation__kind", "programme", "year"
    )
    for agency, project, organisation, kind, programme, year in imported.iterator(chunk_size=5000):
        participations.append(
            Participation(f"i{agency}:{project}", str(organisation), kind, "", programme or PAST_PROJECT, float(year))
        )
    return participations


def _participation(project: str, organisation: int, kind: str, programme: str, started_at: datetime) -> Participation:
    return Participation(project, str(organisation), kind, "", programme, float(started_at.year))


def partners_fit() -> PartnerRecommender | None:
    """Return the recommender fitted on the record and every capability owner, or None while the record is empty."""
    history = partner_history()
    if not history:
        return None
    owners = Organisation.objects.filter(pk__in=Capability.objects.values("organisation_id")).values_list("pk", "kind")
    recommender = PartnerRecommender()
    fitted: PartnerRecommender = recommender.fit(history, organisations=[(str(pk), kind, "") for pk, kind in owners])
    return fitted


def collaborations_begun(owner_ids: Iterable[int]) -> dict[int, int]:
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


@dataclass
class PartnerRecord:
    """What the collaboration record says of a block's pairs: startups (rows) × capabilities (columns).

    Called with (rows, cols) it returns those pairs' scores in [0, 1], 0 where it knows nothing.
    The recommender scores one startup's row of organisations at a time, so a pair's score is the
    same whichever list (the startup's, the capability's, an update's) asks for it.
    """

    model: PartnerRecommender
    startup_ids: np.ndarray
    owners: np.ndarray  # each capability's organisation (0: none)
    year: float
    chunk_size: int = 2048

    def __call__(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        startups, owners = self.startup_ids[rows], self.owners[cols]
        out = np.zeros(len(startups), dtype=np.float32)
        columns = np.array([self.model.org_index_.get(str(owner), -1) for owner in owners.tolist()], dtype=np.int64)
        known = columns >= 0
        distinct = np.unique(startups[known])
        for start in range(0, len(distinct), self.chunk_size):
            block = distinct[start : start + self.chunk_size]
            consortia = [Consortium((str(startup),), HELIX_COLLABORATION, self.year) for startup in block.tolist()]
            scores = self.model.score(consortia)
            chosen = known & np.isin(startups, block)
            where = np.searchsorted(block, startups[chosen])
            out[chosen] = np.clip(np.nan_to_num(scores[where, columns[chosen]], neginf=0.0, posinf=0.0), 0.0, 1.0)
        return out

    def track_records(self, cols: np.ndarray) -> list[int]:
        """Return, per capability column, how many collaborations its organisation began through Helix."""
        owners = self.owners[cols].tolist()
        counts = collaborations_begun(set(owners))
        return [counts.get(owner, 0) for owner in owners]


def partner_record(
    model: PartnerRecommender | None, startup_ids: np.ndarray, capability_ids: Iterable[int], *, year: float
) -> PartnerRecord | None:
    """Return the record's view of these startups × capabilities (a PartnerRecord), or None without a record."""
    if model is None:
        return None
    capability_ids = [int(pk) for pk in capability_ids]
    owners = dict(Capability.objects.filter(pk__in=capability_ids).values_list("pk", "organisation_id"))
    owner_of = np.array([owners.get(pk) or 0 for pk in capability_ids], dtype=np.int64)
    return PartnerRecord(model, np.asarray(startup_ids, dtype=np.int64), owner_of, year)


def lifted(fits: np.ndarray, history: np.ndarray) -> np.ndarray:
    """Return profile fits lifted by the record (a pair that does not fit stays as it is)."""
    return np.where(np.isfinite(fits) & (fits > 0), fits * (1.0 + HISTORY_WEIGHT * history), fits).astype(np.float32)
