"""The fixed demo ecosystem as records: what `seed_demo` creates on an empty database.

Deterministic: one seed drives every choice, so two empty databases seeded on the same day get
the same organisations, people and texts (program dates are relative to that day so that every
status — forthcoming, open, closing soon, closed — is always on show).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from ecosystem.demo import programs as program_generator
from ecosystem.demo import vocabularies as v
from ecosystem.demo.generators import Generator
from ecosystem.demo.records import MentorRecord, OrganisationRecord, ProgramRecord
from ecosystem.demo.text import at
from ecosystem.demo.themes import THEMES, THEMES_BY_KEY

DEMO_SEED = 3  # the issue that asked for this demo; any fixed number would do
STARTUPS = 220
ENTERPRISES = 24
MENTORS = 45
CAPABILITIES_PER_INSTITUTION = (9, 12)
CAPABILITY_KINDS = ("expertise", "facility", "licensing", "service")
# 28 published programs in every status, plus two drafts waiting in the admin.
PUBLISHED_STATUSES = ("forthcoming",) * 5 + ("open",) * 10 + ("closing_soon",) * 6 + ("closed",) * 7
DRAFTS = 2
PROGRAM_KINDS = {
    "government_agency": ("grant", "loan", "tax_incentive", "competition", "training"),
    "support_organisation": ("accelerator", "mentoring", "competition", "training"),
}
PROGRAMS_PER_PUBLISHER = {"government_agency": 3, "support_organisation": 2}
# The first deployment is a smart-city programme in an industrial province: weight its fields up.
THEME_WEIGHTS = {"aquaculture": 1.5, "smart-farming": 1.5, "industry-4": 2, "mobility": 1.5, "e-government": 1.5,
                 "urban-water": 1.5, "logistics": 1.5}  # fmt: skip
# Share of each kind that a moderator has already verified.
VERIFIED_SHARE = {"startup": 0.35, "enterprise": 0.5, "investor": 0.5}


@dataclass
class DemoPlan:
    organisations: list[OrganisationRecord]
    mentors: list[MentorRecord]
    programs: list[ProgramRecord]


def demo_plan(*, today: date, seed: int = DEMO_SEED, reserved_names=()) -> DemoPlan:
    """Return every record of the demo ecosystem; `reserved_names` are organisation names it must not use."""
    gen = Generator(seed=seed, today=today, reserved_names=reserved_names)
    weights = [THEME_WEIGHTS.get(theme.key, 1) for theme in THEMES]

    def theme():
        return gen.rng.choices(THEMES, weights=weights)[0]

    startups = [gen.startup(theme=theme()) for _ in range(STARTUPS)]
    enterprises = [gen.startup(theme=theme(), kind="enterprise") for _ in range(ENTERPRISES)]
    academics = [_academic(gen, kind, entry) for kind, entries in
                 (("university", v.UNIVERSITIES), ("research_institute", v.RESEARCH_INSTITUTES))
                 for entry in entries]  # fmt: skip
    agencies = [_institution(gen, "government_agency", entry, staff=("admin", "member")) for entry in
                v.GOVERNMENT_AGENCIES]  # fmt: skip
    supporters = [_institution(gen, "support_organisation", entry, staff=("member",)) for entry in
                  v.SUPPORT_ORGANISATIONS]  # fmt: skip
    investors = [_institution(gen, "investor", entry, staff=()) for entry in v.INVESTORS]

    for enterprise in enterprises:
        enterprise.needs.append(gen.need(organisation=enterprise, theme=THEMES_BY_KEY[enterprise.themes[0]],
                                         poster=enterprise.owner))  # fmt: skip
    for agency in agencies:
        officers = [agency.owner, *(person for person, _role in agency.members)]
        for key in agency.themes[:2]:
            agency.needs.append(
                gen.need(organisation=agency, theme=THEMES_BY_KEY[key], poster=gen.rng.choice(officers))
            )

    organisations = [*startups, *enterprises, *academics, *agencies, *supporters, *investors]
    for organisation in organisations:
        share = VERIFIED_SHARE.get(organisation.kind, 1.0)
        if gen.rng.random() < share:
            organisation.verified_at = at(today - timedelta(days=gen.rng.randint(1, 400)), 10)
        # A few startups keep their profile to themselves, so the directory has something to hide.
        organisation.is_public = organisation.kind != "startup" or gen.rng.random() < 0.95

    mentors = [gen.mentor(themes=tuple(gen.pick(THEMES, (1, 2)))) for _ in range(MENTORS)]
    return DemoPlan(organisations=organisations, mentors=mentors, programs=_programs(gen, [*agencies, *supporters]))


def _academic(gen: Generator, kind: str, entry) -> OrganisationRecord:
    """Return a university or institute with its researchers and 9–12 capabilities of every kind."""
    organisation = _institution(gen, kind, entry, staff=())
    language = organisation.language
    researchers = [gen.person(language=language, academic=True) for _ in range(gen.rng.randint(3, 5))]
    organisation.members = [(person, "member") for person in researchers]
    count = gen.rng.randint(*CAPABILITIES_PER_INSTITUTION)
    kinds = [CAPABILITY_KINDS[i % len(CAPABILITY_KINDS)] for i in range(count)]
    gen.rng.shuffle(kinds)
    for index, capability_kind in enumerate(kinds):
        owner = gen.rng.choice(researchers)
        organisation.capabilities.append(
            gen.capability(
                organisation=organisation,
                theme=THEMES_BY_KEY[organisation.themes[index % len(organisation.themes)]],
                kind=capability_kind,
                owner=owner,
                contact=gen.rng.choice([owner, *researchers]),
            )
        )
    return organisation


def _institution(gen: Generator, kind: str, entry, *, staff: tuple[str, ...]) -> OrganisationRecord:
    name_vi, name_en, location, theme_keys = entry
    language = gen.language()
    organisation = gen.institution(
        kind=kind,
        names=(name_vi, name_en),
        location=location,
        themes=tuple(THEMES_BY_KEY[key] for key in theme_keys),
        language=language,
    )
    organisation.members = [(gen.person(language=language), role) for role in staff]
    return organisation


def _programs(gen: Generator, publishers: list[OrganisationRecord]) -> list[ProgramRecord]:
    slots = [(publisher, kind) for publisher in publishers for kind in
             gen.pick(PROGRAM_KINDS[publisher.kind], PROGRAMS_PER_PUBLISHER[publisher.kind])]  # fmt: skip
    drafts = set(gen.pick(range(len(slots)), DRAFTS))
    assert len(slots) == len(PUBLISHED_STATUSES) + DRAFTS, "every program slot needs exactly one status"
    statuses = list(PUBLISHED_STATUSES)
    gen.rng.shuffle(statuses)
    records = []
    for index, (publisher, kind) in enumerate(slots):
        is_draft = index in drafts
        records.append(
            program_generator.program(
                gen,
                agency=publisher,
                theme=THEMES_BY_KEY[publisher.themes[index % len(publisher.themes)]],
                kind=kind,
                status="forthcoming" if is_draft else statuses.pop(),
                cohort=index // 4 + 1,
                publish=not is_draft,
            )
        )
    return records
