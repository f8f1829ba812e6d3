"""The whole pipeline over the demo world: seed the demo, recompute every match, read the personas' lists.

A smoke check, not a quality measure: it catches a demo whose content and matching have drifted
apart (a smart-farming startup shown traffic programs first), not how good the ranking is. The
theme of every item comes from the generator's records (`theme`, `themes`), never from its text.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from demo.management.commands.seed_demo import DEMO_ORGANISATIONS
from demo.plan import demo_plan
from ecosystem.models import Organisation
from matching.models import Match, MatchKind

pytestmark = pytest.mark.django_db

TOP = 5
ON_THEME = 3  # most of the top five


def provider_themes(plan) -> dict[str, dict]:
    """Return, per kind of match, the theme keys of each provider, keyed as the database rows are read."""
    capabilities = {
        (organisation.slug, c.title, c.description): {c.theme}
        for organisation in plan.organisations
        for c in organisation.capabilities
    }
    return {
        MatchKind.FUNDING: {p.slug: {p.theme} for p in plan.programs},
        MatchKind.COLLABORATION: capabilities,
        MatchKind.MENTORING: {m.person.email: set(m.themes) for m in plan.mentors},
    }


def provider_key(match: Match):
    if match.kind == MatchKind.FUNDING:
        return match.program.slug
    if match.kind == MatchKind.COLLABORATION:
        capability = match.capability
        return (capability.organisation.slug, capability.title, capability.description)
    return match.mentor.user.email


def test_each_persona_sees_its_own_field_first():
    call_command("seed_demo", stdout=StringIO(), stderr=StringIO())
    call_command("matches_rebuild", stdout=StringIO(), stderr=StringIO(), verbosity=0)
    # The same plan the command wrote: same seed, same day, same reserved names.
    plan = demo_plan(today=timezone.localdate(), reserved_names=[demo.name for demo in DEMO_ORGANISATIONS])
    themes = provider_themes(plan)
    assert plan.personas

    results = {}
    for theme, persona in plan.personas.items():
        organisation = Organisation.objects.get(slug=persona.slug)
        for kind in (MatchKind.FUNDING, MatchKind.COLLABORATION, MatchKind.MENTORING):
            top = list(
                Match.objects.filter(organisation=organisation, kind=kind, seeker_rank__isnull=False)
                .select_related("program", "capability__organisation", "mentor__user")
                .order_by("seeker_rank")[:TOP]
            )
            if top:  # a tab the persona has
                on_theme = sum(theme in themes[kind][provider_key(match)] for match in top)
                results[theme, kind] = (on_theme, len(top))

    report = "\n".join(f"{theme:<18} {kind:<13} {hits}/{shown}" for (theme, kind), (hits, shown) in results.items())
    assert {theme for theme, _kind in results} == set(plan.personas), report
    failures = [key for key, (hits, shown) in results.items() if hits < min(ON_THEME, shown)]
    assert not failures, f"on-theme matches in the top {TOP}:\n{report}"
