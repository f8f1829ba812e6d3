from tests.factories.accounts import UserFactory
from tests.factories.ecosystem import InvitationFactory, MembershipFactory, OrganisationFactory

__all__ = ["InvitationFactory", "MembershipFactory", "OrganisationFactory", "UserFactory"]
