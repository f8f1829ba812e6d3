"""The introductions the person asked for and those they answer, with the messages they carry.

Only names of the ends (organisations, capabilities, mentors by their public name) are exported:
the other people's addresses are theirs, not the person's.
"""

from accounts.export.common import described, iso
from matching.models import Introduction, Side
from matching.services.introductions import introduction_ends, introduction_list_received, introduction_list_sent


def _entry(introduction: Introduction, *, user) -> dict:
    seeker, provider = introduction_ends(introduction)
    requester_end, answerer_end = (
        (seeker, provider) if introduction.requester_side == Side.SEEKER else (provider, seeker)
    )
    relationship = getattr(introduction, "relationship", None)
    return {
        "kind": introduction.kind,
        "status": introduction.status,
        "from": described(requester_end),
        "to": described(answerer_end),
        "message": introduction.message,
        "decline_reason": introduction.decline_reason,
        "answered_by_you": introduction.answered_by_id == user.pk,
        "requested_at": iso(introduction.created_at),
        "expires_at": iso(introduction.expires_at),
        "answered_at": iso(introduction.answered_at),
        "relationship_status": relationship.status if relationship else None,
    }


def introductions(user) -> dict:
    return {
        "sent": [_entry(introduction, user=user) for introduction in introduction_list_sent(user=user)],
        "received": [_entry(introduction, user=user) for introduction in introduction_list_received(user=user)],
    }
