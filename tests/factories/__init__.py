from tests.factories.accounts import UserFactory
from tests.factories.ecosystem import (
    CapabilityFactory,
    InvitationFactory,
    MembershipFactory,
    MentorOfferFactory,
    NeedFactory,
    OrganisationFactory,
    ProgramFactory,
    StartupProfileFactory,
)

__all__ = [
    "CapabilityFactory",
    "InvitationFactory",
    "MembershipFactory",
    "MentorOfferFactory",
    "NeedFactory",
    "OrganisationFactory",
    "ProgramFactory",
    "StartupProfileFactory",
    "UserFactory",
]
