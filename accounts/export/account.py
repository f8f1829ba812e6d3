"""The account itself: the person's details, addresses, sign-in providers and organisations."""

from allauth.account.models import EmailAddress
from django.db.models import Q

from accounts.export.common import addresses_of, iso
from ecosystem.models import Invitation, JoinRequest
from ecosystem.selectors.organisations import organisation_list_for_member


def account(user) -> dict:
    return {
        "email": user.email,
        "display_name": user.display_name,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
        "intent": user.intent,
        "date_joined": iso(user.date_joined),
        "last_login": iso(user.last_login),
    }


def email_addresses(user) -> list[dict]:
    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("pk")
    ]


def social_accounts(user) -> list[dict]:
    return [
        {
            "provider": social.provider,
            "uid": social.uid,
            "date_joined": iso(social.date_joined),
            "last_login": iso(social.last_login),
        }
        for social in user.socialaccount_set.order_by("pk")
    ]


def memberships(user) -> list[dict]:
    return [
        {
            "organisation": membership.organisation.name,
            "organisation_url": membership.organisation.get_absolute_url(),
            "role": membership.role,
            "joined_at": iso(membership.created_at),
        }
        for membership in organisation_list_for_member(user=user)
    ]


def join_requests(user) -> list[dict]:
    return [
        {
            "organisation": request.organisation.name,
            "message": request.message,
            "status": request.status,
            "created_at": iso(request.created_at),
            "decided_at": iso(request.decided_at),
        }
        for request in JoinRequest.objects.filter(user=user).select_related("organisation").order_by("created_at")
    ]


def invitations_received(user) -> list[dict]:
    """Invitations to join an organisation sent to one of the person's addresses."""
    sent_to_them = Q()
    for address in addresses_of(user):
        sent_to_them |= Q(email__iexact=address)
    invitations = Invitation.objects.filter(sent_to_them).select_related("organisation")
    return [
        {
            "organisation": invitation.organisation.name,
            "email": invitation.email,
            "role": invitation.role,
            "created_at": iso(invitation.created_at),
            "expires_at": iso(invitation.expires_at),
            "accepted_at": iso(invitation.accepted_at),
            "revoked_at": iso(invitation.revoked_at),
        }
        for invitation in invitations.order_by("created_at")
    ]
