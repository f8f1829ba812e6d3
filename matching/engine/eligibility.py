"""Eligibility first: failing programs are removed before ranking; unknown criteria lower the score.

The portal passes what it already knows, either per pair (kernel.eligibility verdicts) or as
vectorised arrays for a full recompute (`EligibilityArrays`, same semantics, held equal to the
pure check by a property-based test). Scores are match qualities in [0, 1]; each unknown
criterion multiplies a score by `unknown_penalty`, and a failed criterion removes the pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from kernel.eligibility import Applicant, Criteria, Verdict, evaluate

from .reasons import Reason, ReasonCode

UNKNOWN_PENALTY = 0.85


def verdict_arrays(applicants: Sequence[Applicant], criteria: Sequence[Criteria]) -> tuple[np.ndarray, np.ndarray]:
    """Return (eligible bool n×p, unknown-criteria counts int n×p) from the pure criterion check."""
    eligible = np.ones((len(applicants), len(criteria)), dtype=bool)
    unknown = np.zeros((len(applicants), len(criteria)), dtype=np.int8)
    for i, applicant in enumerate(applicants):
        for j, program in enumerate(criteria):
            verdict = evaluate(program, applicant)
            eligible[i, j] = verdict.eligible
            unknown[i, j] = len(verdict.unknown)
    return eligible, unknown


def apply(
    scores: npt.ArrayLike,
    eligible: npt.ArrayLike | None = None,
    unknown: npt.ArrayLike | None = None,
    *,
    penalty: float = UNKNOWN_PENALTY,
) -> npt.NDArray[np.float32]:
    """Return `scores` with ineligible pairs set to -inf and each unknown criterion's penalty applied."""
    scores = np.array(scores, dtype=np.float32, copy=True)
    if unknown is not None:
        scores *= np.power(np.float32(penalty), np.asarray(unknown, dtype=np.float32))
    if eligible is not None:
        scores[~np.asarray(eligible, dtype=bool)] = -np.inf
    return scores


def reasons_for(verdict: Verdict) -> list[Reason]:
    """Return the criteria-met and criteria-unknown reasons of one verdict."""
    reasons = []
    if verdict.passed:
        reasons.append(Reason(ReasonCode.CRITERIA_MET, {"criteria": [str(r.criterion) for r in verdict.passed]}))
    if verdict.unknown:
        reasons.append(
            Reason(ReasonCode.CRITERIA_UNKNOWN, {"criteria": [str(r.criterion) for r in verdict.unknown]}, -1.0)
        )
    return reasons


@dataclass
class EligibilityArrays:
    """Programs' hard criteria as arrays, to check many applicants against many programs at once.

    Categorical values are small integer codes (-1: not told); `sectors` rows are code sets.
    `allowed_*` are boolean program × code matrices whose all-False rows mean "no restriction".
    Dates are ordinal days (NaN: not told / no limit). Same outcomes as kernel.eligibility.
    """

    allowed_kinds: np.ndarray
    allowed_stages: np.ndarray
    allowed_locations: np.ndarray
    allowed_sectors: np.ndarray
    founded_after: np.ndarray
    founded_before: np.ndarray
    max_team_size: np.ndarray
    trl_min: np.ndarray
    trl_max: np.ndarray
    has_conditions: np.ndarray

    def check(
        self,
        kind: np.ndarray,
        stage: np.ndarray,
        location: np.ndarray,
        sectors: np.ndarray,
        founded_on: np.ndarray,
        team_size: np.ndarray,
        trl: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Return (eligible, unknown counts) for applicants given as arrays (one entry per applicant).

        The arguments are the arrays `encode` returns: codes (-1: not told), sector code sets
        (applicant × code booleans), and ordinal days, team sizes and TRLs (NaN: not told).
        """
        n = len(kind)
        eligible = np.ones((n, self.allowed_kinds.shape[0]), dtype=bool)
        unknown = np.zeros(eligible.shape, dtype=np.int8)
        for codes, allowed in (
            (kind, self.allowed_kinds),
            (stage, self.allowed_stages),
            (location, self.allowed_locations),
        ):
            codes = np.asarray(codes)
            # np.any, not the method: numpy's stubs type a row reduction by the method as scalar-or-array.
            restricted = np.any(allowed, axis=1)[None, :]
            told = (codes >= 0)[:, None]
            passes = allowed[:, np.maximum(codes, 0)].T
            eligible &= ~(restricted & told & ~passes)
            unknown += restricted & ~told
        restricted = np.any(self.allowed_sectors, axis=1)[None, :]
        told = (sectors.sum(axis=1) > 0)[:, None]
        overlap = (np.asarray(sectors, dtype=np.float32) @ self.allowed_sectors.T.astype(np.float32)) > 0
        eligible &= ~(restricted & told & ~overlap)
        unknown += restricted & ~told
        for values, limit, compare in (
            (founded_on, self.founded_after, np.greater_equal),
            (founded_on, self.founded_before, np.less_equal),
            (team_size, self.max_team_size, np.less_equal),
        ):
            values = np.asarray(values, dtype=np.float64)[:, None]
            restricted = ~np.isnan(limit)[None, :]
            told = ~np.isnan(values)
            with np.errstate(invalid="ignore"):
                eligible &= ~(restricted & told & ~compare(values, limit[None, :]))
            unknown += restricted & ~told
        trl = np.asarray(trl, dtype=np.float64)[:, None]
        restricted = (~np.isnan(self.trl_min) | ~np.isnan(self.trl_max))[None, :]
        low, high = np.nan_to_num(self.trl_min, nan=1)[None, :], np.nan_to_num(self.trl_max, nan=9)[None, :]
        told = ~np.isnan(trl)
        with np.errstate(invalid="ignore"):
            eligible &= ~(restricted & told & ~((low <= trl) & (trl <= high)))
        unknown += restricted & ~told
        unknown += self.has_conditions[None, :].astype(np.int8)
        return eligible, unknown


def check_pairs(
    arrays: EligibilityArrays, people: dict[str, np.ndarray], rows: np.ndarray, programs: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Return (eligible, unknown counts) for the listed (applicant row, program) pairs only.

    A full recompute checks just the pairs whose text already matches (the nonzero scores):
    the same verdicts as EligibilityArrays.check at a fraction of the cost.
    """
    eligible = np.ones(rows.size, dtype=bool)
    unknown = np.zeros(rows.size, dtype=np.int8)
    for name, allowed in (
        ("kind", arrays.allowed_kinds),
        ("stage", arrays.allowed_stages),
        ("location", arrays.allowed_locations),
    ):
        codes = np.asarray(people[name])[rows]
        restricted = np.any(allowed, axis=1)[programs]
        told = codes >= 0
        eligible &= ~(restricted & told & ~allowed[programs, np.maximum(codes, 0)])
        unknown += restricted & ~told
    sectors = np.asarray(people["sectors"])
    restricted = np.any(arrays.allowed_sectors, axis=1)[programs]
    told = np.any(sectors, axis=1)[rows]
    overlap = (sectors[rows] & arrays.allowed_sectors[programs]).any(axis=1)
    eligible &= ~(restricted & told & ~overlap)
    unknown += restricted & ~told
    for name, limit, passes in (
        ("founded_on", arrays.founded_after, np.greater_equal),
        ("founded_on", arrays.founded_before, np.less_equal),
        ("team_size", arrays.max_team_size, np.less_equal),
    ):
        values, limits = np.asarray(people[name], dtype=np.float64)[rows], limit[programs]
        restricted, told = ~np.isnan(limits), ~np.isnan(values)
        with np.errstate(invalid="ignore"):
            eligible &= ~(restricted & told & ~passes(values, limits))
        unknown += restricted & ~told
    trl = np.asarray(people["trl"], dtype=np.float64)[rows]
    low, high = arrays.trl_min[programs], arrays.trl_max[programs]
    restricted, told = ~np.isnan(low) | ~np.isnan(high), ~np.isnan(trl)
    with np.errstate(invalid="ignore"):
        inside = (np.nan_to_num(low, nan=1) <= trl) & (trl <= np.nan_to_num(high, nan=9))
    eligible &= ~(restricted & told & ~inside)
    unknown += restricted & ~told
    unknown += arrays.has_conditions[programs].astype(np.int8)
    return eligible, unknown


def encode(
    applicants: Sequence[Applicant], criteria: Sequence[Criteria]
) -> tuple[EligibilityArrays, dict[str, np.ndarray]]:
    """Return the programs' criteria as arrays and the applicants' facts as the matching check() arguments."""
    codes: dict[str, dict[str, int]] = {"kind": {}, "stage": {}, "location": {}, "sector": {}}

    def code(space: str, value: str | None) -> int:
        return -1 if value is None else codes[space].setdefault(value, len(codes[space]))

    for c in criteria:
        for space, values in (
            ("kind", c.organisation_kinds),
            ("stage", c.stages),
            ("location", c.locations),
            ("sector", c.sectors),
        ):
            for value in sorted(values):
                code(space, value)
    people: dict[str, np.ndarray] = {
        "kind": np.array([code("kind", a.organisation_kind) for a in applicants], dtype=np.int64),
        "stage": np.array([code("stage", a.stage) for a in applicants], dtype=np.int64),
        "location": np.array([code("location", a.location) for a in applicants], dtype=np.int64),
    }
    sector_sets = [[code("sector", s) for s in sorted(a.sectors)] for a in applicants]

    def allowed(space: str, field: str) -> np.ndarray:
        matrix = np.zeros((len(criteria), max(1, len(codes[space]))), dtype=bool)
        for j, c in enumerate(criteria):
            matrix[j, [codes[space][v] for v in getattr(c, field)]] = True
        return matrix

    def number(values: Iterable[float | None]) -> np.ndarray:
        return np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)

    def ordinal(day: date | None) -> float | None:
        return None if day is None else day.toordinal()

    sectors = np.zeros((len(applicants), max(1, len(codes["sector"]))), dtype=bool)
    for i, row in enumerate(sector_sets):
        sectors[i, row] = True
    people |= {
        "sectors": sectors,
        "founded_on": number(ordinal(a.founded_on) for a in applicants),
        "team_size": number(a.team_size for a in applicants),
        "trl": number(a.trl for a in applicants),
    }
    arrays = EligibilityArrays(
        allowed_kinds=allowed("kind", "organisation_kinds"),
        allowed_stages=allowed("stage", "stages"),
        allowed_locations=allowed("location", "locations"),
        allowed_sectors=allowed("sector", "sectors"),
        founded_after=number(ordinal(c.founded_after) for c in criteria),
        founded_before=number(ordinal(c.founded_before) for c in criteria),
        max_team_size=number(c.max_team_size for c in criteria),
        # As in evaluate(): a zero bound means the scale's end (1 or 9), not "no bound".
        trl_min=number(None if c.trl_min is None else (c.trl_min or 1) for c in criteria),
        trl_max=number(None if c.trl_max is None else (c.trl_max or 9) for c in criteria),
        has_conditions=np.array([bool(c.conditions.strip()) for c in criteria], dtype=bool),
    )
    return arrays, people
