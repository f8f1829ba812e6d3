"""Eligibility for a program, criterion by criterion: pass, fail, or unknown when we have not been told."""

from datetime import date

import pytest

from ecosystem.models import Location, OrganisationKind, Sector, Stage
from ecosystem.selectors.programs import program_eligibility_for
from kernel.eligibility import Applicant, Criteria, Criterion, Outcome, evaluate
from tests.factories import OrganisationFactory, ProgramFactory, StartupProfileFactory

pytestmark = pytest.mark.django_db

PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


def outcome(program, organisation, criterion: Criterion) -> Outcome:
    """The program's verdict on one criterion for the organisation (which must be judged on it)."""
    verdict = program_eligibility_for(program=program, organisation=organisation)
    (result,) = [result for result in verdict.results if result.criterion == criterion]
    return result.outcome


def startup(*, sectors=(), **profile):
    """A startup organisation with a profile; taxonomy values are given by slug."""
    if stage := profile.pop("stage", None):
        profile["stage"] = Stage.objects.get(slug=stage)
    if location := profile.pop("location", None):
        profile["location"] = Location.objects.get(slug=location)
    startup_profile = StartupProfileFactory(**profile)
    startup_profile.sectors.set(Sector.objects.filter(slug__in=sectors))
    return startup_profile.organisation


# -- Through the database: program_eligibility_for(program=…, organisation=…) ------------------


@pytest.mark.parametrize(
    ("kind", "expected"),
    [(OrganisationKind.STARTUP, PASS), (OrganisationKind.ENTERPRISE, PASS), (OrganisationKind.UNIVERSITY, FAIL)],
)
def test_organisation_kind(taxonomies, kind, expected):
    program = ProgramFactory(eligible_kinds=[OrganisationKind.STARTUP, OrganisationKind.ENTERPRISE])
    organisation = OrganisationFactory(kind=kind)

    assert outcome(program, organisation, Criterion.ORGANISATION_KIND) == expected


@pytest.mark.parametrize(
    ("stage", "expected"), [("mvp", PASS), ("early-revenue", PASS), ("idea", FAIL), (None, UNKNOWN)]
)
def test_stage(taxonomies, stage, expected):
    program = ProgramFactory()
    program.eligible_stages.set(Stage.objects.filter(slug__in=["mvp", "early-revenue"]))

    assert outcome(program, startup(stage=stage), Criterion.STAGE) == expected


def test_stage_is_unknown_for_an_organisation_without_a_profile(taxonomies):
    program = ProgramFactory()
    program.eligible_stages.set(Stage.objects.filter(slug="mvp"))

    assert outcome(program, OrganisationFactory(), Criterion.STAGE) == UNKNOWN


@pytest.mark.parametrize(
    ("sectors", "expected"),
    [
        (["agriculture"], PASS),
        # A sub-sector belongs to its parent: a smart-farming startup may apply to an agriculture call.
        (["smart-farming"], PASS),
        (["digital-health", "aquaculture"], PASS),
        (["digital-health"], FAIL),
        ([], UNKNOWN),
    ],
)
def test_sector(taxonomies, sectors, expected):
    program = ProgramFactory()
    program.eligible_sectors.set(Sector.objects.filter(slug="agriculture"))

    assert outcome(program, startup(sectors=sectors), Criterion.SECTOR) == expected


def test_a_call_for_a_sub_sector_does_not_take_the_whole_sector(taxonomies):
    program = ProgramFactory()
    program.eligible_sectors.set(Sector.objects.filter(slug="smart-farming"))

    assert outcome(program, startup(sectors=["smart-farming"]), Criterion.SECTOR) == PASS
    assert outcome(program, startup(sectors=["aquaculture"]), Criterion.SECTOR) == FAIL


@pytest.mark.parametrize(("location", "expected"), [("ho-chi-minh", PASS), ("ha-noi", FAIL), (None, UNKNOWN)])
def test_location(taxonomies, location, expected):
    program = ProgramFactory()
    program.eligible_locations.set(Location.objects.filter(slug="ho-chi-minh"))

    assert outcome(program, startup(location=location), Criterion.LOCATION) == expected


@pytest.mark.parametrize(
    ("founded_on", "expected"),
    [(date(2022, 5, 1), PASS), (date(2020, 1, 1), PASS), (date(2019, 12, 31), FAIL), (None, UNKNOWN)],
)
def test_founded_after(taxonomies, founded_on, expected):
    program = ProgramFactory(founded_after=date(2020, 1, 1))

    assert outcome(program, startup(founded_on=founded_on), Criterion.FOUNDED_AFTER) == expected


@pytest.mark.parametrize(
    ("founded_on", "expected"),
    [(date(2015, 1, 1), PASS), (date(2020, 12, 31), PASS), (date(2021, 1, 1), FAIL), (None, UNKNOWN)],
)
def test_founded_before(taxonomies, founded_on, expected):
    program = ProgramFactory(founded_before=date(2020, 12, 31))

    assert outcome(program, startup(founded_on=founded_on), Criterion.FOUNDED_BEFORE) == expected


@pytest.mark.parametrize(("team_size", "expected"), [(3, PASS), (10, PASS), (11, FAIL), (None, UNKNOWN)])
def test_team_size(taxonomies, team_size, expected):
    program = ProgramFactory(max_team_size=10)

    assert outcome(program, startup(team_size=team_size), Criterion.TEAM_SIZE) == expected


@pytest.mark.parametrize(("trl", "expected"), [(4, PASS), (6, PASS), (7, PASS), (3, FAIL), (8, FAIL), (None, UNKNOWN)])
def test_trl_range(taxonomies, trl, expected):
    program = ProgramFactory(trl_min=4, trl_max=7)

    assert outcome(program, startup(trl=trl), Criterion.TRL) == expected


def test_conditions_in_free_text_are_always_unknown(taxonomies):
    program = ProgramFactory(other_conditions="Có đối tác thí điểm tại địa phương / A local pilot partner.")

    assert outcome(program, startup(), Criterion.CONDITIONS) == UNKNOWN


def test_a_program_without_criteria_takes_everyone(taxonomies):
    program = ProgramFactory(other_conditions="   ")
    verdict = program_eligibility_for(program=program, organisation=OrganisationFactory())

    assert verdict.results == ()
    assert verdict.eligible


def test_the_verdict_reports_every_criterion_and_unknowns_do_not_exclude(taxonomies):
    program = ProgramFactory(
        eligible_kinds=[OrganisationKind.STARTUP],
        max_team_size=20,
        trl_min=5,
        other_conditions="Registered in the province.",
    )
    program.eligible_locations.set(Location.objects.filter(slug="ho-chi-minh"))
    organisation = startup(location="ho-chi-minh", team_size=12)

    verdict = program_eligibility_for(program=program, organisation=organisation)

    assert [(result.criterion, result.outcome) for result in verdict.results] == [
        (Criterion.ORGANISATION_KIND, PASS),
        (Criterion.LOCATION, PASS),
        (Criterion.TEAM_SIZE, PASS),
        (Criterion.TRL, UNKNOWN),
        (Criterion.CONDITIONS, UNKNOWN),
    ]
    assert verdict.eligible
    assert [result.criterion for result in verdict.unknown] == [Criterion.TRL, Criterion.CONDITIONS]

    organisation.startup_profile.team_size = 25
    organisation.startup_profile.save()
    verdict = program_eligibility_for(program=program, organisation=organisation)
    assert not verdict.eligible
    assert [result.criterion for result in verdict.failed] == [Criterion.TEAM_SIZE]


# -- The pure engine, directly --------------------------------------------------------------------


def test_an_applicant_whose_kind_is_not_known_is_unknown_on_kind():
    verdict = evaluate(Criteria(organisation_kinds=frozenset({"startup"})), Applicant())

    assert [(result.criterion, result.outcome) for result in verdict.results] == [
        (Criterion.ORGANISATION_KIND, UNKNOWN)
    ]
    assert verdict.eligible


@pytest.mark.parametrize(
    ("trl_min", "trl_max", "trl", "expected"),
    [(6, None, 9, PASS), (6, None, 5, FAIL), (None, 3, 1, PASS), (None, 3, 4, FAIL)],
)
def test_a_half_open_trl_range_is_bounded_by_1_and_9(trl_min, trl_max, trl, expected):
    (result,) = evaluate(Criteria(trl_min=trl_min, trl_max=trl_max), Applicant(trl=trl)).results

    assert result.outcome == expected
    assert result.required == (trl_min or 1, trl_max or 9)
    assert result.actual == trl


def test_results_say_what_was_required_and_what_the_applicant_has():
    criteria = Criteria(sectors=frozenset({"agriculture"}), max_team_size=5)
    verdict = evaluate(criteria, Applicant(sectors=frozenset({"health"}), team_size=8))

    sector, team = verdict.results
    assert (sector.outcome, sector.required, sector.actual) == (FAIL, {"agriculture"}, {"health"})
    assert (team.outcome, team.required, team.actual) == (FAIL, 5, 8)
    assert verdict.failed == [sector, team]
    assert verdict.passed == []
