from tests.factories.accounts import UserFactory
from tests.factories.ecosystem import (
    InvitationFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgramFactory,
    StartupProfileFactory,
)

__all__ = [
    "InvitationFactory",
    "MembershipFactory",
    "OrganisationFactory",
    "ProgramFactory",
    "StartupProfileFactory",
    "UserFactory",
]
