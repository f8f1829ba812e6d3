"""Introductions: a request goes to the other side, who accept (contacts shared, a relationship
starts) or decline; unanswered requests expire and the requester is told and shown the next-best
match; mentors cannot take more startups than their capacity."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from ecosystem.models import OrganisationKind, Role
from matching.models import (
    FeedbackEvent,
    Introduction,
    IntroductionStatus,
    MatchFeedback,
    MatchKind,
    MatchState,
    Relationship,
    RelationshipStatus,
    Side,
)
from matching.selectors import introductions as selectors
from matching.services import introductions as services
from matching.services.feedback import match_dismiss
from matching.signals import introduction_answered, introduction_expired, introduction_requested
from tests.factories import (
    CapabilityFactory,
    MembershipFactory,
    MentorOfferFactory,
    NeedFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.factories.matching import MatchFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signals():
    """Record what matching announces (as notifications would), by signal name."""
    heard = []
    receivers = {}
    for name, signal in (
        ("requested", introduction_requested),
        ("answered", introduction_answered),
        ("expired", introduction_expired),
    ):

        def receiver(sender, introduction, name=name, **kwargs):
            heard.append((name, introduction.pk, introduction.status))

        receivers[signal] = receiver
        signal.connect(receiver)
    yield heard
    for signal, receiver in receivers.items():
        signal.disconnect(receiver)


@pytest.fixture
def startup_owner():
    return UserFactory(display_name="Nguyễn Văn An")


@pytest.fixture
def researcher():
    return UserFactory(display_name="Trần Thị Bình")


@pytest.fixture
def startup(startup_owner):
    organisation = OrganisationFactory(name="Tôm Xanh JSC", kind=OrganisationKind.STARTUP)
    MembershipFactory(organisation=organisation, user=startup_owner, role=Role.OWNER)
    return organisation


@pytest.fixture
def pair(startup, researcher):
    """A collaboration match: the startup and a lab's capability posted by the researcher."""
    return MatchFactory(
        kind=MatchKind.COLLABORATION,
        organisation=startup,
        capability=CapabilityFactory(owner=researcher, title="Cảm biến oxy hòa tan"),
        score=0.8,
    )


def _request(client, user, match, message="Chúng tôi muốn thử cảm biến của phòng thí nghiệm."):
    client.force_login(user)
    return client.post(reverse("matching:introduction_request", args=[match.pk]), {"message": message})


def test_request_and_accept_share_contacts_and_start_a_collaboration(
    client, pair, startup_owner, researcher, signals, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _request(client, startup_owner, pair)
    introduction = Introduction.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("matching:introduction_detail", args=[introduction.pk])
    assert signals == [("requested", introduction.pk, IntroductionStatus.PENDING)]
    assert introduction.requester_side == Side.SEEKER
    assert introduction.expires_at - introduction.created_at == timedelta(days=14)

    # Before an answer nobody's e-mail address is shown.
    page = client.get(response.url).content.decode()
    assert "Chúng tôi muốn thử cảm biến" in page
    assert researcher.email not in page and startup_owner.email not in page

    client.force_login(researcher)
    received = client.get(reverse("matching:introduction_list")).content.decode()
    assert "Tôm Xanh JSC" in received
    with django_capture_on_commit_callbacks(execute=True):
        accepted = client.post(reverse("matching:introduction_accept", args=[introduction.pk]))
    assert accepted.status_code == 302

    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.ACCEPTED and introduction.answered_by == researcher
    relationship = Relationship.objects.get()
    assert (relationship.kind, relationship.status) == (MatchKind.COLLABORATION, RelationshipStatus.ACTIVE)
    assert (relationship.organisation, relationship.capability) == (pair.organisation, pair.capability)
    assert signals[-1] == ("answered", introduction.pk, IntroductionStatus.ACCEPTED)

    for person in (researcher, startup_owner):
        client.force_login(person)
        page = client.get(reverse("matching:introduction_detail", args=[introduction.pk])).content.decode()
        assert researcher.email in page and startup_owner.email in page
        assert "Nguyễn Văn An" in page and "Trần Thị Bình" in page

    events = list(MatchFeedback.objects.filter(key=pair.key).order_by("pk").values_list("event", "side"))
    assert events == [
        (FeedbackEvent.INTRO_REQUESTED, Side.SEEKER),
        (FeedbackEvent.INTRO_ACCEPTED, Side.PROVIDER),
        (FeedbackEvent.COLLABORATION_STARTED, Side.PROVIDER),
    ]


def test_decline_with_a_reason_and_the_requester_sees_the_next_best_match(
    client, pair, startup, startup_owner, researcher, signals, django_capture_on_commit_callbacks
):
    MatchFactory(
        kind=MatchKind.COLLABORATION,
        organisation=startup,
        capability=CapabilityFactory(title="Xử lý ảnh ao nuôi"),
        score=0.6,
    )
    dismissed = MatchFactory(
        kind=MatchKind.COLLABORATION, organisation=startup, capability=CapabilityFactory(title="Đã bỏ qua"), score=0.7
    )
    match_dismiss(user=startup_owner, match=dismissed, side=Side.SEEKER)
    MatchFactory(kind=MatchKind.MENTORING, organisation=startup, score=0.99)  # another kind: not suggested
    introduction = services.introduction_request(user=startup_owner, match=pair, message="Xin chào")

    client.force_login(researcher)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("matching:introduction_decline", args=[introduction.pk]),
            {"reason": "Phòng thí nghiệm đã kín lịch đến tháng 6."},
        )
    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.DECLINED
    assert introduction.decline_reason == "Phòng thí nghiệm đã kín lịch đến tháng 6."
    assert signals[-1] == ("answered", introduction.pk, IntroductionStatus.DECLINED)
    assert not Relationship.objects.exists()
    assert MatchFeedback.objects.filter(event=FeedbackEvent.INTRO_DECLINED, reason__startswith="Phòng").exists()

    client.force_login(startup_owner)
    page = client.get(reverse("matching:introduction_detail", args=[introduction.pk])).content.decode()
    assert "Phòng thí nghiệm đã kín lịch đến tháng 6." in page
    assert "Xử lý ảnh ao nuôi" in page  # the next-best, neither asked about nor dismissed
    assert "Đã bỏ qua" not in page
    assert researcher.email not in page


def test_an_unanswered_request_expires_and_the_requester_is_told(
    client, pair, startup, startup_owner, researcher, signals, django_capture_on_commit_callbacks
):
    MatchFactory(
        kind=MatchKind.COLLABORATION,
        organisation=startup,
        capability=CapabilityFactory(title="Phân tích nước"),
        score=0.5,
    )
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        introduction = services.introduction_request(user=startup_owner, match=pair, message="")

    with time_machine.travel(start + timedelta(days=13, hours=23), tick=False):
        assert services.introductions_expire() == 0

    with time_machine.travel(start + timedelta(days=14, minutes=1), tick=False):
        # Too late to accept, even before the hourly task has run.
        with pytest.raises(ValidationError):
            services.introduction_accept(user=researcher, introduction=introduction)
        from matching.tasks import introductions_expire

        with django_capture_on_commit_callbacks(execute=True):
            assert introductions_expire.delay().get() == 1
        assert services.introductions_expire() == 0  # a second run changes nothing

    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.EXPIRED
    assert signals == [("expired", introduction.pk, IntroductionStatus.EXPIRED)]

    client.force_login(startup_owner)
    page = client.get(reverse("matching:introduction_detail", args=[introduction.pk])).content.decode()
    assert "Phân tích nước" in page
    # The pair may be asked again now that nothing is pending.
    again = services.introduction_request(user=startup_owner, match=pair, message="Thử lại")
    assert again.status == IntroductionStatus.PENDING


def test_the_expiry_is_configurable(pair, startup_owner, settings):
    settings.MATCHING_INTRODUCTION_EXPIRY_DAYS = 3
    introduction = services.introduction_request(user=startup_owner, match=pair, message="")
    assert introduction.expires_at - introduction.created_at == timedelta(days=3)


def test_the_expiry_runs_hourly_through_celery_beat():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="matching.tasks.introductions_expire")
    assert task.enabled and (task.interval.every, task.interval.period) == (1, "hours")


def test_a_mentor_at_capacity_cannot_accept(client, startup, startup_owner, in_english):
    mentor = MentorOfferFactory(capacity=1)
    MembershipFactory(organisation=OrganisationFactory(), user=UserFactory())
    Relationship.objects.create(
        kind=MatchKind.MENTORING, key="mentoring:0:0", mentor=mentor, organisation=OrganisationFactory()
    )
    Relationship.objects.create(  # a finished one does not count
        kind=MatchKind.MENTORING,
        key="mentoring:0:1",
        mentor=mentor,
        organisation=OrganisationFactory(),
        status=RelationshipStatus.COMPLETED,
    )
    match = MatchFactory(kind=MatchKind.MENTORING, organisation=startup, mentor=mentor)
    introduction = services.introduction_request(user=startup_owner, match=match, message="Mong được anh hướng dẫn")

    client.force_login(mentor.user)
    response = client.post(reverse("matching:introduction_accept", args=[introduction.pk]), follow=True)
    assert "capacity is 1" in response.content.decode()
    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.PENDING
    assert Relationship.objects.filter(mentor=mentor).count() == 2
    assert not MatchFeedback.objects.filter(event=FeedbackEvent.INTRO_ACCEPTED).exists()

    # Once a mentoring relationship is completed there is room again.
    Relationship.objects.filter(key="mentoring:0:0").update(status=RelationshipStatus.COMPLETED)
    relationship = services.introduction_accept(user=mentor.user, introduction=introduction)
    assert (relationship.kind, relationship.mentor) == (MatchKind.MENTORING, mentor)


def test_a_paused_mentor_receives_no_requests(startup, startup_owner):
    match = MatchFactory(kind=MatchKind.MENTORING, organisation=startup, mentor=MentorOfferFactory(is_paused=True))
    with pytest.raises(ValidationError):
        services.introduction_request(user=startup_owner, match=match, message="")
    assert not Introduction.objects.exists()


def test_one_pending_request_per_pair_and_none_for_dismissed_matches_or_programs(
    pair, startup, startup_owner, researcher
):
    services.introduction_request(user=startup_owner, match=pair, message="")
    with pytest.raises(ValidationError):
        services.introduction_request(user=startup_owner, match=pair, message="again")
    with pytest.raises(ValidationError):  # nor from the other side while it waits
        services.introduction_request(user=researcher, match=pair, message="")

    dismissed = MatchFactory(kind=MatchKind.COLLABORATION, organisation=startup)
    match_dismiss(user=startup_owner, match=dismissed, side=Side.SEEKER)
    with pytest.raises(ValidationError):
        services.introduction_request(user=startup_owner, match=dismissed, message="")

    program = MatchFactory(kind=MatchKind.FUNDING, organisation=startup)
    with pytest.raises(ValidationError):
        services.introduction_request(user=startup_owner, match=program, message="")
    assert Introduction.objects.count() == 1


def test_requesting_keeps_the_match_for_the_requester(pair, startup_owner):
    services.introduction_request(user=startup_owner, match=pair, message="")
    pair.refresh_from_db()
    assert pair.seeker_state == MatchState.SAVED


def test_only_the_people_who_answer_for_the_other_side_may_answer(client, pair, startup, startup_owner, researcher):
    introduction = services.introduction_request(user=startup_owner, match=pair, message="")
    stranger = UserFactory()
    colleague = MembershipFactory(organisation=startup, role=Role.MEMBER).user
    for person in (stranger, colleague):
        client.force_login(person)
        assert client.get(reverse("matching:introduction_detail", args=[introduction.pk])).status_code == 404
        assert client.post(reverse("matching:introduction_accept", args=[introduction.pk])).status_code == 404
    # The requester sees their request but cannot answer it themselves.
    client.force_login(startup_owner)
    assert client.post(reverse("matching:introduction_accept", args=[introduction.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        services.introduction_decline(user=startup_owner, introduction=introduction)
    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.PENDING


def test_anonymous_people_are_asked_to_sign_in(client, pair, startup_owner):
    introduction = services.introduction_request(user=startup_owner, match=pair, message="")
    for url in (
        reverse("matching:introduction_list"),
        reverse("matching:introduction_detail", args=[introduction.pk]),
        reverse("matching:match_list"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and reverse("account_login") in response.url


def test_who_answers_for_each_kind_of_end(startup, startup_owner):
    owner = MembershipFactory(organisation=startup, role=Role.OWNER).user
    admin = MembershipFactory(organisation=startup, role=Role.ADMIN).user
    MembershipFactory(organisation=startup, role=Role.MEMBER)
    contact = UserFactory()
    with_contact = CapabilityFactory(contact_person=contact)
    without_contact = CapabilityFactory()
    mentor = MentorOfferFactory()
    need = NeedFactory()
    MembershipFactory(organisation=need.organisation, user=need.posted_by, role=Role.MEMBER)
    orphan_need = NeedFactory(posted_by=None)
    need_manager = MembershipFactory(organisation=orphan_need.organisation, role=Role.ADMIN).user

    def recipients(match, requester_side):
        return selectors.introduction_recipients(
            Introduction(match=match, key=match.key, kind=match.kind, requester_side=requester_side)
        )

    collaboration = MatchFactory(kind=MatchKind.COLLABORATION, organisation=startup, capability=with_contact)
    assert recipients(collaboration, Side.SEEKER) == [contact]
    assert recipients(collaboration, Side.PROVIDER) == [startup_owner, owner, admin]  # not plain members
    other = MatchFactory(kind=MatchKind.COLLABORATION, organisation=startup, capability=without_contact)
    assert recipients(other, Side.SEEKER) == [without_contact.owner]
    mentoring = MatchFactory(kind=MatchKind.MENTORING, organisation=startup, mentor=mentor)
    assert recipients(mentoring, Side.SEEKER) == [mentor.user]
    assert recipients(MatchFactory(kind=MatchKind.NEED, need=need), Side.PROVIDER) == [need.posted_by]
    assert recipients(MatchFactory(kind=MatchKind.NEED, need=orphan_need), Side.PROVIDER) == [need_manager]


def test_the_received_list_agrees_with_who_answers(startup, researcher):
    owner = MembershipFactory(organisation=startup, role=Role.OWNER).user
    need = NeedFactory()
    MembershipFactory(organisation=need.organisation, user=need.posted_by, role=Role.ADMIN)
    capability_owner = UserFactory()
    capability = CapabilityFactory(owner=capability_owner)
    MembershipFactory(organisation=capability.organisation, user=capability_owner)
    from_lab = services.introduction_request(
        user=capability_owner,
        match=MatchFactory(kind=MatchKind.COLLABORATION, organisation=startup, capability=capability),
        message="",
    )
    from_need = services.introduction_request(
        user=need.posted_by, match=MatchFactory(kind=MatchKind.NEED, need=need, capability=capability), message=""
    )
    for introduction in (from_lab, from_need):
        for person in {*selectors.introduction_recipients(introduction), owner, researcher, capability_owner}:
            listed = selectors.introduction_list_received(user=person).filter(pk=introduction.pk).exists()
            assert listed == (person in selectors.introduction_recipients(introduction)), (introduction, person)


def test_the_parties_update_the_relationship_and_funding_is_recorded(client, pair, startup_owner, researcher):
    introduction = services.introduction_request(user=startup_owner, match=pair, message="")
    relationship = services.introduction_accept(user=researcher, introduction=introduction)

    client.force_login(UserFactory())
    url = reverse("matching:relationship_status", args=[relationship.pk])
    assert client.post(url, {"status": RelationshipStatus.FUNDED}).status_code == 404

    client.force_login(startup_owner)
    response = client.post(url, {"status": RelationshipStatus.FUNDED})
    assert response.url == reverse("matching:introduction_detail", args=[introduction.pk])
    relationship.refresh_from_db()
    assert relationship.status == RelationshipStatus.FUNDED
    funded = MatchFeedback.objects.get(event=FeedbackEvent.FUNDING_AWARDED)
    assert (funded.key, funded.side, funded.actor) == (pair.key, Side.SEEKER, startup_owner)

    client.post(url, {"status": "nonsense"})
    relationship.refresh_from_db()
    assert relationship.status == RelationshipStatus.FUNDED


def test_a_need_introduction_starts_a_collaboration(researcher):
    need = NeedFactory()
    MembershipFactory(organisation=need.organisation, user=need.posted_by, role=Role.OWNER)
    capability = CapabilityFactory(owner=researcher)
    match = MatchFactory(kind=MatchKind.NEED, need=need, capability=capability)
    introduction = services.introduction_request(user=researcher, match=match, message="Chúng tôi có thể giúp")
    assert introduction.requester_side == Side.PROVIDER
    relationship = services.introduction_accept(user=need.posted_by, introduction=introduction)
    assert (relationship.kind, relationship.need, relationship.capability, relationship.organisation) == (
        MatchKind.COLLABORATION,
        need,
        capability,
        need.organisation,
    )


@pytest.mark.parametrize("count", [3, 25])
def test_the_introduction_lists_run_a_bounded_number_of_queries(
    client, researcher, count, django_assert_max_num_queries
):
    for _number in range(count):
        requester = UserFactory()
        organisation = OrganisationFactory()
        MembershipFactory(organisation=organisation, user=requester, role=Role.OWNER)
        match = MatchFactory(
            kind=MatchKind.COLLABORATION, organisation=organisation, capability=CapabilityFactory(owner=researcher)
        )
        services.introduction_request(user=requester, match=match, message="")
    client.force_login(researcher)
    client.get(reverse("matching:introduction_list"))
    with django_assert_max_num_queries(12):  # ten today, for 3 requests or 25
        html = client.get(reverse("matching:introduction_list")).content.decode()
    assert html.count('class="badge introduction-status') == min(count, 20)
