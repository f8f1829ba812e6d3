"""Adjusting a cohort by hand within capacity, and publishing it once: relationships, feedback and
one signal with every pair."""

from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ecosystem.models import ProgramKind
from matching.models import (
    CohortStatus,
    FeedbackEvent,
    MatchFeedback,
    MatchKind,
    Relationship,
    RelationshipStatus,
    match_key,
)
from matching.services.cohorts import cohort_create, cohort_pair_move, cohort_publish
from matching.signals import cohort_published
from tests.factories import (
    MatchFactory,
    MentorOfferFactory,
    OrganisationFactory,
    ProgramFactory,
    StartupProfileFactory,
    officer_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    return ProgramFactory(kind=ProgramKind.ACCELERATOR)


@pytest.fixture
def officer(program):
    return officer_of(program.agency)


@pytest.fixture
def startups():
    pitches = [
        ("Tôm Sạch", "Cảm biến oxy cho ao nuôi tôm"),
        ("Cá Khoẻ", "Giám sát chất lượng nước ao nuôi cá"),
        ("Đèn Xanh", "Camera giao thông đếm xe"),
    ]
    return [
        StartupProfileFactory(organisation__name=name, pitch=pitch, description=pitch).organisation
        for name, pitch in pitches
    ]


@pytest.fixture
def water():
    return MentorOfferFactory(headline="Thuỷ sản", expertise="Chất lượng nước, ao nuôi tôm và cá", capacity=2)


@pytest.fixture
def vision():
    return MentorOfferFactory(headline="Thị giác máy tính", expertise="Camera giao thông, đếm xe", capacity=1)


@pytest.fixture
def cohort(officer, program, startups, water, vision):
    return cohort_create(user=officer, program=program, name="Khoá 1", startups=startups, mentors=[water, vision])


@pytest.fixture
def heard():
    """Collect every `cohort_published` its listeners hear."""
    received = []

    def listener(sender, cohort, pairs, **kwargs):
        received.append((sender, cohort, list(pairs)))

    cohort_published.connect(listener, weak=False)
    yield received
    cohort_published.disconnect(listener)


def url(name, cohort):
    return reverse(f"matching:{name}", kwargs={"slug": cohort.program.slug, "pk": cohort.pk})


def assignment(cohort) -> dict[str, str]:
    return {
        pair.organisation.name: pair.mentor.headline for pair in cohort.pairs.select_related("organisation", "mentor")
    }


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# -- Adjusting ------------------------------------------------------------------------------------


def test_the_optimiser_filled_every_place(cohort):
    assert assignment(cohort) == {"Tôm Sạch": "Thuỷ sản", "Cá Khoẻ": "Thuỷ sản", "Đèn Xanh": "Thị giác máy tính"}


def test_moving_a_startup_to_a_full_mentor_is_refused_with_a_clear_message(
    client, officer, cohort, startups, vision, in_english
):
    client.force_login(officer)

    response = client.post(
        url("cohort_move", cohort), {"organisation": startups[0].pk, "mentor": vision.pk}, follow=True
    )

    assert any("no free place left" in message for message in messages_of(response))
    assert assignment(cohort)["Tôm Sạch"] == "Thuỷ sản"
    with pytest.raises(ValidationError) as refused:
        cohort_pair_move(user=officer, cohort=cohort, organisation=startups[0], mentor=vision)
    assert "mentor" in refused.value.message_dict


def test_a_move_within_capacity_is_kept_and_the_report_follows(client, officer, cohort, startups, water, vision):
    client.force_login(officer)
    # Free the vision mentor's only place, then give it to a startup of the other mentor.
    client.post(url("cohort_move", cohort), {"organisation": startups[2].pk, "mentor": ""})
    response = client.post(url("cohort_move", cohort), {"organisation": startups[0].pk, "mentor": vision.pk})

    assert response.status_code == 302
    cohort.refresh_from_db()
    assert assignment(cohort) == {"Tôm Sạch": "Thị giác máy tính", "Cá Khoẻ": "Thuỷ sản"}
    moved = cohort.pairs.get(organisation=startups[0])
    assert moved.adjusted
    assert moved.score == pytest.approx(cohort.report["scores"][str(startups[0].pk)][str(vision.pk)])
    scores = list(cohort.pairs.values_list("score", flat=True))
    assert cohort.report["total"] == pytest.approx(sum(scores))
    assert cohort.report["worst"] == pytest.approx(min(scores))
    assert cohort.report["unassigned"] == [startups[2].pk]
    assert cohort.report["adjusted"] is True


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"organisation": "abc", "mentor": "1"},
        {"organisation": "999999999", "mentor": ""},
        {"organisation": "9" * 30, "mentor": "9" * 30},
    ],
    ids=["nothing", "not a number", "not in the cohort", "out of range"],
)
def test_bad_moves_are_refused_not_crashes(client, officer, cohort, data):
    client.force_login(officer)
    before = assignment(cohort)

    response = client.post(url("cohort_move", cohort), data, follow=True)

    assert response.status_code == 200
    assert messages_of(response)
    assert assignment(cohort) == before


def test_a_mentor_outside_the_pool_is_refused(client, officer, cohort, startups):
    outsider = MentorOfferFactory(capacity=5)
    client.force_login(officer)

    response = client.post(
        url("cohort_move", cohort), {"organisation": startups[0].pk, "mentor": outsider.pk}, follow=True
    )

    assert messages_of(response)
    assert not cohort.pairs.filter(mentor=outsider).exists()


# -- Publishing -----------------------------------------------------------------------------------


def test_publishing_starts_a_relationship_per_pair_and_tells_listeners_once(
    client, officer, cohort, startups, water, heard, django_capture_on_commit_callbacks
):
    known = MatchFactory(kind=MatchKind.MENTORING, organisation=startups[0], mentor=water, program=None)
    client.force_login(officer)

    with django_capture_on_commit_callbacks() as after_commit:
        response = client.post(url("cohort_publish", cohort))

    assert response.status_code == 302
    assert heard == []  # nothing is told before the commit
    cohort.refresh_from_db()
    pairs = list(cohort.pairs.all())
    assert cohort.status == CohortStatus.PUBLISHED and cohort.published_at
    relationships = Relationship.objects.filter(program=cohort.program)
    assert sorted(relationships.values_list("organisation_id", "mentor_id")) == sorted(
        (pair.organisation_id, pair.mentor_id) for pair in pairs
    )
    assert set(relationships.values_list("kind", "status")) == {(MatchKind.MENTORING, RelationshipStatus.ACTIVE)}
    assert sorted(relationships.values_list("key", flat=True)) == sorted(
        match_key(MatchKind.MENTORING, pair.organisation_id, pair.mentor_id) for pair in pairs
    )
    feedback = MatchFeedback.objects.filter(event=FeedbackEvent.ASSIGNED)
    assert feedback.count() == len(pairs) == 3
    assert feedback.get(key=known.key).match == known
    for callback in after_commit:
        callback()
    (told,) = heard
    sender, published, told_pairs = told
    assert sender.__name__ == "Cohort" and published.pk == cohort.pk
    assert sorted(pair.pk for pair in told_pairs) == sorted(pair.pk for pair in pairs)


def test_a_published_cohort_cannot_be_published_again_or_changed(
    client, officer, cohort, startups, water, heard, django_capture_on_commit_callbacks, in_english
):
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("cohort_publish", cohort))

    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url("cohort_publish", cohort), follow=True)
        moved = client.post(url("cohort_move", cohort), {"organisation": startups[2].pk, "mentor": ""}, follow=True)
        reassigned = client.post(url("cohort_assign", cohort), follow=True)
        edit = client.get(url("cohort_edit", cohort), follow=True)

    for response in (again, moved, reassigned, edit):
        assert any("published" in message for message in messages_of(response))
    assert len(heard) == 1
    assert Relationship.objects.count() == 3
    assert MatchFeedback.objects.filter(event=FeedbackEvent.ASSIGNED).count() == 3
    assert Counter(cohort.pairs.values_list("mentor_id", flat=True))[water.pk] == 2
    with pytest.raises(ValidationError):
        cohort_publish(user=officer, cohort=cohort)


def test_publishing_is_refused_when_a_mentor_has_filled_up_meanwhile(officer, cohort, vision, heard, in_english):
    elsewhere = OrganisationFactory()
    Relationship.objects.create(
        kind=MatchKind.MENTORING, key=f"mentoring:{elsewhere.pk}:{vision.pk}", organisation=elsewhere, mentor=vision
    )

    with pytest.raises(ValidationError) as refused:
        cohort_publish(user=officer, cohort=cohort)

    assert "no longer have enough free places" in refused.value.messages[0]
    cohort.refresh_from_db()
    assert cohort.status == CohortStatus.DRAFT
    assert Relationship.objects.count() == 1
    assert heard == []


def test_the_detail_page_shows_the_report_and_the_pairs(client, officer, cohort):
    client.force_login(officer)

    response = client.get(f"/en{url('cohort_detail', cohort)}")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Quality of the assignment" in content and "Weakest pair" in content
    for name in ("Tôm Sạch", "Cá Khoẻ", "Đèn Xanh"):
        assert name in content
    assert url("cohort_publish", cohort) in content
