from datetime import timedelta

import factory
from django.utils import timezone

from ecosystem.models import (
    Invitation,
    Membership,
    Organisation,
    OrganisationKind,
    Program,
    ProgramKind,
    Role,
    StartupProfile,
)
from tests.factories.accounts import UserFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = OrganisationKind.STARTUP
    summary = "Sensors for smarter traffic lights"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    role = Role.MEMBER
    invited_by = factory.SubFactory(UserFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


class StartupProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StartupProfile

    organisation = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.STARTUP)
    pitch = "Cảm biến chất lượng nước cho ao nuôi tôm"
    description = "IoT sensors and a mobile app that warn shrimp farmers before oxygen drops."


class ProgramFactory(factory.django.DjangoModelFactory):
    """A live program of a government agency, open now and closing in 30 days."""

    class Meta:
        model = Program

    agency = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.GOVERNMENT_AGENCY)
    title = factory.Sequence(lambda n: f"Chương trình hỗ trợ đổi mới sáng tạo {n}")
    slug = factory.Sequence(lambda n: f"program-{n}")
    kind = ProgramKind.GRANT
    summary = "Grants for startups piloting smart-city solutions with the province."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    live = True
