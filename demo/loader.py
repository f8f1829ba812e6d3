"""Write demo records to the database in bulk: a handful of INSERTs per batch, never a query per row.

Bulk inserts skip `save()` and signals, on purpose: they are what makes 100,000 organisations take
minutes instead of hours. Derived data (search indexes, match scores, Wagtail's reference index)
is rebuilt from the facts afterwards, as everywhere in Helix. Programs get real revisions and
history entries, so the Wagtail admin shows them as published (or as drafts) like any other.
"""

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Revision

from demo.records import MentorRecord, OrganisationRecord, PersonRecord, ProgramRecord
from ecosystem import taxonomy_data
from ecosystem.models import (
    Capability,
    Location,
    Membership,
    MentorOffer,
    Need,
    Organisation,
    Program,
    ProgramLogEntry,
    Role,
    Sector,
    Stage,
    StartupProfile,
    Technology,
)
from ecosystem.models.programs import PUBLISHER_KINDS
from ecosystem.permissions import OFFICERS_GROUP
from ecosystem.services.taxonomies import taxonomies_install
from ecosystem.slugs import slug_from
from kernel.text import fold

BATCH_SIZE = 2000


def taxonomies_ensure() -> bool:
    """Install the starting vocabularies if any is missing; return whether it had to.

    Never reinstalls over existing ones: taxonomies_install() would overwrite labels that
    moderators have edited since.
    """
    expected = {
        Location: {row[0] for row in taxonomy_data.LOCATIONS},
        Stage: {row[0] for row in taxonomy_data.STAGES},
        Sector: {row[0] for row in taxonomy_data.SECTORS} | {c[0] for row in taxonomy_data.SECTORS for c in row[3]},
    }
    if all(slugs <= set(model.objects.values_list("slug", flat=True)) for model, slugs in expected.items()):
        return False
    taxonomies_install()
    return True


@dataclass
class Taxonomy:
    """Vocabulary rows by slug (technologies by name), loaded once for a whole run."""

    sectors: dict[str, Sector]
    stages: dict[str, Stage]
    locations: dict[str, Location]
    technologies: dict[str, int]

    @classmethod
    def load(cls, technology_names: Iterable[str]) -> "Taxonomy":
        """Return the vocabularies, creating any technology tag in `technology_names` that is missing."""
        names = {slug_from(name): name for name in sorted(set(technology_names))}
        # bulk_create skips Technology.save(), which fills `folded`; it is filled here instead.
        Technology.objects.bulk_create(
            [Technology(name=name, slug=slug, folded=fold(name)) for slug, name in names.items()],
            ignore_conflicts=True,
        )
        ids = dict(Technology.objects.filter(slug__in=names).values_list("slug", "id"))
        return cls(
            # With parents: modelcluster sorts in-memory relations by Sector's ordering (parent__name_vi).
            sectors={sector.slug: sector for sector in Sector.objects.select_related("parent")},
            stages={stage.slug: stage for stage in Stage.objects.all()},
            locations={location.slug: location for location in Location.objects.all()},
            technologies={name: ids[slug] for slug, name in names.items()},
        )


def _link(model, field_name: str, pairs: Iterable[tuple[int, int]], batch_size: int) -> int:
    """Insert many-to-many rows (owner id, target id) straight into the through table; return the count."""
    field = model._meta.get_field(field_name)
    through = field.remote_field.through
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    rows = [through(**{source: a, target: b}) for a, b in pairs]
    through.objects.bulk_create(rows, batch_size=batch_size)
    return len(rows)


class BulkLoader:
    """Creates organisations with everything they hold, people and mentor offers, from records."""

    def __init__(self, *, taxonomy: Taxonomy, password_hash: str, verified_by_id=None, verify_addresses=True):
        self.taxonomy = taxonomy
        self.password_hash = password_hash  # hashed once: hashing per person would dominate the run time
        self.verified_by_id = verified_by_id
        self.verify_addresses = verify_addresses
        self.created: Counter[str] = Counter()

    def load(self, organisations: list[OrganisationRecord], mentors: list[MentorRecord] = ()) -> Counter:
        """Create what is missing (by slug, by mentor e-mail) and return the counts of created rows."""
        existing = set(
            Organisation.objects.filter(slug__in=[o.slug for o in organisations]).values_list("slug", flat=True)
        )
        organisations = [o for o in organisations if o.slug not in existing]
        mentored = set(
            MentorOffer.objects.filter(user__email__in=[m.person.email for m in mentors]).values_list(
                "user__email", flat=True
            )
        )
        mentors = [m for m in mentors if m.person.email not in mentored]
        users = self._users([p for o in organisations for p in o.people()] + [m.person for m in mentors])
        org_ids = self._organisations(organisations)
        self._memberships(organisations, org_ids, users)
        self._profiles(organisations, org_ids)
        self._capabilities(organisations, org_ids, users)
        self._needs(organisations, org_ids, users)
        self._mentors(mentors, users)
        return self.created

    def _users(self, people: list[PersonRecord]) -> dict[str, int]:
        people = list({person.email: person for person in people}.values())
        User = get_user_model()
        ids = dict(User.objects.filter(email__in=[p.email for p in people]).values_list("email", "id"))
        new = [
            User(
                email=p.email,
                display_name=p.display_name,
                first_name=p.first_name,
                last_name=p.last_name,
                preferred_language=p.language,
                password=self.password_hash,
            )
            for p in people
            if p.email not in ids
        ]
        User.objects.bulk_create(new, batch_size=BATCH_SIZE)
        ids.update((user.email, user.pk) for user in new)
        if self.verify_addresses:
            # allauth signs in only people with a verified address (ACCOUNT_EMAIL_VERIFICATION=mandatory).
            EmailAddress.objects.bulk_create(
                [EmailAddress(user_id=user.pk, email=user.email, verified=True, primary=True) for user in new],
                batch_size=BATCH_SIZE,
            )
        self.created["users"] += len(new)
        return ids

    def _organisations(self, records: list[OrganisationRecord]) -> list[int]:
        rows = [
            Organisation(
                name=r.name,
                slug=r.slug,
                kind=r.kind,
                summary=r.summary,
                website=r.website,
                contact_email=r.contact_email,
                is_public=r.is_public,
                is_verified=r.verified_at is not None,
                verified_at=r.verified_at,
                verified_by_id=self.verified_by_id if r.verified_at else None,
            )
            for r in records
        ]
        Organisation.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.created.update(r.kind for r in records)
        return [row.pk for row in rows]

    def _memberships(self, records, org_ids, users) -> None:
        rows = [
            Membership(organisation_id=org_id, user_id=users[person.email], role=role)
            for record, org_id in zip(records, org_ids, strict=True)
            for person, role in [(record.owner, Role.OWNER), *record.members]
        ]
        Membership.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.created["memberships"] += len(rows)
        self._officers(records, users)

    def _officers(self, records, users) -> None:
        # People of government agencies and support organisations draft programs in the Wagtail admin.
        officers = Group.objects.filter(name=OFFICERS_GROUP).first()
        if officers is None:
            return
        user_ids = {
            users[person.email]
            for record in records
            if record.kind in PUBLISHER_KINDS
            for person, _role in [(record.owner, Role.OWNER), *record.members]
        }
        officers.user_set.add(*user_ids)

    def _profiles(self, records, org_ids) -> None:
        tax = self.taxonomy
        pairs = [(record.profile, org_id) for record, org_id in zip(records, org_ids, strict=True) if record.profile]
        rows = [
            StartupProfile(
                organisation_id=org_id,
                pitch=p.pitch,
                description=p.description,
                stage=tax.stages[p.stage],
                trl=p.trl,
                founded_on=p.founded_on,
                team_size=p.team_size,
                location=tax.locations[p.location],
                seeking=p.seeking,
                funding_amount=p.funding_amount,
                links=p.links,
            )
            for p, org_id in pairs
        ]
        StartupProfile.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        profiles = [(row.pk, p) for row, (p, _org) in zip(rows, pairs, strict=True)]
        self._tags(StartupProfile, profiles)
        self.created["profiles"] += len(rows)

    def _capabilities(self, records, org_ids, users) -> None:
        pairs = [(c, org_id) for record, org_id in zip(records, org_ids, strict=True) for c in record.capabilities]
        rows = [
            Capability(
                organisation_id=org_id,
                owner_id=users[c.owner.email],
                contact_person_id=users[c.contact_person.email],
                kind=c.kind,
                title=c.title,
                description=c.description,
                trl=c.trl,
                availability=c.availability,
                terms=c.terms,
                is_public=c.is_public,
            )
            for c, org_id in pairs
        ]
        Capability.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        capabilities = [(row.pk, c) for row, (c, _org) in zip(rows, pairs, strict=True)]
        self._tags(Capability, capabilities, sectors="research_areas")
        self.created["capabilities"] += len(rows)

    def _needs(self, records, org_ids, users) -> None:
        pairs = [(n, org_id) for record, org_id in zip(records, org_ids, strict=True) for n in record.needs]
        rows = [
            Need(
                organisation_id=org_id,
                posted_by_id=users[n.posted_by.email],
                title=n.title,
                problem=n.problem,
                desired_outcome=n.desired_outcome,
                budget_min=n.budget_min,
                budget_max=n.budget_max,
                deadline=n.deadline,
                respondent_kinds=n.respondent_kinds,
            )
            for n, org_id in pairs
        ]
        Need.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self._tags(Need, [(row.pk, n) for row, (n, _org) in zip(rows, pairs, strict=True)])
        self.created["needs"] += len(rows)

    def _mentors(self, mentors: list[MentorRecord], users) -> None:
        rows = [
            MentorOffer(
                user_id=users[m.person.email],
                headline=m.headline,
                expertise=m.expertise,
                languages=m.languages,
                capacity=m.capacity,
                availability=m.availability,
                is_paused=m.is_paused,
            )
            for m in mentors
        ]
        MentorOffer.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        tax = self.taxonomy
        pairs = ((row.pk, tax.sectors[s].pk) for row, m in zip(rows, mentors, strict=True) for s in m.sectors)
        _link(MentorOffer, "sectors", pairs, BATCH_SIZE)
        self.created["mentor offers"] += len(rows)

    def _tags(self, model, items, *, sectors: str = "sectors") -> None:
        # A record names its sectors by the model's field name (`sectors`, or `research_areas`).
        tax = self.taxonomy
        sector_pairs = ((pk, tax.sectors[slug].pk) for pk, record in items for slug in getattr(record, sectors))
        tech_pairs = ((pk, tax.technologies[name]) for pk, record in items for name in record.technologies)
        _link(model, sectors, sector_pairs, BATCH_SIZE)
        _link(model, "technologies", tech_pairs, BATCH_SIZE)


def programs_load(records: list[ProgramRecord], *, taxonomy: Taxonomy, user=None) -> Counter:
    """Create the programs whose slug is new, each with a revision; publish those marked to publish.

    The bulk equivalent of `program.save_revision(user=user).publish(user=user)` (or of saving a
    draft): the same program state, revision (with the serialised content the admin restores from)
    and history entries, in a few queries instead of ~50 per program. No `published` signal is
    sent, so nothing reacts to demo programs as if an officer had just published them, and
    Wagtail's reference index is left to `rebuild_references_index`.
    """
    created: Counter[str] = Counter()
    existing = set(Program.objects.filter(slug__in=[r.slug for r in records]).values_list("slug", flat=True))
    records = [r for r in records if r.slug not in existing]
    if not records:
        return created
    agencies = {o.slug: o for o in Organisation.objects.filter(slug__in={r.agency_slug for r in records})}
    now = timezone.now()
    programs = [_program(r, agency=agencies[r.agency_slug], taxonomy=taxonomy, now=now) for r in records]
    Program.objects.bulk_create(programs, batch_size=BATCH_SIZE)
    for field_name, vocabulary in (("eligible_stages", "stages"), ("eligible_sectors", "sectors"),
                                   ("eligible_locations", "locations")):  # fmt: skip
        rows = getattr(taxonomy, vocabulary)
        pairs = (
            (p.pk, rows[slug].pk) for p, r in zip(programs, records, strict=True) for slug in getattr(r, field_name)
        )
        _link(Program, field_name, pairs, BATCH_SIZE)

    content_type = ContentType.objects.get_for_model(Program)
    revisions = [
        # serializable_data() reads the parental many-to-many values still held in memory: no query.
        Revision(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(p.pk),
            created_at=now,
            user=user,
            object_str=str(p),
            content=p.serializable_data(),
        )
        for p in programs
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH_SIZE)
    for program, revision in zip(programs, revisions, strict=True):
        program.latest_revision = revision
        program.live_revision = revision if program.live else None
    Program.objects.bulk_update(programs, ["latest_revision", "live_revision"], batch_size=BATCH_SIZE)

    entries = []
    for program, revision in zip(programs, revisions, strict=True):
        action_id = uuid.uuid4()  # Wagtail groups the entries of one user action by a shared UUID
        actions = ["wagtail.create", "wagtail.publish"] if program.live else ["wagtail.create"]
        entries += [
            ProgramLogEntry(
                content_type=content_type,
                program=program,
                label=str(program),
                action=action,
                timestamp=now,
                uuid=action_id,
                user=user,
                revision=revision,
                content_changed=True,
            )
            for action in actions
        ]
    ProgramLogEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
    published = sum(program.live for program in programs)
    created["programs published"] += published
    created["program drafts"] += len(programs) - published
    return created


def _program(r: ProgramRecord, *, agency: Organisation, taxonomy: Taxonomy, now) -> Program:
    live = r.publish
    program = Program(
        agency=agency,
        title=r.title,
        slug=r.slug,
        kind=r.kind,
        summary=r.summary,
        description=r.description,
        how_to_apply=r.how_to_apply,
        apply_url=r.apply_url,
        budget_total=r.budget_total,
        max_award=r.max_award,
        opens_at=r.opens_at,
        closes_at=r.closes_at,
        eligible_kinds=r.eligible_kinds,
        founded_after=r.founded_after,
        founded_before=r.founded_before,
        max_team_size=r.max_team_size,
        trl_min=r.trl_min,
        trl_max=r.trl_max,
        other_conditions=r.other_conditions,
        # What Program.save() and PublishRevisionAction would set; bulk_create calls neither.
        expire_at=r.closes_at,
        live=live,
        has_unpublished_changes=not live,
        first_published_at=now if live else None,
        last_published_at=now if live else None,
    )
    # Generated data obeys the same rules as the admin's forms. Foreign keys are left out: checking
    # them costs a query each, and the agency is a row just read.
    program.clean_fields(exclude=[f.name for f in Program._meta.fields if f.is_relation])
    program.clean()
    # Kept in memory by modelcluster until save(); serializable_data() reads them from there.
    program.eligible_stages.set([taxonomy.stages[slug] for slug in r.eligible_stages])
    program.eligible_sectors.set([taxonomy.sectors[slug] for slug in r.eligible_sectors])
    program.eligible_locations.set([taxonomy.locations[slug] for slug in r.eligible_locations])
    return program
