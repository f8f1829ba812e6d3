"""Notifications and e-mails about an introduction name the people, never show an address before acceptance.

A person without a display name used to be named by their e-mail address (the account's `str`),
so the request's notification, e-mail and digest handed the requester's address to the recipient.
"""

import pytest

from ecosystem.models import OrganisationKind, Role
from matching.models import MatchKind
from matching.services.introductions import introduction_decline, introduction_request
from notifications import kinds
from notifications.digests import digests_plan
from notifications.models import Notification, NotificationKind
from notifications.tasks import deliveries_send
from tests.factories import MatchFactory, MembershipFactory, MentorOfferFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def nameless(**fields):
    """A person who gave no name: only their e-mail address could name them."""
    return UserFactory(display_name="", first_name="", last_name="", **fields)


@pytest.fixture
def mentoring():
    """A startup whose nameless founder may ask a nameless mentor for an introduction."""
    founder = nameless(email="founder.private@example.org", preferred_language="en")
    startup = OrganisationFactory(kind=OrganisationKind.STARTUP, name="Tôm Sạch")
    MembershipFactory(organisation=startup, user=founder, role=Role.OWNER)
    mentor = MentorOfferFactory(user=nameless(email="mentor.private@example.org", preferred_language="en"))
    return founder, mentor, MatchFactory(kind=MatchKind.MENTORING, organisation=startup, mentor=mentor)


def everything_in(message) -> str:
    return "\n".join([message["Subject"], *(part.get_content() for part in message.walk() if not part.is_multipart())])


def test_the_request_notification_and_email_do_not_show_the_requesters_address(smtp, committed, mentoring):
    founder, mentor, match = mentoring

    with committed():
        introduction_request(user=founder, match=match, message="Chào anh, chúng tôi cần cố vấn về sản xuất.")

    [notification] = Notification.objects.filter(recipient=mentor.user, kind=NotificationKind.INTRODUCTION_REQUESTED)
    text = kinds.render(notification.kind, notification.context)
    assert founder.email not in f"{notification.context} {text.title} {text.body}"
    [message] = smtp.to(mentor.user.email)
    assert "New introduction request from A Helix member" in message["Subject"]
    assert founder.email not in everything_in(message)


def test_the_digest_lists_the_request_without_the_requesters_address(smtp, committed, mentoring):
    founder, mentor, match = mentoring
    with committed():
        introduction_request(user=founder, match=match)
    smtp.messages.clear()

    deliveries_send(digests_plan())

    [digest] = smtp.to(mentor.user.email)
    assert founder.email not in everything_in(digest)


def test_a_declined_requester_is_not_told_the_mentors_address(smtp, committed, mentoring):
    founder, mentor, match = mentoring
    with committed():
        introduction = introduction_request(user=founder, match=match)
    with committed():
        introduction_decline(user=mentor.user, introduction=introduction)

    [message] = [message for message in smtp.to(founder.email) if "declined" in message["Subject"]]
    assert mentor.user.email not in everything_in(message)
