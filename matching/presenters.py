"""What a match card shows: the other end, its label and reasons in the reader's language, the
eligibility checklist of a funding call and where an introduction stands."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ecosystem.permissions import remember_roles
from ecosystem.templatetags.directory_tags import public_name
from ecosystem.views.program_eligibility import checklists_for
from matching.models import ENDS, IntroductionStatus, Match, MatchKind, MatchState, Side
from matching.permissions import membership_roles
from matching.reasons import ReasonRenderer
from matching.selectors.introductions import introductions_by_key
from matching.selectors.matches import score_scales
from matching.services import introductions as introduction_services
from matching.strength import strength


@dataclass
class MatchCard:
    match: Match
    side: str
    title: str
    url: str
    subtitle: str
    mine: str
    score: object
    reasons: list
    checklist: object = None
    introduction: object = None
    can_request: bool = False

    @property
    def other(self):
        return getattr(self.match, ENDS[self.match.kind][1 if self.side == Side.SEEKER else 0])

    @property
    def state(self) -> str:
        return self.match.state_of(self.side)


def _describe(end_field: str, end) -> tuple[str, str, str]:
    """Return (title, url, subtitle) of the end a person looks at."""
    match end_field:
        case "program":
            return end.title, end.get_absolute_url(), end.agency.name
        case "capability":
            return end.title, end.get_absolute_url(), end.organisation.name if end.organisation_id else ""
        case "mentor":
            return public_name(end.user), end.get_absolute_url(), end.headline
        case "need":
            return end.title, end.get_absolute_url(), end.organisation.name
    # A private organisation's page is for its members: name it without a link.
    return end.name, end.get_absolute_url() if end.is_public else "", end.summary


def _own_name(end_field: str, end) -> str:
    if end_field == "mentor":
        return _("your mentor offer")
    return str(end)


def _can_request(match: Match, side: str, introduction) -> bool:
    if match.kind not in introduction_services.INTRODUCIBLE_KINDS or match.state_of(side) == MatchState.DISMISSED:
        return False
    if match.kind == MatchKind.MENTORING and side == Side.SEEKER and match.mentor.is_paused:
        return False
    return introduction is None or introduction.status not in (IntroductionStatus.PENDING, IntroductionStatus.ACCEPTED)


def match_cards(*, user, matches) -> list[MatchCard]:
    """Return the cards of a page of matches: labels, reasons in the active language, the eligibility
    checklist of funding calls and the latest introduction of each pair, in a fixed number of queries."""
    matches = list(matches)
    renderer = ReasonRenderer.for_matches(matches)
    scales = score_scales() if matches else {}
    introductions = introductions_by_key(keys=[match.key for match in matches])
    remember_roles(user, membership_roles(user))
    cards = []
    for match in matches:
        side = match.viewer_side
        seeker_field, provider_field = ENDS[match.kind]
        other_field, own_field = (
            (provider_field, seeker_field) if side == Side.SEEKER else (seeker_field, provider_field)
        )
        title, url, subtitle = _describe(other_field, getattr(match, other_field))
        checklist = None
        if match.kind == MatchKind.FUNDING and side == Side.SEEKER:
            checklist = checklists_for(program=match.program, organisations=[match.organisation], user=user)[0]
        introduction = introductions.get(match.key)
        cards.append(
            MatchCard(
                match=match,
                side=side,
                title=title,
                url=url,
                subtitle=subtitle,
                mine=_own_name(own_field, getattr(match, own_field)),
                score=strength(match.score, match.kind, scales),
                reasons=renderer.sentences(match.reasons, side=side),
                checklist=checklist,
                introduction=introduction,
                can_request=_can_request(match, side, introduction),
            )
        )
    return cards
