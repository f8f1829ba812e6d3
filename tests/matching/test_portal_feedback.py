"""Saving, dismissing and restoring matches: who may, what the feedback log records, and that a
dismissed match stays dismissed when the matches are recomputed."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from ecosystem.models import Role
from matching.models import FeedbackEvent, Match, MatchFeedback, MatchKind, MatchState, Side
from matching.permissions import viewer_sides
from matching.selectors.matches import match_list_for
from matching.services.feedback import match_dismiss, match_feedback_record, match_restore, match_save
from tests.factories import (
    CapabilityFactory,
    MembershipFactory,
    MentorOfferFactory,
    NeedFactory,
    OrganisationFactory,
    StartupProfileFactory,
    UserFactory,
)
from tests.factories.matching import MatchFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return UserFactory()


@pytest.fixture
def funding_match(member):
    match = MatchFactory(kind=MatchKind.FUNDING)
    MembershipFactory(organisation=match.organisation, user=member, role=Role.OWNER)
    return match


def test_the_sides_a_person_has_mirror_the_selectors(member):
    startup_match = MatchFactory(kind=MatchKind.COLLABORATION)
    MembershipFactory(organisation=startup_match.organisation, user=member)
    own_capability = MatchFactory(kind=MatchKind.COLLABORATION, capability=CapabilityFactory(owner=member))
    contact_of = MatchFactory(kind=MatchKind.NEED, capability=CapabilityFactory(contact_person=member))
    mentoring = MatchFactory(kind=MatchKind.MENTORING, mentor=MentorOfferFactory(user=member))
    need = NeedFactory()
    MembershipFactory(organisation=need.organisation, user=member, role=Role.MEMBER)
    my_need = MatchFactory(kind=MatchKind.NEED, need=need)
    someone_elses = MatchFactory(kind=MatchKind.COLLABORATION)

    expected = {
        startup_match: {Side.SEEKER},
        own_capability: {Side.PROVIDER},
        contact_of: {Side.PROVIDER},
        mentoring: {Side.PROVIDER},
        my_need: {Side.SEEKER},
        someone_elses: set(),
    }
    listed = {match.pk: match.viewer_side for match in match_list_for(user=member)}
    for match, sides in expected.items():
        assert viewer_sides(member, Match.objects.get(pk=match.pk)) == sides
        assert (match.pk in listed) == bool(sides)
        if sides:
            assert listed[match.pk] in sides


def test_the_feedback_log_copies_the_pair_so_it_outlives_the_match(funding_match, member):
    row = match_feedback_record(match=funding_match, side=Side.SEEKER, event=FeedbackEvent.SAVED, actor=member)
    funding_match.delete()
    row.refresh_from_db()
    assert (row.key, row.kind, row.match) == (funding_match.key, MatchKind.FUNDING, None)


def test_save_dismiss_and_restore_change_the_state_and_are_logged(funding_match, member):
    match_save(user=member, match=funding_match, side=Side.SEEKER)
    assert Match.objects.get(pk=funding_match.pk).seeker_state == MatchState.SAVED

    match_dismiss(user=member, match=funding_match, side=Side.SEEKER, reason="Chúng tôi không làm phần cứng")
    assert Match.objects.get(pk=funding_match.pk).seeker_state == MatchState.DISMISSED
    assert funding_match.pk not in match_list_for(user=member).values_list("pk", flat=True)

    match_restore(user=member, match=funding_match, side=Side.SEEKER)
    assert Match.objects.get(pk=funding_match.pk).seeker_state == MatchState.NEW
    log = list(MatchFeedback.objects.filter(key=funding_match.key).order_by("created_at", "pk"))
    assert [row.event for row in log] == [FeedbackEvent.SAVED, FeedbackEvent.DISMISSED, FeedbackEvent.RESTORED]
    assert log[1].reason == "Chúng tôi không làm phần cứng"
    assert {row.actor for row in log} == {member}


def test_nobody_acts_on_a_side_they_do_not_have(funding_match, member):
    stranger = UserFactory()
    with pytest.raises(PermissionDenied):
        match_dismiss(user=stranger, match=funding_match, side=Side.SEEKER)
    # Members of the startup are not the program's side.
    with pytest.raises(PermissionDenied):
        match_save(user=member, match=funding_match, side=Side.PROVIDER)
    assert not MatchFeedback.objects.exists()


def _recompute_style_update(match: Match, *, score: float) -> None:
    """What a recompute does to a pair it still ranks: new score and reasons on the same row (by key)."""
    Match.objects.update_or_create(
        key=match.key,
        defaults={"score": score, "reasons": [{"code": "sector_match", "params": {"sectors": ["agriculture"]}}]},
    )


def test_a_dismissed_match_stays_gone_after_its_row_is_recomputed(client, funding_match, member):
    client.force_login(member)
    response = client.post(
        reverse("matching:match_dismiss", args=[funding_match.pk]), {"side": "seeker", "reason": "Không phù hợp"}
    )
    assert response.status_code == 302

    _recompute_style_update(funding_match, score=0.95)

    page = client.get(reverse("matching:match_list"), {"tab": "funding"})
    assert funding_match.program.title not in page.content.decode()
    dismissed = client.get(reverse("matching:match_list"), {"tab": "funding", "show": "dismissed"})
    assert funding_match.program.title in dismissed.content.decode()


def test_a_match_dismissed_on_the_page_stays_gone_through_the_recompute_pipeline(client, member):
    from matching.pipeline.recompute import matches_rebuild_all, matches_recompute_for

    startup = StartupProfileFactory(
        organisation=OrganisationFactory(name="Giao Thông Xanh"),
        pitch="Camera AI đếm xe và phát hiện sự cố giao thông",
        description="Thị giác máy tính cho camera giao thông đô thị",
    ).organisation
    MembershipFactory(organisation=startup, user=member, role=Role.OWNER)
    vision = CapabilityFactory(
        title="Phòng thí nghiệm thị giác máy tính",
        description="Camera giao thông: đếm xe, phát hiện sự cố, thị giác máy tính",
    )
    CapabilityFactory(title="Trung tâm cảm biến nông nghiệp", description="Cảm biến độ ẩm đất, IoT tưới tiêu")
    matches_rebuild_all()
    match = Match.objects.get(kind=MatchKind.COLLABORATION, organisation=startup, capability=vision)
    page = _partners_page(client, member)
    assert vision.title in page
    with translation.override("vi"):  # the engine's reasons, as sentences in the reader's language
        # The startup posted no needs: its pitch and the lab share topics, not a need met.
        assert gettext("You both focus on {terms}.").split("{terms}")[0] in page

    client.post(reverse("matching:match_dismiss", args=[match.pk]), {"side": "seeker"})
    matches_recompute_for(entity_type="startup", entity_ids=[startup.pk])
    matches_rebuild_all()

    assert Match.objects.get(key=match.key).seeker_state == MatchState.DISMISSED
    assert vision.title not in _partners_page(client, member)
    assert vision.title in _partners_page(client, member, show="dismissed")


def _partners_page(client, user, **query) -> str:
    client.force_login(user)
    return client.get(reverse("matching:match_list"), {"tab": "partners", **query}).content.decode()


def test_saved_then_restored_through_the_page(client, funding_match, member):
    client.force_login(member)
    next_url = reverse("matching:match_list") + "?tab=funding"
    response = client.post(
        reverse("matching:match_save", args=[funding_match.pk]), {"side": "seeker", "next": next_url}
    )
    assert response.status_code == 302 and response.url == next_url
    saved = client.get(reverse("matching:match_list"), {"tab": "funding", "show": "saved"})
    assert funding_match.program.title in saved.content.decode()

    client.post(reverse("matching:match_restore", args=[funding_match.pk]), {"side": "seeker"})
    saved = client.get(reverse("matching:match_list"), {"tab": "funding", "show": "saved"})
    assert funding_match.program.title not in saved.content.decode()
    assert Match.objects.get(pk=funding_match.pk).seeker_state == MatchState.NEW


def test_actions_on_someone_elses_match_are_not_found(client, funding_match):
    client.force_login(UserFactory())
    for name in ("match_save", "match_dismiss", "match_restore", "introduction_request"):
        response = client.post(reverse(f"matching:{name}", args=[funding_match.pk]), {"side": "seeker"})
        assert response.status_code == 404, name
    assert client.post(reverse("matching:match_save", args=[999999])).status_code == 404
    assert Match.objects.get(pk=funding_match.pk).seeker_state == MatchState.NEW


def test_actions_are_post_only_and_ask_anonymous_people_to_sign_in(client, funding_match, member):
    url = reverse("matching:match_dismiss", args=[funding_match.pk])
    response = client.post(url)
    assert response.status_code == 302 and reverse("account_login") in response.url
    client.force_login(member)
    assert client.get(url).status_code == 405


def test_an_offsite_next_address_is_ignored(client, funding_match, member):
    client.force_login(member)
    response = client.post(
        reverse("matching:match_save", args=[funding_match.pk]), {"side": "seeker", "next": "https://evil.example/"}
    )
    assert response.url == reverse("matching:match_list")


def test_the_organisation_side_is_shared_by_its_members(funding_match):
    colleague = MembershipFactory(organisation=funding_match.organisation, role=Role.MEMBER).user
    match_dismiss(user=colleague, match=funding_match, side=Side.SEEKER)
    assert Match.objects.get(pk=funding_match.pk).seeker_state == MatchState.DISMISSED
