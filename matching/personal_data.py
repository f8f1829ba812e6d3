"""What matching keeps about a person, for their data export ("Download my data", accounts.export):
the introductions they asked for and answer, and what they did with their matches.

Only names of the other ends (organisations, capabilities, mentors by their public name) are
exported: the other people's addresses are theirs, not the person's.
"""

from collections import defaultdict

from accounts.export.common import described, iso
from accounts.export.registry import personal_data
from matching.models import END_MODELS, ENDS, FeedbackEvent, Introduction, MatchFeedback, Side
from matching.selectors.introductions import (
    introduction_ends,
    introduction_list_received,
    introduction_list_sent,
)

# -- Introductions ----------------------------------------------------------------------------------


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


@personal_data("introductions")
def introductions(user) -> dict:
    return {
        "sent": [_entry(introduction, user=user) for introduction in introduction_list_sent(user=user)],
        "received": [_entry(introduction, user=user) for introduction in introduction_list_received(user=user)],
    }


# -- Matches ---------------------------------------------------------------------------------------


def _other_ends(feedback: list[MatchFeedback]) -> dict[tuple[str, int], object]:
    """Return the item each event was about (the other end of the pair, seen from the person's side)."""
    wanted = defaultdict(set)
    for event in feedback:
        field, pk = _other_end_of(event)
        wanted[field].add(pk)
    found = {}
    for field, ids in wanted.items():
        for pk, item in END_MODELS[field].objects.in_bulk(list(ids)).items():
            found[(field, pk)] = item
    return found


def _other_end_of(event: MatchFeedback) -> tuple[str, int]:
    # The key outlives the match row: "kind:seeker id:provider id".
    kind, seeker_id, provider_id = event.key.split(":")
    seeker_field, provider_field = ENDS[kind]
    if event.side == Side.SEEKER:
        return provider_field, int(provider_id)
    return seeker_field, int(seeker_id)


def _entries(user) -> list[tuple[MatchFeedback, dict | None]]:
    feedback = list(MatchFeedback.objects.filter(actor=user).order_by("created_at", "pk"))
    ends = _other_ends(feedback)
    return [(event, described(ends.get(_other_end_of(event)))) for event in feedback]


@personal_data("match_feedback")
def match_feedback(user) -> list[dict]:
    """Everything the person did with a match, oldest first, with the reason they gave."""
    return [
        {
            "event": event.event,
            "kind": event.kind,
            "side": event.side,
            "about": about,
            "reason": event.reason,
            "at": iso(event.created_at),
        }
        for event, about in _entries(user)
    ]


# The events that set a match's state on the person's side ("not relevant" from a digest dismisses).
STATE_AFTER = {
    FeedbackEvent.SAVED: "saved",
    FeedbackEvent.DISMISSED: "dismissed",
    FeedbackEvent.NOT_RELEVANT: "dismissed",
    FeedbackEvent.RESTORED: None,
}


@personal_data("saved_and_dismissed_matches")
def saved_and_dismissed_matches(user) -> list[dict]:
    """The matches the person last saved or dismissed (and did not restore since), with their reason."""
    latest = {}
    for event, about in _entries(user):
        if event.event in STATE_AFTER:
            latest[(event.key, event.side)] = (event, about)
    return [
        {
            "state": STATE_AFTER[event.event],
            "kind": event.kind,
            "about": about,
            "reason": event.reason,
            "at": iso(event.created_at),
        }
        for event, about in latest.values()
        if STATE_AFTER[event.event]
    ]
