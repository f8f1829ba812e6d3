"""Writes about a person's own account: their data export and account deletion."""

import logging

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ecosystem.selectors.organisations import organisation_list_for_member, organisation_list_solely_owned_by

logger = logging.getLogger(__name__)


def user_data_export(*, user) -> dict:
    """Return everything Helix stores about the person, as JSON-ready data."""
    memberships = organisation_list_for_member(user=user)
    return {
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "memberships": [
            {
                "organisation": membership.organisation.name,
                "organisation_url": membership.organisation.get_absolute_url(),
                "role": membership.role,
                "joined_at": membership.created_at.isoformat(),
            }
            for membership in memberships
        ],
        "two_factor_authentication": [authenticator.type for authenticator in user.authenticator_set.all()],
        "social_accounts": [account.provider for account in user.socialaccount_set.all()],
    }


@transaction.atomic
def user_delete(*, user) -> None:
    blocking = list(organisation_list_solely_owned_by(user=user).values_list("name", flat=True))
    if blocking:
        raise ValidationError(
            _("You are the only owner of %(organisations)s. Hand ownership to someone else first.")
            % {"organisations": ", ".join(blocking)}
        )
    logger.info("account deleted", extra={"user": user.pk})
    user.delete()
