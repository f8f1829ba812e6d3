"""E-mail invitations: sent through SMTP, accepted by the invited person, expiring on time."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from ecosystem.models import Invitation, JoinRequest, Membership, OrganisationKind, Role
from tests.factories import InvitationFactory, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_owner_invites_and_the_invited_person_joins(client, smtp, organisation, owner, committed):
    client.force_login(owner)
    with committed():
        client.post(
            reverse("ecosystem:invitation_create", args=[organisation.slug]),
            {"email": "Minh.Tran@Example.org", "role": Role.ADMIN},
        )

    [message] = smtp.to("minh.tran@example.org")
    assert organisation.name in message["Subject"]
    invitation = Invitation.objects.get(organisation=organisation)
    assert invitation.get_absolute_url() in smtp.text_of(message)

    invitee = UserFactory(email="minh.tran@example.org")
    client.force_login(invitee)
    response = client.post(invitation.get_absolute_url())

    assert response.status_code == 302
    membership = Membership.objects.get(organisation=organisation, user=invitee)
    assert membership.role == Role.ADMIN
    # A used link cannot be used again.
    client.force_login(UserFactory(email="minh.tran2@example.org"))
    client.post(invitation.get_absolute_url())
    assert Membership.objects.filter(organisation=organisation).count() == 2


def test_invitation_expires(client, organisation):
    invitation = InvitationFactory(
        organisation=organisation, email="late@example.org", expires_at=timezone.now() + timedelta(days=1)
    )
    invitee = UserFactory(email="late@example.org")
    client.force_login(invitee)

    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        page = client.get("/en" + invitation.get_absolute_url())
        response = client.post(invitation.get_absolute_url(), follow=True)

    assert "This invitation has expired" in page.content.decode()
    assert not Membership.objects.filter(organisation=organisation, user=invitee).exists()
    assert response.status_code == 200


def test_invitation_is_still_valid_just_before_it_expires(client, organisation):
    invitation = InvitationFactory(
        organisation=organisation, email="ontime@example.org", expires_at=timezone.now() + timedelta(days=1)
    )
    invitee = UserFactory(email="ontime@example.org")
    client.force_login(invitee)
    with time_machine.travel(timezone.now() + timedelta(hours=23)):
        client.post(invitation.get_absolute_url())
    assert Membership.objects.filter(organisation=organisation, user=invitee).exists()


def test_link_forwarded_to_someone_else_does_not_let_them_in(client, organisation):
    invitation = InvitationFactory(organisation=organisation, email="officer@agency.gov.vn")
    stranger = UserFactory(email="stranger@example.org")
    client.force_login(stranger)

    client.post(invitation.get_absolute_url())

    assert not Membership.objects.filter(organisation=organisation, user=stranger).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_new_invitation_replaces_the_pending_one(client, smtp, organisation, owner, committed):
    client.force_login(owner)
    url = reverse("ecosystem:invitation_create", args=[organisation.slug])
    with committed():
        client.post(url, {"email": "twice@example.org", "role": Role.MEMBER})
        client.post(url, {"email": "twice@example.org", "role": Role.MEMBER})

    first, second = Invitation.objects.filter(email="twice@example.org").order_by("created_at")
    assert first.revoked_at is not None and second.is_pending
    assert len(smtp.to("twice@example.org")) == 2


def test_admin_cannot_hand_out_ownership(client, organisation):
    admin = MembershipFactory(organisation=organisation, role=Role.ADMIN).user
    client.force_login(admin)
    response = client.post(
        reverse("ecosystem:invitation_create", args=[organisation.slug]),
        {"email": "crown@example.org", "role": Role.OWNER},
    )
    assert response.status_code == 403
    assert not Invitation.objects.filter(email="crown@example.org").exists()


def test_bad_invitation_address_is_reported_not_crashing(client, organisation, owner):
    client.force_login(owner)
    response = client.post(
        reverse("ecosystem:invitation_create", args=[organisation.slug]),
        {"email": "not an address", "role": "emperor"},
        follow=True,
    )
    assert response.status_code == 200
    assert not Invitation.objects.exists()


def test_government_agency_refuses_join_requests(client):
    agency = OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY)
    client.force_login(UserFactory())
    response = client.post(reverse("ecosystem:join_request_create", args=[agency.slug]), {"message": "Let me in"})
    assert response.status_code == 403
    assert not JoinRequest.objects.exists()


def test_startup_join_request_is_approved_by_its_owner(client, smtp, organisation, owner, committed):
    applicant = UserFactory()
    client.force_login(applicant)
    with committed():
        client.post(
            reverse("ecosystem:join_request_create", args=[organisation.slug]), {"message": "I am the new CTO"}
        )
    [message] = smtp.to(owner.email)
    assert "I am the new CTO" in smtp.text_of(message)

    client.force_login(owner)
    join_request = JoinRequest.objects.get()
    client.post(
        reverse("ecosystem:join_request_decide", args=[organisation.slug, join_request.pk]), {"decision": "approve"}
    )
    assert Membership.objects.get(organisation=organisation, user=applicant).role == Role.MEMBER


def test_last_owner_cannot_leave(client, organisation, owner):
    membership = Membership.objects.get(organisation=organisation, user=owner)
    client.force_login(owner)
    client.post(reverse("ecosystem:membership_remove", args=[organisation.slug, membership.pk]))
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_member_can_leave(client, organisation, owner):
    membership = MembershipFactory(organisation=organisation, role=Role.MEMBER)
    client.force_login(membership.user)
    client.post(reverse("ecosystem:membership_remove", args=[organisation.slug, membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_a_name_written_over_two_lines_is_kept_on_one_and_its_invitations_still_go_out(
    client, smtp, owner, organisation, committed
):
    # However a name arrives (a form, an import, the shell), it is saved on one line: a line break
    # in an e-mail subject would forge a header or stop the e-mail.
    organisation.name = "Nông Trại Số\r\nBcc: x@evil.example\x00"
    organisation.save()
    organisation.refresh_from_db()
    assert organisation.name == "Nông Trại Số Bcc: x@evil.example"

    client.force_login(owner)
    with committed():
        response = client.post(
            reverse("ecosystem:invitation_create", args=[organisation.slug]),
            {"email": "lan@example.org", "role": Role.MEMBER},
        )

    assert response.status_code == 302
    [message] = smtp.to("lan@example.org")
    assert "Nông Trại Số Bcc: x@evil.example" in message["Subject"] and message["Bcc"] is None


def test_the_plain_text_of_a_join_request_shows_names_as_written(client, smtp, owner, committed):
    organisation = Membership.objects.get(user=owner).organisation
    organisation.name = "Lúa & Tôm <Cần Thơ>"
    organisation.save()
    client.force_login(UserFactory())
    with committed():
        client.post(reverse("ecosystem:join_request_create", args=[organisation.slug]), {"message": "Tôi & bạn"})

    [message] = smtp.to(owner.email)
    assert "Lúa & Tôm <Cần Thơ>" in message["Subject"]
    text = smtp.text_of(message)
    assert "Lúa & Tôm <Cần Thơ>" in text and "Tôi & bạn" in text and "&amp;" not in text and "&lt;" not in text
    assert "Lúa &amp; Tôm &lt;Cần Thơ&gt;" in message.get_body(preferencelist=("html",)).get_content()
