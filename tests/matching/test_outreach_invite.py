"""Invitations to apply from the outreach list: once per organisation, with feedback and a signal."""

import pytest
from django.urls import reverse
from django.utils import timezone

from ecosystem.models import OrganisationKind, Stage
from matching.models import FeedbackEvent, MatchFeedback, ProgramInvitation, Side
from matching.services.outreach import program_invitations_send
from matching.signals import program_invitation_sent
from tests.factories import MatchFactory, ProgramFactory, StartupProfileFactory, officer_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    program = ProgramFactory(eligible_kinds=[OrganisationKind.STARTUP])
    program.eligible_stages.set(Stage.objects.filter(slug="mvp"))
    program.save()
    return program


@pytest.fixture
def officer(program):
    return officer_of(program.agency)


def startup(name, stage="mvp"):
    return StartupProfileFactory(organisation__name=name, stage=Stage.objects.get(slug=stage)).organisation


@pytest.fixture
def matches(program):
    return [
        MatchFactory(program=program, organisation=startup("Đèn Xanh"), score=0.9),
        MatchFactory(program=program, organisation=startup("Tôm Sạch"), score=0.7),
        MatchFactory(program=program, organisation=startup("Not Asked"), score=0.5),
    ]


@pytest.fixture
def heard():
    """Collect what `program_invitation_sent` tells its listeners."""
    received = []

    def listener(sender, invitation, **kwargs):
        received.append(invitation)

    program_invitation_sent.connect(listener, weak=False)
    yield received
    program_invitation_sent.disconnect(listener)


def invite(client, program, organisations, message=""):
    return client.post(
        reverse("matching:outreach_invite", kwargs={"slug": program.slug}),
        {"organisations": [str(pk) for pk in organisations], "message": message},
    )


def test_inviting_creates_invitations_feedback_and_a_signal_each(
    client, officer, program, matches, heard, django_capture_on_commit_callbacks
):
    chosen = [matches[0].organisation_id, matches[1].organisation_id]
    client.force_login(officer)

    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, program, chosen, "Chương trình rất phù hợp với sản phẩm của bạn.")

    assert response.status_code == 302
    invitations = ProgramInvitation.objects.filter(program=program)
    assert sorted(invitations.values_list("organisation_id", flat=True)) == sorted(chosen)
    assert {invitation.invited_by for invitation in invitations} == {officer}
    assert {invitation.message for invitation in invitations} == {"Chương trình rất phù hợp với sản phẩm của bạn."}
    feedback = MatchFeedback.objects.filter(event=FeedbackEvent.INVITED)
    assert sorted(feedback.values_list("key", flat=True)) == sorted([matches[0].key, matches[1].key])
    assert set(feedback.values_list("side", flat=True)) == {Side.PROVIDER}
    assert sorted(invitation.organisation_id for invitation in heard) == sorted(chosen)


def test_inviting_twice_does_not_duplicate_anything(
    client, officer, program, matches, heard, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, program, [matches[0].organisation_id])

    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, program, [matches[0].organisation_id, matches[1].organisation_id])

    assert response.status_code == 302
    assert ProgramInvitation.objects.filter(program=program).count() == 2
    assert MatchFeedback.objects.filter(event=FeedbackEvent.INVITED).count() == 2
    assert [invitation.organisation_id for invitation in heard] == [
        matches[0].organisation_id,
        matches[1].organisation_id,
    ]
    # The page says who had been invited already and marks them.
    page = client.get(response.url)
    assert "Đèn Xanh" in [str(message) for message in page.context["messages"]][-1]
    invited = {item["row"].organisation.name: item["row"].invited_at for item in page.context["items"]}
    assert invited["Đèn Xanh"] and invited["Tôm Sạch"] and invited["Not Asked"] is None


def test_the_service_is_idempotent_too(officer, program, matches):
    first = program_invitations_send(user=officer, program=program, organisation_ids=[matches[0].organisation_id])
    again = program_invitations_send(user=officer, program=program, organisation_ids=[matches[0].organisation_id])

    assert len(first.created) == 1 and first.already_invited == []
    assert again.created == [] and again.already_invited == [matches[0].organisation]


@pytest.mark.parametrize(
    "organisations",
    [[], ["abc"], ["999999999"], ["1.5"], ["9" * 30]],
    ids=["nothing chosen", "not a number", "unknown id", "not an integer", "out of range"],
)
def test_bad_choices_are_field_errors_not_crashes(client, officer, program, matches, organisations):
    client.force_login(officer)

    response = client.post(
        reverse("matching:outreach_invite", kwargs={"slug": program.slug}), {"organisations": organisations}
    )

    assert response.status_code == 400
    assert response.context["form"].errors["organisations"]
    assert not ProgramInvitation.objects.exists()


def test_an_organisation_that_is_no_longer_eligible_cannot_be_invited(client, officer, program, matches):
    moved_on = matches[0].organisation
    moved_on.startup_profile.stage = Stage.objects.get(slug="early-revenue")
    moved_on.startup_profile.save()
    client.force_login(officer)

    response = invite(client, program, [moved_on.pk, matches[1].organisation_id])

    assert response.status_code == 400
    assert not ProgramInvitation.objects.exists()


def test_a_message_too_long_is_refused(client, officer, program, matches):
    client.force_login(officer)

    response = invite(client, program, [matches[0].organisation_id], "x" * 1001)

    assert response.status_code == 400
    assert response.context["form"].errors["message"]
    assert not ProgramInvitation.objects.exists()


def test_a_closed_program_invites_nobody(client, officer, program, matches):
    program.opens_at = timezone.now() - timezone.timedelta(days=60)
    program.closes_at = timezone.now() - timezone.timedelta(days=1)
    program.save()
    client.force_login(officer)

    response = invite(client, program, [matches[0].organisation_id])

    assert response.status_code == 400
    assert "closed" in str(response.context["form"].non_field_errors()) or response.context["form"].errors
    assert not ProgramInvitation.objects.exists()


def test_only_the_programs_officers_can_invite(client, program, matches):
    response = invite(client, program, [matches[0].organisation_id])
    assert response.status_code == 302 and "login" in response.url

    client.force_login(officer_of(matches[1].organisation))
    assert invite(client, program, [matches[0].organisation_id]).status_code == 404
    assert not ProgramInvitation.objects.exists()
