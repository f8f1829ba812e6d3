import factory

from matching.models import ENDS, Match, MatchKind, match_key
from tests.factories.ecosystem import (
    CapabilityFactory,
    MentorOfferFactory,
    NeedFactory,
    OrganisationFactory,
    ProgramFactory,
)


class MatchFactory(factory.django.DjangoModelFactory):
    """A current funding match (startup → program) with a shared-terms reason; pass kind= and the two ends."""

    class Meta:
        model = Match

    kind = MatchKind.FUNDING
    organisation = factory.Maybe(
        factory.LazyAttribute(lambda m: m.kind != MatchKind.NEED), factory.SubFactory(OrganisationFactory), None
    )
    program = factory.Maybe(
        factory.LazyAttribute(lambda m: m.kind == MatchKind.FUNDING), factory.SubFactory(ProgramFactory), None
    )
    capability = factory.Maybe(
        factory.LazyAttribute(lambda m: m.kind in (MatchKind.COLLABORATION, MatchKind.NEED)),
        factory.SubFactory(CapabilityFactory),
        None,
    )
    mentor = factory.Maybe(
        factory.LazyAttribute(lambda m: m.kind == MatchKind.MENTORING), factory.SubFactory(MentorOfferFactory), None
    )
    need = factory.Maybe(
        factory.LazyAttribute(lambda m: m.kind == MatchKind.NEED), factory.SubFactory(NeedFactory), None
    )
    score = 0.8
    # In both ends' lists unless made not current (a pair a recompute dropped).
    is_current = True
    seeker_rank = factory.LazyAttribute(lambda m: 1 if m.is_current else None)
    provider_rank = factory.LazyAttribute(lambda m: 1 if m.is_current else None)
    reasons = factory.LazyFunction(
        lambda: [{"code": "shared_terms", "params": {"terms": ["giao thông", "camera"]}, "weight": 0.5}]
    )
    model_version = "test"
    key = factory.LazyAttribute(
        lambda m: match_key(m.kind, getattr(m, ENDS[m.kind][0]).pk, getattr(m, ENDS[m.kind][1]).pk)
    )
