"""Plain records of generated demo data: what to create, before any database row exists.

Keeping generation (pure, seeded) apart from loading (bulk inserts) makes the demo deterministic
and lets the scale mode reuse the same generators at speed. Taxonomy values are slugs and
technology names; the loader turns them into ids.
"""

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class PersonRecord:
    email: str
    display_name: str
    first_name: str
    last_name: str
    language: str  # "vi" or "en": the language of the e-mails Helix sends them


@dataclass
class ProfileRecord:
    pitch: str
    description: str
    sectors: list[str]
    technologies: list[str]
    stage: str
    trl: int
    founded_on: date
    team_size: int
    location: str
    seeking: list[str]
    funding_amount: int | None
    links: str = ""
    theme: str = ""  # the theme key it was written from: how tests tell an on-topic match from noise


@dataclass
class CapabilityRecord:
    kind: str
    title: str
    description: str
    research_areas: list[str]
    technologies: list[str]
    trl: int | None
    availability: str
    terms: str
    owner: PersonRecord
    contact_person: PersonRecord
    is_public: bool = True
    theme: str = ""


@dataclass
class NeedRecord:
    title: str
    problem: str
    desired_outcome: str
    budget_min: int
    budget_max: int
    deadline: date
    respondent_kinds: list[str]
    sectors: list[str]
    technologies: list[str]
    posted_by: PersonRecord
    theme: str = ""


@dataclass
class OrganisationRecord:
    name: str
    slug: str
    kind: str
    language: str
    summary: str
    website: str
    contact_email: str
    owner: PersonRecord
    themes: tuple[str, ...]  # theme keys, so needs and programs can stay on topic
    location: str
    members: list[tuple[PersonRecord, str]] = field(default_factory=list)  # (person, role) besides the owner
    is_public: bool = True
    verified_at: datetime | None = None
    profile: ProfileRecord | None = None
    capabilities: list[CapabilityRecord] = field(default_factory=list)
    needs: list[NeedRecord] = field(default_factory=list)

    def people(self) -> list[PersonRecord]:
        people = [self.owner, *(person for person, _role in self.members)]
        people += [p for capability in self.capabilities for p in (capability.owner, capability.contact_person)]
        people += [need.posted_by for need in self.needs]
        return people


@dataclass
class MentorRecord:
    person: PersonRecord
    headline: str
    expertise: str
    sectors: list[str]
    languages: list[str]
    capacity: int
    availability: str
    is_paused: bool
    themes: tuple[str, ...] = ()  # a mentor may cover two fields


@dataclass
class ProgramRecord:
    slug: str
    title: str
    agency_slug: str
    kind: str
    summary: str
    description: str
    how_to_apply: str
    apply_url: str
    budget_total: int
    max_award: int
    opens_at: datetime | None
    closes_at: datetime | None
    eligible_kinds: list[str]
    eligible_stages: list[str]
    eligible_sectors: list[str]
    eligible_locations: list[str]
    founded_after: date | None
    founded_before: date | None
    max_team_size: int | None
    trl_min: int | None
    trl_max: int | None
    other_conditions: str
    publish: bool = True
    theme: str = ""
