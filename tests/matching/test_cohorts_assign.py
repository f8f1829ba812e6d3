"""Creating a mentoring cohort and its optimal assignment: never beyond a mentor's free places, and
the report is the pairs' own figures."""

from collections import Counter

import pytest
from django.urls import reverse

from ecosystem.models import OrganisationKind, ProgramKind
from matching.models import Cohort, CohortPair, MatchKind, Relationship, RelationshipStatus
from matching.selectors.programs import mentor_free_places
from matching.services.cohorts import cohort_assign, cohort_create
from tests.factories import (
    MatchFactory,
    MembershipFactory,
    MentorOfferFactory,
    OrganisationFactory,
    ProgramFactory,
    StartupProfileFactory,
    UserFactory,
    officer_of,
)
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

TOPICS = [
    ("Tôm Sạch", "Cảm biến oxy hoà tan cho ao nuôi tôm, cảnh báo qua điện thoại"),
    ("Đèn Xanh", "Camera giao thông đếm xe và điều khiển đèn tín hiệu thông minh"),
    ("Lúa Vàng", "Drone phun thuốc và bản đồ sâu bệnh cho ruộng lúa"),
    ("Điện Mặt Trời", "Giám sát điện mặt trời áp mái cho nhà xưởng"),
    ("Y Tế Số", "Hồ sơ sức khoẻ điện tử cho trạm y tế xã"),
]
MENTOR_TOPICS = [
    ("Nuôi trồng thuỷ sản", "Chất lượng nước, oxy hoà tan, ao nuôi tôm và cá"),
    ("Thị giác máy tính", "Camera giao thông, đếm xe, đèn tín hiệu, thành phố thông minh"),
    ("Nông nghiệp chính xác", "Drone, bản đồ sâu bệnh, lúa và cây ăn trái"),
]


@pytest.fixture
def program():
    return ProgramFactory(kind=ProgramKind.MENTORING, title="Cố vấn khởi nghiệp 2026")


@pytest.fixture
def officer(program):
    return officer_of(program.agency)


@pytest.fixture
def startups():
    return [
        StartupProfileFactory(organisation__name=name, pitch=pitch, description=pitch).organisation
        for name, pitch in TOPICS
    ]


def mentor(headline, expertise, capacity):
    return MentorOfferFactory(headline=headline, expertise=expertise, capacity=capacity)


@pytest.fixture
def mentors():
    return [mentor(headline, expertise, 2) for headline, expertise in MENTOR_TOPICS]


def take_on(mentor_offer, count):
    """Give the mentor `count` active mentoring relationships from elsewhere."""
    for _ in range(count):
        organisation = OrganisationFactory()
        Relationship.objects.create(
            kind=MatchKind.MENTORING,
            key=f"mentoring:{organisation.pk}:{mentor_offer.pk}",
            organisation=organisation,
            mentor=mentor_offer,
            status=RelationshipStatus.ACTIVE,
        )


def loads(cohort) -> Counter:
    return Counter(cohort.pairs.values_list("mentor_id", flat=True))


def test_the_assignment_pairs_each_startup_with_the_mentor_of_its_field(officer, program, startups, mentors):
    cohort = cohort_create(user=officer, program=program, name="Khoá 1", startups=startups[:3], mentors=mentors)

    pairs = {pair.organisation.name: pair.mentor.headline for pair in cohort.pairs.select_related("mentor")}
    assert pairs == {
        "Tôm Sạch": "Nuôi trồng thuỷ sản",
        "Đèn Xanh": "Thị giác máy tính",
        "Lúa Vàng": "Nông nghiệp chính xác",
    }
    assert all(pair.score > 0 for pair in cohort.pairs.all())


def test_no_mentor_gets_more_than_their_free_places(officer, program, startups):
    roomy = mentor("Nuôi trồng thuỷ sản", MENTOR_TOPICS[0][1], capacity=3)
    busy = mentor("Thị giác máy tính", MENTOR_TOPICS[1][1], capacity=2)
    full = mentor("Nông nghiệp chính xác", MENTOR_TOPICS[2][1], capacity=1)
    take_on(busy, 1)
    take_on(full, 1)
    # An ended mentorship frees its place.
    take_on(roomy, 1)
    Relationship.objects.filter(mentor=roomy).update(status=RelationshipStatus.COMPLETED)

    cohort = cohort_create(
        user=officer, program=program, name="Khoá 2", startups=startups, mentors=[roomy, busy, full]
    )

    assert mentor_free_places([roomy.pk, busy.pk, full.pk]) == {roomy.pk: 3, busy.pk: 1, full.pk: 0}
    assert loads(cohort) == Counter({roomy.pk: 3, busy.pk: 1})
    assert len(cohort.report["unassigned"]) == 1


def test_the_report_matches_the_pairs(officer, program, startups):
    pool = [mentor(headline, expertise, 1) for headline, expertise in MENTOR_TOPICS]

    cohort = cohort_create(user=officer, program=program, name="Khoá 3", startups=startups, mentors=pool)

    scores = list(cohort.pairs.values_list("score", flat=True))
    assigned = set(cohort.pairs.values_list("organisation_id", flat=True))
    report = cohort.report
    assert report["assigned"] == len(scores) == 3
    assert report["total"] == pytest.approx(sum(scores))
    assert report["mean"] == pytest.approx(sum(scores) / len(scores))
    assert report["worst"] == pytest.approx(min(scores))
    assert sorted(report["unassigned"]) == sorted(s.pk for s in startups if s.pk not in assigned)
    assert report["adjusted"] is False
    # Every startup × mentor pair was scored, so later moves are scored the same way.
    assert len(report["scores"]) == 5 and all(len(row) == 3 for row in report["scores"].values())


def test_assigning_again_replaces_the_pairs(officer, program, startups, mentors):
    cohort = cohort_create(user=officer, program=program, name="Khoá 4", startups=startups, mentors=mentors)
    before = sorted(cohort.pairs.values_list("organisation_id", "mentor_id"))

    cohort = cohort_assign(user=officer, cohort=cohort)

    assert sorted(cohort.pairs.values_list("organisation_id", "mentor_id")) == before
    assert CohortPair.objects.filter(cohort=cohort).count() == len(before)


# -- Through the pages ----------------------------------------------------------------------------


def create_url(program):
    return reverse("matching:cohort_create", kwargs={"slug": program.slug})


def test_an_officer_creates_a_cohort_from_the_form(client, officer, program, startups, mentors):
    client.force_login(officer)
    form = client.get(create_url(program))
    assert form.status_code == 200

    response = client.post(
        create_url(program),
        {"name": "Khoá mùa thu", "startups": [s.pk for s in startups[:3]], "mentors": [m.pk for m in mentors]},
    )

    cohort = Cohort.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("matching:cohort_detail", kwargs={"slug": program.slug, "pk": cohort.pk})
    assert cohort.name == "Khoá mùa thu" and cohort.created_by == officer
    assert cohort.pairs.count() == 3
    detail = client.get(response.url)
    assert detail.status_code == 200
    assert "Tôm Sạch" in detail.content.decode()


def test_the_form_suggests_startups_the_program_fits_and_finds_others(client, officer, program, startups, mentors):
    MatchFactory(program=program, organisation=startups[1], score=0.7)
    client.force_login(officer)

    suggested = client.get(create_url(program)).context["form"].fields["startups"].queryset
    found = client.post(
        create_url(program), {"search": "1", "startup_search": "Lúa", "startups": [startups[1].pk]}
    ).context["form"]

    assert [o.name for o in suggested] == ["Đèn Xanh"]
    assert {o.name for o in found.fields["startups"].queryset} == {"Đèn Xanh", "Lúa Vàng"}
    assert found.initial["startups"] == [str(startups[1].pk)]
    assert not Cohort.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"name": "", "startups": [], "mentors": []},
        {"name": "X", "startups": ["abc"], "mentors": ["1.5"]},
        {"name": "X", "startups": ["999999999"], "mentors": ["999999999"]},
        {"name": "X", "startups": ["9" * 30], "mentors": ["-1"]},
        {"name": "X" * 201, "startups": [], "mentors": []},
    ],
    ids=["empty", "not numbers", "unknown ids", "ids out of range", "name too long"],
)
def test_bad_input_is_refused_on_its_fields(client, officer, program, data):
    client.force_login(officer)

    response = client.post(create_url(program), data)

    assert response.status_code == 400
    assert response.context["form"].errors
    assert not Cohort.objects.exists()


def test_a_paused_mentor_or_a_hidden_startup_cannot_join(client, officer, program, startups, mentors):
    paused = MentorOfferFactory(is_paused=True)
    private = MentorOfferFactory(is_public=False)
    no_profile = OrganisationFactory(kind=OrganisationKind.STARTUP)
    client.force_login(officer)

    response = client.post(
        create_url(program),
        {"name": "X", "startups": [startups[0].pk, no_profile.pk], "mentors": [mentors[0].pk, paused.pk, private.pk]},
    )

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"startups", "mentors"}


def test_only_mentoring_and_accelerator_programs_have_cohorts(client, officer, program):
    client.force_login(officer)
    grant = ProgramFactory(agency=program.agency, kind=ProgramKind.GRANT)
    accelerator = ProgramFactory(agency=program.agency, kind=ProgramKind.ACCELERATOR)

    assert client.get(reverse("matching:cohort_list", kwargs={"slug": grant.slug})).status_code == 404
    assert client.get(reverse("matching:cohort_list", kwargs={"slug": accelerator.slug})).status_code == 200
    assert client.get(reverse("matching:cohort_list", kwargs={"slug": program.slug})).status_code == 200


def test_only_the_programs_officers_reach_cohorts(client, program, officer, startups, mentors):
    cohort = cohort_create(user=officer, program=program, name="Khoá 1", startups=startups, mentors=mentors)
    urls = [
        reverse("matching:cohort_list", kwargs={"slug": program.slug}),
        create_url(program),
        reverse("matching:cohort_detail", kwargs={"slug": program.slug, "pk": cohort.pk}),
    ]
    for url in urls:
        assert "login" in client.get(url).url
    other_agency = OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY, is_verified=True)
    for person in (UserFactory(), MembershipFactory(organisation=other_agency).user, mentors[0].user):
        enable_totp(person)  # two factors are not enough without managing the program
        client.force_login(person)
        for url in urls:
            assert client.get(url).status_code == 404
    # A cohort of another program is not reachable through this one.
    client.force_login(officer)
    other = ProgramFactory(agency=program.agency, kind=ProgramKind.MENTORING)
    assert (
        client.get(reverse("matching:cohort_detail", kwargs={"slug": other.slug, "pk": cohort.pk})).status_code == 404
    )


def test_the_program_page_links_its_officers_to_the_cohorts(client, officer, program):
    client.force_login(officer)

    page = client.get(program.get_absolute_url()).content.decode()

    assert reverse("matching:cohort_list", kwargs={"slug": program.slug}) in page


def test_a_draft_can_be_changed_and_is_assigned_again(client, officer, program, startups, mentors):
    cohort = cohort_create(user=officer, program=program, name="Khoá 1", startups=startups[:2], mentors=mentors)
    client.force_login(officer)
    edit_url = reverse("matching:cohort_edit", kwargs={"slug": program.slug, "pk": cohort.pk})
    form = client.get(edit_url).context["form"]
    assert sorted(form.initial["startups"]) == sorted(s.pk for s in startups[:2])

    data = {"name": "Khoá 1 (mở rộng)", "startups": [s.pk for s in startups], "mentors": [m.pk for m in mentors]}
    response = client.post(edit_url, data)

    assert response.status_code == 302
    cohort.refresh_from_db()
    assert cohort.name == "Khoá 1 (mở rộng)"
    assert cohort.startups.count() == 5
    assert cohort.report["assigned"] + len(cohort.report["unassigned"]) == 5
    assert max(loads(cohort).values()) <= 2


def test_a_private_startup_is_neither_found_nor_taken_into_a_cohort(client, officer, program, startups, mentors):
    hidden_away = startups[1]
    hidden_away.is_public = False
    hidden_away.save()
    client.force_login(officer)

    found = client.post(create_url(program), {"search": "1", "startup_search": hidden_away.name[:3]}).context["form"]
    taken = client.post(create_url(program), {"name": "X", "startups": [hidden_away.pk], "mentors": [mentors[0].pk]})

    assert hidden_away not in found.fields["startups"].queryset
    assert taken.status_code == 400 and "startups" in taken.context["form"].errors
    assert not Cohort.objects.exists()
