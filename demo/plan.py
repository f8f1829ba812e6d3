"""The fixed demo ecosystem as records: what `seed_demo` creates on an empty database.

Deterministic: one seed drives every choice, so two empty databases seeded on the same day get
the same organisations, people and texts (program dates are relative to that day so that every
status — forthcoming, open, closing soon, closed — is always on show).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from demo import programs as program_generator
from demo import vocabularies as v
from demo.generators import Generator
from demo.records import MentorRecord, OrganisationRecord, ProgramRecord
from demo.text import at
from demo.themes import THEMES, THEMES_BY_KEY

DEMO_SEED = 3  # the issue that asked for this demo; any fixed number would do
STARTUPS = 220
ENTERPRISES = 24
MENTORS = 45
CAPABILITIES_PER_INSTITUTION = (9, 12)
CAPABILITY_KINDS = ("expertise", "facility", "licensing", "service")
DRAFTS = 2  # program drafts waiting in the admin, besides the published ones
PROGRAM_KINDS = {
    "government_agency": ("grant", "loan", "tax_incentive", "competition", "training"),
    "support_organisation": ("accelerator", "mentoring", "competition", "training"),
}
# The first deployment is a smart-city programme in an industrial province: weight its fields up.
THEME_WEIGHTS = {"aquaculture": 1.5, "smart-farming": 1.5, "industry-4": 2, "mobility": 1.5, "e-government": 1.5,
                 "urban-water": 1.5, "logistics": 1.5}  # fmt: skip
# The fields the province's programme cares most about. Each gets a persona (a Vietnamese startup at
# MVP stage, where its field is concentrated, to sign in as) and enough calls still open for it to
# see its own field's programs first; the other fields get two calls each.
FOCUS_THEMES = ("smart-farming", "aquaculture", "mobility", "industry-4", "digital-health", "edtech", "fintech",
                "renewable-energy")  # fmt: skip
PROGRAMS_PER_THEME = {"focus": 6, "other": 2}
FOCUS_STATUSES = ("open", "open", "open", "closing_soon", "forthcoming", "closed")
OTHER_STATUSES = ("open", "closed", "forthcoming", "closing_soon")
# Loans and tax incentives are for companies with revenue; a focus field's calls are for its startups.
STARTUP_KINDS = ("grant", "accelerator", "mentoring", "competition", "training")
MENTORS_PER_FOCUS_THEME = 4
PERSONA_STAGE = "mvp"
# Personas are the programme's own startups, in Ho Chi Minh City (Bình Dương's province since 2025), except
# where the field lives elsewhere: farming and aquaculture in the Mekong Delta.
PERSONA_HOME = "ho-chi-minh"
PERSONA_LOCATIONS = {"smart-farming": "can-tho", "aquaculture": None}  # None: the field's first location
# Share of each kind that a moderator has already verified.
VERIFIED_SHARE = {"startup": 0.35, "enterprise": 0.5, "investor": 0.5}


@dataclass
class DemoPlan:
    organisations: list[OrganisationRecord]
    mentors: list[MentorRecord]
    programs: list[ProgramRecord]
    personas: dict[str, OrganisationRecord] = field(default_factory=dict)  # theme key -> its persona startup


def demo_plan(*, today: date, seed: int = DEMO_SEED, reserved_names=()) -> DemoPlan:
    """Return every record of the demo ecosystem; `reserved_names` are organisation names it must not use."""
    gen = Generator(seed=seed, today=today, reserved_names=reserved_names)
    weights = [THEME_WEIGHTS.get(theme.key, 1) for theme in THEMES]

    def theme():
        return gen.rng.choices(THEMES, weights=weights)[0]

    personas = {
        key: gen.startup(
            theme=THEMES_BY_KEY[key],
            language="vi",
            stage=PERSONA_STAGE,
            location=PERSONA_LOCATIONS.get(key, PERSONA_HOME) or THEMES_BY_KEY[key].locations[0],
            # A persona is a clear example of its field: the theme's first, central story.
            story=THEMES_BY_KEY[key].stories[0],
        )
        for key in FOCUS_THEMES
    }
    startups = [*personas.values(), *(gen.startup(theme=theme()) for _ in range(STARTUPS - len(personas)))]
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
    for persona in personas.values():
        persona.is_public = True

    # Every focus field has a few mentors of its own, all but the last taking mentees (the last may have
    # paused); the rest come from anywhere, weighted like startups.
    mentors = [
        gen.mentor(
            themes=(THEMES_BY_KEY[key], *gen.pick([t for t in THEMES if t.key != key], (0, 1))),
            active=index < MENTORS_PER_FOCUS_THEME - 1,
        )
        for key in FOCUS_THEMES
        for index in range(MENTORS_PER_FOCUS_THEME)
    ]
    mentors += [
        gen.mentor(themes=tuple(dict.fromkeys(theme() for _ in range(gen.rng.randint(1, 2)))))
        for _ in range(MENTORS - len(mentors))
    ]
    return DemoPlan(
        organisations=organisations,
        mentors=mentors,
        programs=_programs(gen, [*agencies, *supporters]),
        personas=personas,
    )


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
    language = gen.institution_language(name_en)
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
    """Return every theme's programs, each from a publisher working in that field, in every status."""
    slots = []  # (publisher, theme key, kind, status)
    others = 0
    for theme in THEMES:
        focus = theme.key in FOCUS_THEMES
        own = [publisher for publisher in publishers if theme.key in publisher.themes]
        if focus:  # its calls are for the province's startups, who read Vietnamese: those publishers first
            own = [p for p in own if p.language == "vi"] or own
        for index in range(PROGRAMS_PER_THEME["focus" if focus else "other"]):
            publisher = own[index % len(own)]
            kinds = PROGRAM_KINDS[publisher.kind]
            kind = gen.rng.choice([kind for kind in kinds if kind in STARTUP_KINDS] if focus else kinds)
            if focus:
                status = FOCUS_STATUSES[index]
            else:
                status, others = OTHER_STATUSES[others % len(OTHER_STATUSES)], others + 1
            slots.append((publisher, theme.key, kind, status))
    # Drafts come from the other fields, so that no focus field loses a call it counts on.
    drafts = set(gen.pick([i for i, slot in enumerate(slots) if slot[1] not in FOCUS_THEMES], DRAFTS))
    cohorts: dict[str, int] = {}
    records = []
    for index, (publisher, key, kind, status) in enumerate(slots):
        cohorts[publisher.slug] = cohorts.get(publisher.slug, 0) + 1
        records.append(
            program_generator.program(
                gen,
                agency=publisher,
                theme=THEMES_BY_KEY[key],
                kind=kind,
                status="forthcoming" if index in drafts else status,
                cohort=cohorts[publisher.slug],
                publish=index not in drafts,
            )
        )
    return records
