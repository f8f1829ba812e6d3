"""A notification (in the portal, and by e-mail in the recipient's language) for each event."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from ecosystem.models import OrganisationKind, Program, Role
from matching import signals
from matching.models import Cohort, CohortPair, Introduction, IntroductionStatus, MatchKind, ProgramInvitation, Side
from notifications import kinds
from notifications.models import Delivery, Notification, NotificationKind
from notifications.tasks import program_reminders_send
from tests.factories import (
    MatchFactory,
    MembershipFactory,
    MentorOfferFactory,
    OrganisationFactory,
    ProgramFactory,
    UserFactory,
)
from tests.notifications.conftest import sent_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def mentoring(db):
    """A startup (owner Lan, English) matched with a mentor (Minh, Vietnamese)."""
    founder = UserFactory(display_name="Lan", preferred_language="en")
    startup = OrganisationFactory(kind=OrganisationKind.STARTUP, name="Tôm Sạch")
    MembershipFactory(organisation=startup, user=founder, role=Role.OWNER)
    mentor = MentorOfferFactory(user=UserFactory(display_name="Minh", preferred_language="vi"))
    match = MatchFactory(kind=MatchKind.MENTORING, organisation=startup, mentor=mentor)
    return founder, startup, mentor, match


def introduction(match, requester, **fields):
    return Introduction.objects.create(
        match=match, key=match.key, kind=match.kind, requester=requester, requester_side=Side.SEEKER,
        expires_at=timezone.now() + timedelta(days=7), **fields,
    )  # fmt: skip


def kinds_of(person) -> list[str]:
    return list(Notification.objects.filter(recipient=person).values_list("kind", flat=True))


def test_an_introduction_request_notifies_the_other_side(mentoring, committed, outbox):
    founder, _startup, mentor, match = mentoring
    request = introduction(match, founder)
    with committed():
        signals.introduction_requested.send(sender=Introduction, introduction=request)
        signals.introduction_requested.send(sender=Introduction, introduction=request)  # delivered twice
    assert kinds_of(mentor.user) == [NotificationKind.INTRODUCTION_REQUESTED]
    [message] = sent_to(mentor.user)
    assert "Lan" in message.subject
    assert message.extra_headers["Content-Language"] == "vi"
    assert kinds_of(founder) == []


def test_an_answer_and_an_expiry_notify_the_requester(mentoring, committed, outbox):
    founder, _startup, _mentor, match = mentoring
    founder.preferred_language = "en"  # the e-mails are in the recipient's language
    founder.save()
    accepted = introduction(match, founder)
    accepted.status = IntroductionStatus.ACCEPTED
    with committed():
        signals.introduction_answered.send(sender=Introduction, introduction=accepted)
    accepted.status = IntroductionStatus.EXPIRED
    accepted.save()
    with committed():
        signals.introduction_expired.send(sender=Introduction, introduction=introduction(match, founder))
    assert sorted(kinds_of(founder)) == [NotificationKind.INTRODUCTION_ANSWERED, NotificationKind.INTRODUCTION_EXPIRED]
    subjects = sorted(message.subject for message in sent_to(founder))
    assert subjects == ["Your introduction request expired", "Your introduction request was accepted"]


def test_an_expiry_after_the_match_was_retired_still_names_what_was_asked_for(mentoring, committed, outbox):
    """A recompute may retire the match row before the request expires: the requester is still told which
    mentor it was about (the two ends come from the pair's key, as on the introductions page)."""
    founder, _startup, mentor, match = mentoring
    request = introduction(match, founder)
    match.delete()
    request.refresh_from_db()
    assert request.match_id is None
    with committed():
        signals.introduction_expired.send(sender=Introduction, introduction=request)
    [notification] = Notification.objects.filter(recipient=founder, kind=NotificationKind.INTRODUCTION_EXPIRED)
    assert notification.context["subject"] == str(mentor) and mentor.headline in str(mentor)


def test_a_published_cohort_tells_startup_and_mentor(mentoring, committed, outbox):
    founder, startup, mentor, _match = mentoring
    program = ProgramFactory(title="Mentoring 2026")
    cohort = Cohort.objects.create(program=program, name="Cohort A")
    pair = CohortPair.objects.create(cohort=cohort, organisation=startup, mentor=mentor, score=0.9)
    with committed():
        signals.cohort_published.send(sender=Cohort, cohort=cohort, pairs=[pair])
    assert kinds_of(founder) == [NotificationKind.MENTORING_ASSIGNED]
    assert kinds_of(mentor.user) == [NotificationKind.MENTORING_ASSIGNED]
    assert "Minh" in sent_to(founder)[0].body
    assert "Tôm Sạch" in sent_to(mentor.user)[0].body


def test_an_invitation_to_apply_tells_the_owners_and_admins(committed, outbox):
    startup = OrganisationFactory(kind=OrganisationKind.STARTUP, name="Tôm & Cá")
    owner = MembershipFactory(organisation=startup, role=Role.OWNER, user__preferred_language="en").user
    member = MembershipFactory(organisation=startup, role=Role.MEMBER).user
    program = ProgramFactory(title="Smart city grant")
    invitation = ProgramInvitation.objects.create(program=program, organisation=startup, message="Please apply")
    with committed():
        signals.program_invitation_sent.send(sender=ProgramInvitation, invitation=invitation)
    assert kinds_of(owner) == [NotificationKind.PROGRAM_INVITATION]
    assert kinds_of(member) == []
    [message] = sent_to(owner)
    assert "Please apply" in message.body
    assert "Tôm & Cá is invited to apply" in message.body  # plain text is not HTML-escaped
    assert "Tôm &amp; Cá" in message.alternatives[0][0]


def submitted_program(officer):
    program = ProgramFactory(live=False, title="Grant awaiting moderation")
    program.save_revision(user=officer)
    state = Program.get_default_workflow().start(program, officer)
    return state


def test_a_moderation_decision_tells_the_submitter(committed, outbox):
    from django.contrib.auth.models import Group

    from ecosystem.permissions import MODERATORS_GROUP

    officer, moderator = UserFactory(preferred_language="en"), UserFactory()
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    approved = submitted_program(officer)
    with committed():
        approved.current_task_state.approve(user=moderator)
    rejected = submitted_program(officer)
    with committed():
        rejected.current_task_state.reject(user=moderator, comment="Add the budget")
    with translation.override("en"):  # the portal lists them in the reader's language
        decisions = [
            kinds.render(notification.kind, notification.context)
            for notification in Notification.objects.filter(recipient=officer).order_by("pk")
        ]
    assert [decision.title for decision in decisions] == [
        "Your program “Grant awaiting moderation” was approved",
        "Your program “Grant awaiting moderation” needs changes",
    ]
    assert "Add the budget" in decisions[1].body
    # Wagtail e-mails the submitter itself (one e-mail per decision); Helix adds none.
    assert len(sent_to(officer)) == 2
    assert not Delivery.objects.filter(recipient=officer).exists()


def test_an_organisation_invitation_is_listed_but_emailed_only_once(committed, outbox, client):
    from ecosystem.services.organisations import invitation_create

    invitee = UserFactory()
    organisation = OrganisationFactory(name="Sở KH&CN")
    owner = MembershipFactory(organisation=organisation, role=Role.OWNER).user
    with committed():
        invitation_create(user=owner, organisation=organisation, email=invitee.email)
    assert kinds_of(invitee) == [NotificationKind.ORGANISATION_INVITATION]
    assert len(sent_to(invitee)) == 1  # ecosystem's invitation e-mail, not a second one from us


def test_a_saved_program_closing_in_three_days_is_reminded_once(committed, outbox):
    startup = OrganisationFactory(kind=OrganisationKind.STARTUP)
    member = MembershipFactory(organisation=startup).user
    closing = ProgramFactory(title="Closing grant", closes_at=timezone.now() + timedelta(days=2))
    MatchFactory(organisation=startup, program=closing, seeker_state="saved")
    MatchFactory(organisation=startup, program=ProgramFactory(), seeker_state="saved")  # closes in 30 days
    MatchFactory(organisation=startup, program=ProgramFactory(closes_at=timezone.now() + timedelta(days=1)))
    with committed():
        program_reminders_send()
        program_reminders_send()  # beat ran again
    assert kinds_of(member) == [NotificationKind.PROGRAM_CLOSING]
    [message] = sent_to(member)
    assert "Closing grant" in message.subject


def test_the_portal_lists_notifications_counts_unread_and_marks_them_read(mentoring, committed, client):
    founder, _startup, _mentor, match = mentoring
    request = introduction(match, founder)
    request.status = IntroductionStatus.DECLINED
    with committed():
        signals.introduction_answered.send(sender=Introduction, introduction=request)
    client.force_login(founder)
    page = client.get("/en/me/notifications/").content.decode()
    assert "Your introduction request was declined" in page
    assert 'class="notifications-link">Notifications <span class="badge"' in page
    client.post(reverse("notifications:list"))
    page = client.get("/en/me/notifications/").content.decode()
    assert 'class="notifications-link">Notifications</a>' in page
    assert not Notification.objects.filter(recipient=founder, read_at__isnull=True).exists()
