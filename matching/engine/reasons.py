"""Structured reasons: a code plus the specific facts of the pair, rendered later in the user's language.

The engine never writes prose: the portal maps each code to a translatable sentence and fills in
the parameters (the shared terms, the criteria, the counts), so a Vietnamese user reads the same
reason in Vietnamese.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class ReasonCode(StrEnum):
    SHARED_TERMS = "shared_terms"  # terms: the topics both texts stress
    DISTINCTIVE_TERMS = "distinctive_terms"  # terms: what makes the text typical of what the program funds
    FUNDED_BEFORE = "funded_before"  # count, last_year: the applicant's own record with this program
    FUNDED_SIMILAR = "funded_similar"  # count: similar profiles this program funded
    CRITERIA_MET = "criteria_met"  # criteria: hard criteria checked and passed
    CRITERIA_UNKNOWN = "criteria_unknown"  # criteria: criteria we cannot check yet (profile incomplete)
    SECTOR_MATCH = "sector_match"  # sectors
    TECHNOLOGY_MATCH = "technology_match"  # technologies
    LOCATION_MATCH = "location_match"  # location
    STAGE_FIT = "stage_fit"  # stage
    TRL_FIT = "trl_fit"  # source_trl, target_trl
    MUTUAL_FIT = "mutual_fit"  # forward, backward: each side's fit to the other's stated needs
    PARTNERED_BEFORE = "partnered_before"  # partners: members this organisation has worked with
    SAME_PROGRAMME = "same_programme"  # programme, count
    COMPLETES_TYPES = "completes_types"  # org_type: a type the consortium lacks
    COUNTRY = "country"  # country
    TRACK_RECORD = "track_record"  # count: collaborations the provider's organisation began through the portal


@dataclass(frozen=True)
class Reason:
    """One reason for a match: a code, its parameters and how much it weighed (for ordering)."""

    code: ReasonCode
    params: Mapping[str, object] = field(default_factory=dict)
    weight: float = 0.0

    def as_dict(self) -> dict[str, object]:
        """Return a JSON-ready form for storing on a match."""
        return {"code": str(self.code), "params": self.params, "weight": round(float(self.weight), 4)}


@dataclass(frozen=True)
class Match:
    """One recommended item for one source: its index, a score in [0, 1] and the reasons."""

    index: int
    score: float
    reasons: tuple[Reason, ...] = ()


class HasFacts(Protocol):
    """The taxonomy facts of a profile (reciprocity.Profile), as `fact_reasons` reads them."""

    @property
    def sectors(self) -> frozenset[str]: ...
    @property
    def technologies(self) -> frozenset[str]: ...
    @property
    def location(self) -> str | None: ...


def fact_reasons(left: HasFacts, right: HasFacts) -> list[Reason]:
    """Return the sector, technology and location facts two profiles (reciprocity.Profile) share."""
    reasons = []
    for code, attribute in ((ReasonCode.SECTOR_MATCH, "sectors"), (ReasonCode.TECHNOLOGY_MATCH, "technologies")):
        common = sorted(getattr(left, attribute) & getattr(right, attribute))
        if common:
            reasons.append(Reason(code, {attribute: common}, 0.1 * len(common)))
    if left.location and left.location == right.location:
        reasons.append(Reason(ReasonCode.LOCATION_MATCH, {"location": left.location}, 0.05))
    return reasons
