"""What people do with matches changes later rankings: the feedback log trains the re-ranker at refit."""

import pytest

from matching.models import FeedbackEvent, Match, MatchFeedback, MatchKind, Side, match_key
from matching.services.index import match_index_build
from matching.services.learning import learned
from matching.services.recompute import matches_rebuild_all
from tests.factories import CapabilityFactory, StartupProfileFactory

pytestmark = pytest.mark.django_db

TRAFFIC = {"pitch": "Camera giao thông đếm xe", "description": "Thị giác máy tính cho giao thông đô thị"}


def score(organisation, capability) -> float:
    return Match.objects.get(organisation=organisation, capability=capability, kind=MatchKind.COLLABORATION).score


def log(organisation, capability, event) -> None:
    MatchFeedback.objects.create(
        key=match_key(MatchKind.COLLABORATION, organisation.pk, capability.pk),
        kind=MatchKind.COLLABORATION,
        side=Side.SEEKER,
        event=event,
    )


def test_without_feedback_the_engine_order_stands():
    StartupProfileFactory(**TRAFFIC)
    CapabilityFactory(title="Thị giác máy tính", description="Camera giao thông")
    index = match_index_build()
    assert not learned(index.rerankers[MatchKind.COLLABORATION])


def test_pairs_like_those_people_dismissed_fall_and_those_they_saved_rise():
    vision = CapabilityFactory(title="Thị giác máy tính", description="Camera giao thông, đếm xe, thị giác máy tính")
    nearby = CapabilityFactory(title="Dữ liệu đô thị", description="Dữ liệu giao thông đô thị")
    newcomer = StartupProfileFactory(**TRAFFIC).organisation
    peers = [StartupProfileFactory(**TRAFFIC).organisation for _ in range(12)]
    matches_rebuild_all()
    before = score(newcomer, nearby) / score(newcomer, vision)
    # Startups like this one keep dismissing the closest text match and saving the broader one.
    for peer in peers:
        log(peer, vision, FeedbackEvent.DISMISSED)
        log(peer, nearby, FeedbackEvent.SAVED)
    matches_rebuild_all()  # the nightly refit learns from the log; the facts are unchanged
    after = score(newcomer, nearby) / score(newcomer, vision)
    assert after > before
