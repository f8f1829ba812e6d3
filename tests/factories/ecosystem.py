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
from tests.mfa import enable_totp


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


def officer_of(organisation, role=Role.MEMBER):
    """Return a new member of `organisation` with two-factor authentication on, as officer pages require."""
    person = MembershipFactory(organisation=organisation, role=role).user
    enable_totp(person)
    return person


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
    """A live program of a (verified) government agency, open now and closing in 30 days."""

    class Meta:
        model = Program

    agency = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.GOVERNMENT_AGENCY, is_verified=True)
    title = factory.Sequence(lambda n: f"Chương trình hỗ trợ đổi mới sáng tạo {n}")
    slug = factory.Sequence(lambda n: f"program-{n}")
    kind = ProgramKind.GRANT
    summary = "Grants for startups piloting smart-city solutions with the province."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    live = True


# -- Capabilities, mentor offers and needs (directories) ---------------------------------------


class CapabilityFactory(factory.django.DjangoModelFactory):
    """A public expertise capability of a university, posted by one of its researchers."""

    class Meta:
        model = "ecosystem.Capability"

    organisation = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.UNIVERSITY)
    owner = factory.SubFactory(UserFactory)
    kind = "expertise"
    title = factory.Sequence(lambda n: f"Phòng thí nghiệm thị giác máy tính {n}")
    description = "Computer vision for traffic cameras: counting vehicles and detecting incidents."


class MentorOfferFactory(factory.django.DjangoModelFactory):
    """A public, available mentor offer."""

    class Meta:
        model = "ecosystem.MentorOffer"

    user = factory.SubFactory(UserFactory)
    headline = "Former CTO, helps hardware startups reach their first customers"
    expertise = "Product strategy, manufacturing in Vietnam, pilots with provincial agencies."
    languages = factory.LazyFunction(lambda: ["vi", "en"])


class NeedFactory(factory.django.DjangoModelFactory):
    """A public need of an enterprise, open for another 30 days, anyone may respond."""

    class Meta:
        model = "ecosystem.Need"

    organisation = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.ENTERPRISE)
    posted_by = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Giám sát tiêu thụ điện nhà xưởng {n}")
    problem = "We need to see the electricity use of each production line in real time."
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
