"""Consortia: who took part in which project, a consortium being completed, and the benchmark's protocol.

The data `partners.PartnerRecommender` learns from (participations) and answers for (a consortium
with its members so far and what it is looking for); `hide_one_member` turns past projects into
consortia with one member hidden, the task both its re-ranker and `evaluate_matching` use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Participation:
    project_id: str
    org_id: str
    org_type: str
    country: str
    programme: str
    year: float | None = None


@dataclass(frozen=True)
class Consortium:
    """The members so far (organisation ids), the programme of the call and when.

    `type_mix` (one organisation type per seat of the planned consortium, members included) and
    `countries` (those it will span) say what the coordinator is looking for; empty means unknown.
    `member_types` and `member_countries` (aligned with `members`, optional) say what the
    coordinator knows of its own members; the organisation table fills in where they are empty.
    """

    members: tuple[str, ...]
    programme: str | None = None
    year: float | None = None
    type_mix: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    member_types: tuple[str, ...] = ()
    member_countries: tuple[str, ...] = ()


def hide_one_member(
    participations: Sequence[Participation], rng: np.random.Generator, min_members: int = 3
) -> tuple[list[Consortium], list[str]]:
    """Return (consortia with one member hidden, the hidden ids): the benchmark's protocol.

    Projects in ascending id order (numerically when ids are numbers), members in input order,
    one draw per project with at least `min_members` organisations. Each consortium keeps the
    project's type mix and countries (what a coordinator knows it is looking for) and its
    remaining members' types and countries as the project lists them.
    """
    by_project: dict[str, list[Participation]] = {}
    for x in participations:
        by_project.setdefault(x.project_id, []).append(x)

    def order(project_id: str) -> tuple[int, int, str]:
        return (0, int(project_id), "") if project_id.isdigit() else (1, 0, project_id)

    consortia, hidden = [], []
    for project_id in sorted(by_project, key=order):
        rows = by_project[project_id]
        members = list(dict.fromkeys(x.org_id for x in rows))
        if len(members) < min_members:
            continue
        drawn = members[int(rng.integers(len(members)))]
        first = {x.org_id: x for x in reversed(rows)}
        kept = tuple(m for m in members if m != drawn)
        consortia.append(
            Consortium(
                kept,
                rows[0].programme,
                rows[0].year,
                type_mix=tuple(first[m].org_type for m in members),
                countries=tuple(sorted({first[m].country for m in members})),
                member_types=tuple(first[m].org_type for m in kept),
                member_countries=tuple(first[m].country for m in kept),
            )
        )
        hidden.append(drawn)
    return consortia, hidden
