"""Eligibility of an applicant for a program, criterion by criterion.

Pure Python (no Django): the portal feeds it from the database and the matching engine from
its own arrays, so a program is judged the same way everywhere. Every criterion answers pass,
fail or unknown; unknown means the applicant has not told us enough to decide.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TypeVar

_Value = TypeVar("_Value")
_Limit = TypeVar("_Limit")


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"


class Criterion(StrEnum):
    ORGANISATION_KIND = "organisation_kind"
    STAGE = "stage"
    SECTOR = "sector"
    LOCATION = "location"
    FOUNDED_AFTER = "founded_after"
    FOUNDED_BEFORE = "founded_before"
    TEAM_SIZE = "team_size"
    TRL = "trl"
    CONDITIONS = "conditions"


@dataclass(frozen=True)
class Criteria:
    """A program's hard criteria; an empty set or None means "no restriction"."""

    organisation_kinds: frozenset[str] = frozenset()
    stages: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    locations: frozenset[str] = frozenset()
    founded_after: date | None = None
    founded_before: date | None = None
    max_team_size: int | None = None
    trl_min: int | None = None
    trl_max: int | None = None
    # Free-text conditions cannot be checked by a machine: they are always reported as unknown.
    conditions: str = ""


@dataclass(frozen=True)
class Applicant:
    """What we know about an applicant; None or an empty set means "not told"."""

    organisation_kind: str | None = None
    stage: str | None = None
    sectors: frozenset[str] = frozenset()
    location: str | None = None
    founded_on: date | None = None
    team_size: int | None = None
    trl: int | None = None


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    outcome: Outcome
    required: object = None
    actual: object = None


@dataclass(frozen=True)
class Verdict:
    results: tuple[CriterionResult, ...] = field(default_factory=tuple)

    @property
    def eligible(self) -> bool:
        """True when no criterion fails (unknowns do not exclude)."""
        return all(result.outcome != Outcome.FAIL for result in self.results)

    @property
    def failed(self) -> list[CriterionResult]:
        return [result for result in self.results if result.outcome == Outcome.FAIL]

    @property
    def unknown(self) -> list[CriterionResult]:
        return [result for result in self.results if result.outcome == Outcome.UNKNOWN]

    @property
    def passed(self) -> list[CriterionResult]:
        return [result for result in self.results if result.outcome == Outcome.PASS]


def _membership(criterion: Criterion, allowed: frozenset[str], value: str | None) -> CriterionResult:
    if value is None:
        return CriterionResult(criterion, Outcome.UNKNOWN, allowed)
    return CriterionResult(criterion, Outcome.PASS if value in allowed else Outcome.FAIL, allowed, value)


def _overlap(criterion: Criterion, allowed: frozenset[str], values: Iterable[str]) -> CriterionResult:
    values = frozenset(values)
    if not values:
        return CriterionResult(criterion, Outcome.UNKNOWN, allowed)
    return CriterionResult(criterion, Outcome.PASS if values & allowed else Outcome.FAIL, allowed, values)


def _compare(
    criterion: Criterion, limit: _Limit, value: _Value | None, passes: Callable[[_Value, _Limit], bool]
) -> CriterionResult:
    if value is None:
        return CriterionResult(criterion, Outcome.UNKNOWN, limit)
    return CriterionResult(criterion, Outcome.PASS if passes(value, limit) else Outcome.FAIL, limit, value)


def evaluate(criteria: Criteria, applicant: Applicant) -> Verdict:
    """Return the verdict on every criterion the program sets, in a stable order."""
    results: list[CriterionResult] = []
    if criteria.organisation_kinds:
        results.append(
            _membership(Criterion.ORGANISATION_KIND, criteria.organisation_kinds, applicant.organisation_kind)
        )
    if criteria.stages:
        results.append(_membership(Criterion.STAGE, criteria.stages, applicant.stage))
    if criteria.sectors:
        results.append(_overlap(Criterion.SECTOR, criteria.sectors, applicant.sectors))
    if criteria.locations:
        results.append(_membership(Criterion.LOCATION, criteria.locations, applicant.location))
    if criteria.founded_after is not None:
        results.append(
            _compare(Criterion.FOUNDED_AFTER, criteria.founded_after, applicant.founded_on, lambda v, lim: v >= lim)
        )
    if criteria.founded_before is not None:
        results.append(
            _compare(Criterion.FOUNDED_BEFORE, criteria.founded_before, applicant.founded_on, lambda v, lim: v <= lim)
        )
    if criteria.max_team_size is not None:
        results.append(
            _compare(Criterion.TEAM_SIZE, criteria.max_team_size, applicant.team_size, lambda v, lim: v <= lim)
        )
    if criteria.trl_min is not None or criteria.trl_max is not None:
        low, high = criteria.trl_min or 1, criteria.trl_max or 9
        results.append(_compare(Criterion.TRL, (low, high), applicant.trl, lambda v, lim: lim[0] <= v <= lim[1]))
    if criteria.conditions.strip():
        results.append(CriterionResult(Criterion.CONDITIONS, Outcome.UNKNOWN, criteria.conditions.strip()))
    return Verdict(tuple(results))
