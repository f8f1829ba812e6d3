"""Recomputing matches from the facts: the right pairs with reasons, eligibility first, idempotent, states kept."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ecosystem.models import OrganisationKind
from matching.models import Match, MatchedSource, MatchKind, MatchState
from matching.pipeline.recompute import matches_rebuild_all, matches_recompute_for
from tests.factories import (
    CapabilityFactory,
    MentorOfferFactory,
    NeedFactory,
    OrganisationFactory,
    ProgramFactory,
    StartupProfileFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ecosystem():
    traffic = StartupProfileFactory(
        organisation=OrganisationFactory(name="Giao Thông Xanh"),
        pitch="Camera AI đếm xe và phát hiện sự cố giao thông",
        description="Thị giác máy tính cho camera giao thông đô thị",
    )
    farming = StartupProfileFactory(
        organisation=OrganisationFactory(name="Nông Nghiệp Số", kind=OrganisationKind.ENTERPRISE),
        pitch="Cảm biến độ ẩm đất cho nông nghiệp thông minh",
        description="IoT tưới tiêu tự động cho vườn sầu riêng",
    )
    vision = CapabilityFactory(
        title="Phòng thí nghiệm thị giác máy tính",
        description="Camera giao thông: đếm xe, phát hiện sự cố, thị giác máy tính",
    )
    soil = CapabilityFactory(
        title="Trung tâm cảm biến nông nghiệp", description="Cảm biến độ ẩm đất, IoT tưới tiêu nông nghiệp"
    )
    program = ProgramFactory(
        title="Hỗ trợ giao thông thông minh", summary="Tài trợ camera AI và thị giác máy tính cho giao thông đô thị"
    )
    startups_only = ProgramFactory(
        title="Nông nghiệp thông minh cho startup",
        summary="Cảm biến độ ẩm đất và IoT tưới tiêu nông nghiệp",
        eligible_kinds=[OrganisationKind.STARTUP],
    )
    return {
        "traffic": traffic.organisation,
        "farming": farming.organisation,
        "vision": vision,
        "soil": soil,
        "program": program,
        "startups_only": startups_only,
    }


def best(organisation, kind):
    return (
        Match.objects.filter(organisation=organisation, kind=kind, seeker_rank__isnull=False)
        .order_by("-score")
        .first()
    )


def test_rebuild_ranks_the_fitting_partner_and_program_first_with_reasons(ecosystem):
    matches_rebuild_all()
    collaboration = best(ecosystem["traffic"], MatchKind.COLLABORATION)
    assert collaboration.capability == ecosystem["vision"]
    shared = next(r for r in collaboration.reasons if r["code"] == "shared_terms")
    # The startup posted no needs of its own: its pitch and the lab share topics.
    assert "camera" in [term.lower() for term in shared["params"]["terms"]]
    # A whole word as the person wrote it ("thị giác máy tính"), never a syllable or a folded form ("giac").
    assert "thị giác máy tính" in shared["params"]["terms"]
    assert best(ecosystem["farming"], MatchKind.COLLABORATION).capability == ecosystem["soil"]
    assert best(ecosystem["traffic"], MatchKind.FUNDING).program == ecosystem["program"]


def test_a_program_an_organisation_is_not_eligible_for_is_never_matched(ecosystem):
    matches_rebuild_all()
    farming_programs = set(
        Match.objects.filter(organisation=ecosystem["farming"], kind=MatchKind.FUNDING).values_list(
            "program", flat=True
        )
    )
    assert ecosystem["startups_only"].pk not in farming_programs  # an enterprise, not a startup
    assert Match.objects.filter(organisation=ecosystem["traffic"], program=ecosystem["startups_only"]).count() <= 1


def test_rebuild_twice_leaves_the_same_rows(ecosystem):
    matches_rebuild_all()
    first = dict(Match.objects.values_list("key", "score"))
    matches_rebuild_all()
    again = dict(Match.objects.values_list("key", "score"))
    assert first and again.keys() == first.keys()
    assert [again[key] for key in first] == pytest.approx(list(first.values()))


def test_a_rebuild_of_unchanged_facts_writes_nothing(ecosystem):
    matches_rebuild_all()
    first = {key: (computed_at, seeker_rank, provider_rank) for key, computed_at, seeker_rank, provider_rank in
             Match.objects.values_list("key", "computed_at", "seeker_rank", "provider_rank")}  # fmt: skip
    outcome = matches_rebuild_all()
    again = {key: (computed_at, seeker_rank, provider_rank) for key, computed_at, seeker_rank, provider_rank in
             Match.objects.values_list("key", "computed_at", "seeker_rank", "provider_rank")}  # fmt: skip
    assert outcome["written"] == 0
    assert first and again == first  # same pairs, same places, not even re-stamped


def test_a_rebuild_takes_a_hidden_capability_out_of_every_list(ecosystem):
    matches_rebuild_all()
    assert best(ecosystem["traffic"], MatchKind.COLLABORATION).capability == ecosystem["vision"]
    # Hidden by a moderator with no recompute queued for it: the nightly rebuild must catch it.
    type(ecosystem["vision"]).objects.filter(pk=ecosystem["vision"].pk).update(hidden_at=timezone.now())
    matches_rebuild_all()
    listed = Match.objects.filter(capability=ecosystem["vision"]).exclude(seeker_rank=None, provider_rank=None)
    assert not listed.exists()
    partner = best(ecosystem["traffic"], MatchKind.COLLABORATION)
    assert partner is None or partner.capability != ecosystem["vision"]


def test_a_dismissed_match_stays_dismissed_after_recomputes(ecosystem):
    matches_rebuild_all()
    dismissed = best(ecosystem["traffic"], MatchKind.COLLABORATION)
    dismissed.seeker_state = MatchState.DISMISSED
    dismissed.save()
    ecosystem["vision"].title = "Hóa học vật liệu"  # no longer fits at all
    ecosystem["vision"].description = "Chỉ còn làm về polymer"
    ecosystem["vision"].save()
    matches_recompute_for(entity_type="capability", entity_ids=[ecosystem["vision"].pk])
    matches_rebuild_all()
    dismissed.refresh_from_db()
    assert dismissed.seeker_state == MatchState.DISMISSED
    assert not dismissed.is_current


def test_a_profile_change_moves_its_matches(ecosystem):
    matches_rebuild_all()
    profile = ecosystem["farming"].startup_profile
    profile.pitch = "Camera AI phát hiện sự cố giao thông"
    profile.description = "Thị giác máy tính, đếm xe trên camera giao thông"
    profile.save()
    matches_recompute_for(entity_type="startup", entity_ids=[ecosystem["farming"].pk])
    assert best(ecosystem["farming"], MatchKind.COLLABORATION).capability == ecosystem["vision"]
    source = MatchedSource.objects.get(source_type="startup", source_id=ecosystem["farming"].pk)
    assert source.source_updated_at == profile.updated_at


def test_diacritic_free_text_meets_vietnamese_text():
    seeker = StartupProfileFactory(pitch="cam bien do am dat cho nong nghiep", description="tuoi tieu tu dong")
    CapabilityFactory(title="Hóa học vật liệu", description="Vật liệu polymer và hóa học xanh")
    soil = CapabilityFactory(title="Cảm biến nông nghiệp", description="Cảm biến độ ẩm đất, tưới tiêu tự động")
    matches_rebuild_all()
    assert best(seeker.organisation, MatchKind.COLLABORATION).capability == soil


def test_a_full_mentor_is_not_recommended():
    startup = StartupProfileFactory(pitch="Nền tảng thương mại điện tử", description="Bán hàng trực tuyến")
    full = MentorOfferFactory(
        headline="Thương mại điện tử", expertise="Bán hàng trực tuyến, thương mại điện tử", capacity=1
    )
    free = MentorOfferFactory(headline="Thương mại điện tử", expertise="Thương mại điện tử và bán hàng", capacity=2)
    from matching.models import Relationship

    Relationship.objects.create(kind=MatchKind.MENTORING, key="x", organisation=OrganisationFactory(), mentor=full)
    matches_rebuild_all()
    mentors = set(
        Match.objects.filter(organisation=startup.organisation, kind=MatchKind.MENTORING).values_list(
            "mentor", flat=True
        )
    )
    assert free.pk in mentors and full.pk not in mentors


def test_need_matches_capabilities_and_closed_programs_drop_out(ecosystem):
    need = NeedFactory(
        organisation=ecosystem["farming"], title="Cần cảm biến độ ẩm đất", problem="Tưới tiêu nông nghiệp tốn nước"
    )
    matches_rebuild_all()
    assert (
        Match.objects.filter(kind=MatchKind.NEED, need=need).order_by("-score").first().capability == ecosystem["soil"]
    )
    program = ecosystem["program"]
    program.closes_at = timezone.now() - timedelta(days=1)
    program.save()
    matches_recompute_for(entity_type="program", entity_ids=[program.pk])
    matches_rebuild_all()
    assert not Match.objects.filter(program=program).exists()


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_in_two_processes_stores_the_same_lists_as_in_one(ecosystem, settings):
    settings.MATCHING_SHARD_SIZE = 1  # one shard per entity: both processes get work
    matches_rebuild_all(processes=1)
    one = set(Match.objects.values_list("key", "seeker_rank", "provider_rank"))
    Match.objects.all().delete()
    outcome = matches_rebuild_all(processes=2)
    two = set(Match.objects.values_list("key", "seeker_rank", "provider_rank"))
    assert outcome["written"] > 0
    assert one and two == one


def test_a_pair_whose_ends_did_not_change_keeps_its_reasons_when_its_score_moves(ecosystem):
    matches_rebuild_all()
    kept = best(ecosystem["traffic"], MatchKind.COLLABORATION)
    Match.objects.filter(pk=kept.pk).update(reasons=[{"code": "marker", "params": {}, "weight": 1}], score=0.0001)
    matches_rebuild_all()
    kept.refresh_from_db()
    assert kept.score > 0.0001  # the list was rewritten with the computed score …
    assert kept.reasons == [{"code": "marker", "params": {}, "weight": 1}]  # … and the stored reasons kept
    ecosystem["vision"].description += " Đếm xe ban đêm."
    ecosystem["vision"].save()
    matches_rebuild_all()
    kept.refresh_from_db()
    assert "shared_terms" in {reason["code"] for reason in kept.reasons}  # an end changed: explained again


def test_a_nightly_renewal_moves_only_the_lists_an_edit_touches(ecosystem, settings):
    settings.MATCHING_REFIT_DRIFT = 1.0  # renew the saved index however much changed
    matches_rebuild_all(refit=True)
    traffic = Match.objects.filter(organisation=ecosystem["traffic"], seeker_rank__isnull=False)
    traffic_lists = set(traffic.values_list("key", "seeker_rank", "score"))
    profile = ecosystem["farming"].startup_profile
    profile.pitch = "Camera AI phát hiện sự cố giao thông"
    profile.description = "Thị giác máy tính, đếm xe trên camera giao thông"
    profile.save()
    type(ecosystem["soil"]).objects.filter(pk=ecosystem["soil"].pk).update(hidden_at=timezone.now())
    outcome = matches_rebuild_all()
    assert best(ecosystem["farming"], MatchKind.COLLABORATION).capability == ecosystem["vision"]
    assert not Match.objects.filter(capability=ecosystem["soil"]).exclude(seeker_rank=None, provider_rank=None)
    # The lists of a startup nobody edited stay as they were, and not every pair is written again.
    assert set(traffic.values_list("key", "seeker_rank", "score")) == traffic_lists
    assert 0 < outcome["written"] < Match.objects.count()


def test_the_text_model_is_fitted_anew_once_the_texts_have_drifted(ecosystem, settings):
    from matching.pipeline.refit import match_index_get

    settings.MATCHING_REFIT_DRIFT = 0.0
    matches_rebuild_all()
    fitted_at = match_index_get().built_at
    profile = ecosystem["farming"].startup_profile
    profile.pitch = "Camera AI phát hiện sự cố giao thông"
    profile.save()
    matches_rebuild_all()
    assert match_index_get().built_at > fitted_at  # one changed profile of four is past the drift: a new fit
    settings.MATCHING_REFIT_DRIFT = 1.0
    fitted_at = match_index_get().built_at
    profile.pitch = "Cảm biến độ ẩm đất"
    profile.save()
    matches_rebuild_all()
    assert match_index_get().built_at == fitted_at  # renewed: the same fit, patched


def test_a_rebuild_past_the_pooled_scoring_size_still_scores_closeness_in_meaning(monkeypatch):
    from matching.engine import retrieval
    from tests.matching.test_semantic import _corpus

    texts = _corpus(per_theme=30)  # 60 texts: enough for a meaning space
    startups = [StartupProfileFactory(pitch=text, description="") for text in texts[::2]]
    capabilities = [CapabilityFactory(title=text, description="") for text in texts[1::2]]
    # Every shard is now "large": the engine would pool, which cannot bound closeness in meaning.
    monkeypatch.setattr(retrieval, "EXACT_MAX_PAIRS", 1)
    matches_rebuild_all(refit=True)
    aquaculture = {c.pk for c in capabilities[: len(capabilities) // 2]}
    partner = best(startups[0].organisation, MatchKind.COLLABORATION)
    assert partner.capability_id in aquaculture
    listed = Match.objects.filter(capability__in=capabilities, provider_rank__isnull=False)
    assert listed.exists()  # the capabilities' own lists (every seeker against a shard) were built too
