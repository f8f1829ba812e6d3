"""What `seed_demo` creates: a realistic, fictional, bilingual ecosystem (tests/demo/test_seed_demo_runs.py
covers running it again, determinism and --scale)."""

import re
from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction

from demo import vocabularies
from ecosystem import taxonomy_data
from ecosystem.models import (
    Capability,
    CapabilityKind,
    Membership,
    MentorOffer,
    Need,
    Organisation,
    Program,
    ProgramStatus,
    Role,
    StartupProfile,
)
from ecosystem.permissions import OFFICERS_GROUP
from ecosystem.selectors.programs import program_eligibility_for
from kernel.text import strip_diacritics

pytestmark = pytest.mark.django_db

ACADEMIC = ["university", "research_institute"]
SECTOR_SLUGS = {row[0] for row in taxonomy_data.SECTORS} | {c[0] for row in taxonomy_data.SECTORS for c in row[3]}


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The seeded demo, shared by this module's read-only tests and rolled back after the last one.

    Seeding takes a few seconds; every test here only reads, so they share one run. Each test's own
    transaction (the `db` fixture) nests inside this one as a savepoint.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed()
        transaction.set_rollback(True)


def sentence_count(text: str) -> int:
    # A full stop followed by a capital starts a sentence; "Co., Ltd. builds" does not.
    return 1 + sum(match.group(1).isupper() for match in re.finditer(r"[.…]\s+(\S)", text))


def is_vietnamese(text: str) -> bool:
    return strip_diacritics(text) != text


def vietnamese_share(texts) -> float:
    texts = list(texts)
    return sum(map(is_vietnamese, texts)) / len(texts)


def test_creates_at_least_what_the_issue_asks_for(demo):
    startups = Organisation.objects.filter(kind="startup", startup_profile__isnull=False)

    assert startups.count() >= 200
    assert Organisation.objects.filter(kind__in=ACADEMIC).count() >= 15
    assert Capability.objects.filter(organisation__kind__in=ACADEMIC).count() >= 150
    assert MentorOffer.objects.count() >= 40
    assert Need.objects.count() >= 30
    assert Program.objects.filter(live=True).count() >= 25
    assert Program.objects.filter(live=False).count() >= 2  # drafts waiting in the admin


def test_every_capability_kind_and_every_program_status_is_on_show(demo):
    assert set(Capability.objects.values_list("kind", flat=True)) == set(CapabilityKind.values)
    assert {program.status for program in Program.objects.filter(live=True)} == set(ProgramStatus)


def test_content_is_written_in_both_languages_mostly_vietnamese(demo):
    # Vietnamese first; English only from the few organisations (and mentors) that work in English.
    descriptions = StartupProfile.objects.values_list("description", flat=True)

    assert 0.75 <= vietnamese_share(descriptions) <= 0.95
    for texts in (
        Capability.objects.values_list("description", flat=True),
        MentorOffer.objects.values_list("expertise", flat=True),
        Need.objects.values_list("problem", flat=True),
        Program.objects.values_list("summary", flat=True),
    ):
        assert 0.75 <= vietnamese_share(texts) < 1.0  # some English: the organisations that write it


def test_startup_profiles_are_complete_and_use_the_installed_taxonomies(demo):
    profiles = StartupProfile.objects.select_related("stage", "location").prefetch_related("sectors", "technologies")

    for profile in profiles:
        assert profile.pitch and 3 <= sentence_count(profile.description) <= 6, profile.description
        assert 1 <= profile.sectors.count() <= 3
        assert {sector.slug for sector in profile.sectors.all()} <= SECTOR_SLUGS
        assert profile.technologies.exists()
        assert profile.stage and profile.location and profile.founded_on and profile.team_size
        assert 1 <= profile.trl <= 9
        assert (profile.funding_amount is not None) == ("funding" in profile.seeking)


def test_locations_lean_towards_ho_chi_minh_city_and_hanoi(demo):
    locations = Counter(StartupProfile.objects.values_list("location__slug", flat=True))

    (first, first_count), (second, _count) = locations.most_common(2)
    assert first == "ho-chi-minh"
    assert second in {"ha-noi", "can-tho", "da-nang"}
    assert first_count / locations.total() >= 0.2


@pytest.mark.parametrize(
    ("words", "sector"),
    [
        (("tôm", "shrimp"), "aquaculture"),
        (("đèn tín hiệu", "traffic signal"), "mobility"),
        (("thiết kế chip", "thiết kế vi mạch", "chip design"), "semiconductors"),
    ],
)
def test_text_stays_on_topic_so_search_and_matching_find_signal(demo, words, sector):
    def mentions(queryset, field):
        return [item for item in queryset if any(word in getattr(item, field).lower() for word in words)]

    profiles = mentions(StartupProfile.objects.prefetch_related("sectors"), "description")
    capabilities = mentions(Capability.objects.prefetch_related("research_areas"), "description")

    assert profiles and capabilities
    assert all(sector in {s.slug for s in p.sectors.all()} for p in profiles)
    assert all(sector in {s.slug for s in c.research_areas.all()} for c in capabilities)


def test_capabilities_belong_to_researchers_of_their_institution(demo):
    members = set(Membership.objects.values_list("organisation_id", "user_id"))

    for capability in Capability.objects.filter(organisation__kind__in=ACADEMIC):
        assert (capability.organisation_id, capability.owner_id) in members
        assert (capability.organisation_id, capability.contact_person_id) in members


def test_every_organisation_has_an_owner_and_agencies_have_officers(demo):
    owners = Counter(Membership.objects.filter(role=Role.OWNER).values_list("organisation_id", flat=True))
    assert all(owners[pk] == 1 for pk in Organisation.objects.values_list("pk", flat=True))

    for agency in Organisation.objects.filter(kind="government_agency", slug__endswith="-demo").exclude(
        memberships__user__email__endswith="@helix.local"
    ):
        assert agency.memberships.count() >= 3


def test_agency_people_can_draft_programs_in_the_admin(demo):
    officers = Group.objects.get(name=OFFICERS_GROUP).user_set
    agency_people = Membership.objects.filter(
        organisation__kind="government_agency", organisation__slug__endswith="-demo"
    ).exclude(user__email__endswith="@helix.local")
    assert agency_people.exists()
    assert not agency_people.exclude(user__in=officers.all()).exists()
    publishers = Membership.objects.filter(
        organisation__kind__in=["government_agency", "support_organisation"]
    ).values("user_id")
    assert not officers.exclude(pk__in=publishers).exists()


def test_every_demo_agency_is_verified_so_its_officers_can_act(demo):
    assert Organisation.objects.filter(kind="government_agency").exists()
    assert not Organisation.objects.filter(kind="government_agency", is_verified=False).exists()


def test_several_organisations_are_verified_by_the_demo_admin(demo):
    admin = get_user_model().objects.get(email="admin@helix.local")
    verified = Organisation.objects.filter(is_verified=True)

    assert verified.count() >= 20
    assert not verified.exclude(verified_by=admin).exclude(verified_at__isnull=False).exists()
    assert Organisation.objects.filter(is_verified=False).exists()


def test_mentors_needs_and_programs_look_like_the_real_thing(demo):
    mentors = MentorOffer.objects.all()
    assert {offer.capacity for offer in mentors} <= set(range(1, 7))
    assert mentors.filter(is_paused=True).exists() and mentors.filter(is_paused=False).exists()
    assert all(offer.languages and set(offer.languages) <= {"vi", "en"} for offer in mentors)

    needs = Need.objects.select_related("organisation")
    assert {need.organisation.kind for need in needs} == {"enterprise", "government_agency"}
    assert all(need.budget_min <= need.budget_max and need.deadline and need.posted_by_id for need in needs)

    programs = Program.objects.select_related("agency")
    assert {program.agency.kind for program in programs} == {"government_agency", "support_organisation"}
    # Between them, the programs use every eligibility criterion.
    assert programs.exclude(eligible_kinds=[]).exists()
    assert programs.filter(eligible_stages__isnull=False).exists()
    assert programs.filter(eligible_sectors__isnull=False).exists()
    assert programs.filter(eligible_locations__isnull=False).exists()
    assert programs.filter(founded_after__isnull=False).exists()
    assert programs.filter(max_team_size__isnull=False).exists()
    assert programs.filter(trl_min__isnull=False, trl_max__isnull=False).exists()
    assert programs.exclude(other_conditions="").exists()


def test_published_programs_have_the_revisions_wagtail_expects(demo):
    for program in Program.objects.all():
        revision = program.latest_revision
        assert revision is not None
        assert revision.as_object().title == program.title
        assert set(revision.as_object().eligible_sectors.all()) == set(program.eligible_sectors.all())
        if program.live:
            assert program.live_revision_id == revision.pk and not program.has_unpublished_changes
            assert program.first_published_at
        else:
            assert program.live_revision_id is None and program.has_unpublished_changes


def test_eligibility_can_be_checked_for_a_demo_startup(demo):
    program = Program.objects.filter(live=True).exclude(eligible_kinds=[]).first()
    startup = Organisation.objects.filter(kind="startup").first()

    verdict = program_eligibility_for(program=program, organisation=startup)

    assert verdict.results


def test_generated_rows_pass_model_validation(demo):
    # Field rules (lengths, choices, validators, URLs) and clean(); the database already enforces
    # foreign keys and uniqueness, which full_clean would check with a query per row.
    for model in (Organisation, StartupProfile, Capability, MentorOffer, Need, Program):
        relations = [field.name for field in model._meta.fields if field.is_relation]
        for row in model.objects.all():
            row.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)


def test_people_are_fictional(demo):
    generated = get_user_model().objects.filter(email__endswith="@demo.helix.local")
    family_names = {name for name, _weight in vocabularies.FAMILY_NAMES}

    assert generated.count() >= 300
    assert (
        not get_user_model()
        .objects.exclude(email__endswith="@demo.helix.local")
        .exclude(email__endswith="@helix.local")
    )
    assert all(person.last_name in family_names for person in generated)


def test_demo_people_can_sign_in_with_the_demo_password(demo, client):
    mentor = MentorOffer.objects.select_related("user").first().user

    response = client.post("/accounts/login/", {"login": mentor.email, "password": "helix-demo-user"})

    assert response.status_code == 302


def test_the_demo_has_a_moderator_and_its_agency_owner_is_an_officer(demo):
    people = get_user_model().objects
    assert people.get(email="moderator@helix.local").groups.filter(name="Moderators").exists()
    assert people.get(email="owner.government@helix.local").groups.filter(name=OFFICERS_GROUP).exists()


def test_the_site_is_named_helix_at_site_url(demo, settings):
    from django.contrib.sites.models import Site

    site = Site.objects.get_current()
    assert (site.name, site.domain) == ("Helix", "127.0.0.1:8000")
    # Wagtail's default site too: page URLs in the sitemap and e-mails use its host and port.
    from wagtail.models import Site as WagtailSite

    pages_site = WagtailSite.objects.get(is_default_site=True)
    assert (pages_site.hostname, pages_site.port, pages_site.site_name) == ("127.0.0.1", 8000, "Helix")


def test_demo_logins_lists_one_sign_in_per_persona_and_the_address(demo, settings):
    settings.SITE_URL = "http://127.0.0.1:8100"
    out = StringIO()
    call_command("demo_logins", stdout=out)
    lines = out.getvalue().splitlines()

    signins = dict(re.findall(r"^\s+(\w+)\s+(\S+@\S+) / \S+$", "\n".join(lines), re.MULTILINE))
    assert set(signins) == {"admin", "founder", "researcher", "officer", "moderator"}
    people = get_user_model().objects
    assert people.get(email=signins["founder"]).memberships.filter(organisation__kind="startup").exists()
    assert Capability.objects.filter(owner__email=signins["researcher"]).exists()
    assert lines[-1].startswith("Helix: http://127.0.0.1:8100/")
