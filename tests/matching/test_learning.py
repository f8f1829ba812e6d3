"""What people do with matches changes later rankings: the feedback log trains the re-ranker at refit."""

import pytest

from ecosystem.models import Sector
from matching.models import FeedbackEvent, Match, MatchFeedback, MatchKind, Side, match_key
from matching.pipeline.recompute import matches_rebuild_all
from matching.pipeline.refit import match_index_build
from matching.pipeline.reranking import has_learned
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
    assert not has_learned(index.rerankers[MatchKind.COLLABORATION])


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


def test_outcomes_reweigh_the_parts_of_a_match_not_only_its_score():
    """Peers keep saving the capability of their own sector over a closer text match: the refit learns
    that the shared sector matters more than the hand-set weights say, and a newcomer's list flips."""
    aquaculture = Sector.objects.filter(slug="aquaculture")
    text = {"pitch": "Cảm biến đo chất lượng nước", "description": "Cảm biến đo oxy hòa tan và độ mặn trong ao nuôi"}
    closer = CapabilityFactory(
        title="Cảm biến chất lượng nước", description="Cảm biến đo oxy hòa tan, độ mặn, ao nuôi"
    )
    same_sector = CapabilityFactory(title="Giám sát ao nuôi tôm", description="Đo độ mặn cho người nuôi tôm")
    same_sector.research_areas.set(aquaculture)
    newcomer = StartupProfileFactory(**text)
    newcomer.sectors.set(aquaculture)
    peers = []
    for _ in range(12):
        peer = StartupProfileFactory(**text)
        peer.sectors.set(aquaculture)
        peers.append(peer.organisation)
    matches_rebuild_all()
    assert score(newcomer.organisation, closer) > score(newcomer.organisation, same_sector)
    for peer in peers:
        log(peer, closer, FeedbackEvent.DISMISSED)
        log(peer, same_sector, FeedbackEvent.SAVED)
    matches_rebuild_all()
    assert has_learned(match_index_build().rerankers[MatchKind.COLLABORATION])
    assert score(newcomer.organisation, same_sector) > score(newcomer.organisation, closer)
