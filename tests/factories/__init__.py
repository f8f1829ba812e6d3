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
    officer_of,
)
from tests.factories.matching import MatchFactory

__all__ = [
    "CapabilityFactory",
    "InvitationFactory",
    "MatchFactory",
    "MembershipFactory",
    "MentorOfferFactory",
    "NeedFactory",
    "OrganisationFactory",
    "ProgramFactory",
    "StartupProfileFactory",
    "UserFactory",
    "officer_of",
]
