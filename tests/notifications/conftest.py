import pytest
from django.core import mail

from ecosystem.models import OrganisationKind, Role
from matching.models import MatchKind
from notifications.models import Delivery
from tests.factories import MatchFactory, MembershipFactory, OrganisationFactory, ProgramFactory, UserFactory


def person_with_match(
    *, language: str = "vi", program=None, kind: str = MatchKind.FUNDING, role: str = Role.OWNER, **match
):
    """Return (person, their startup, a current match of the startup) — the usual digest recipient."""
    person = UserFactory(preferred_language=language)
    startup = OrganisationFactory(kind=OrganisationKind.STARTUP)
    MembershipFactory(organisation=startup, user=person, role=role)
    if kind == MatchKind.FUNDING:
        match.setdefault("program", program or ProgramFactory())
    found = MatchFactory(kind=kind, organisation=startup, **match)
    return person, startup, found


@pytest.fixture
def outbox():
    """The locmem outbox, emptied (the default test e-mail backend)."""
    mail.outbox.clear()
    return mail.outbox


def sent_to(person) -> list:
    return [message for message in mail.outbox if person.email in message.to]


def deliveries_of(person, **filters):
    return Delivery.objects.filter(recipient=person, **filters)
