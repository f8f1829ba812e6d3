"""/me/export/ holds everything Helix keeps about the person, and nobody else's data or any secret.

Decree 13/2023/NĐ-CP gives people the right to get their personal data: the JSON lists every kind
Helix keeps, the zip adds the files they uploaded.
"""

import io
import json
import zipfile

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model

from ecosystem.models import JoinRequest, OrganisationKind, Role, StartupProfile
from matching.models import MatchKind
from matching.services.feedback import match_dismiss, match_save
from matching.services.introductions import introduction_decline, introduction_request
from notifications.models import Delivery, DeliveryStatus, DigestFrequency, Notification, NotificationKind
from notifications.services import notification_create, preference_update
from search.services import saved_search_save
from tests.factories import (
    CapabilityFactory,
    MatchFactory,
    MembershipFactory,
    MentorOfferFactory,
    NeedFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def person(media):
    """Mai, who uses every part of Helix: a startup, a capability, a mentor offer, a need, matches…"""
    mai = UserFactory(display_name="Mai Anh", email="mai@example.org", preferred_language="en")
    startup = OrganisationFactory(kind=OrganisationKind.STARTUP, name="Mai's Startup")
    MembershipFactory(organisation=startup, user=mai, role=Role.OWNER)
    profile = StartupProfile.objects.create(organisation=startup, pitch="Solar dryers for coffee farms")
    profile.logo.save("mai-logo.png", ContentFile(b"\x89PNG mai's logo"))
    CapabilityFactory(owner=mai, title="Mai's drying lab")
    MentorOfferFactory(user=mai, headline="Mai mentors hardware founders")
    NeedFactory(posted_by=mai, organisation=startup, title="Mai needs a pilot farm")
    get_document_model().objects.create(
        title="Mai's pitch deck", file=ContentFile(b"%PDF mai", name="mai-deck.pdf"), uploaded_by_user=mai
    )
    return mai, startup


@pytest.fixture
def stranger():
    """Someone else, with data of their own that must not appear in Mai's export."""
    other = UserFactory(display_name="Other Person", email="other.private@example.org")
    CapabilityFactory(owner=other, title="Somebody else's lab")
    saved_search_save(user=other, name="Other's search", query_string="q=robots")
    return other


@pytest.fixture
def activity(person, stranger):
    """Mai's introductions, matches, searches, notifications and two factors."""
    mai, startup = person
    sent = MatchFactory(kind=MatchKind.COLLABORATION, organisation=startup)
    introduction_request(user=mai, match=sent, message="Mai asks about the lab")
    received = MatchFactory(kind=MatchKind.MENTORING, mentor=mai.mentor_offer)
    asker = MembershipFactory(organisation=received.organisation, role=Role.OWNER).user
    asked = introduction_request(user=asker, match=received, message="A founder asks Mai to mentor them")
    introduction_decline(user=mai, introduction=asked, reason="Mai is fully booked")
    match_save(user=mai, match=MatchFactory(kind=MatchKind.FUNDING, organisation=startup), side="seeker")
    dismissed = MatchFactory(kind=MatchKind.FUNDING, organisation=startup)
    match_dismiss(user=mai, match=dismissed, side="seeker", reason="Mai finds it off-topic")
    saved_search_save(user=mai, name="Mai's search", query_string="q=coffee", alert=True)
    preference_update(user=mai, digest_frequency=DigestFrequency.DAILY, email_kinds=[], quiet_days=[6])
    notification_create(
        recipient=mai,
        kind=NotificationKind.PROGRAM_INVITATION,
        key="mai:1",
        context={"program": "Mai's program", "organisation": "Mai's Startup"},
    )
    Delivery.objects.create(key="digest:mai", recipient=mai, kind="digest", status=DeliveryStatus.SENT)
    JoinRequest.objects.create(organisation=OrganisationFactory(), user=mai, message="Mai would like to join")
    secret = enable_totp(mai)
    codes = RecoveryCodes.activate(mai).get_unused_codes()
    return secret, codes, asker


def export(client, user) -> tuple[dict, str]:
    client.force_login(user)
    response = client.get(reverse("accounts:export"))
    assert response.status_code == 200
    text = response.content.decode()
    return json.loads(text), text


def test_every_section_holds_the_persons_data(client, person, activity):
    mai, _startup = person
    data, _text = export(client, mai)

    assert data["account"]["display_name"] == "Mai Anh"
    assert data["startup_profiles"][0]["pitch"] == "Solar dryers for coffee farms"
    assert [c["title"] for c in data["capabilities"]] == ["Mai's drying lab"]
    assert data["mentor_offer"]["headline"] == "Mai mentors hardware founders"
    assert [n["title"] for n in data["needs"]] == ["Mai needs a pilot farm"]
    [sent] = data["introductions"]["sent"]
    assert (sent["message"], sent["status"]) == ("Mai asks about the lab", "pending")
    [received] = data["introductions"]["received"]
    assert (received["message"], received["decline_reason"]) == (
        "A founder asks Mai to mentor them",
        "Mai is fully booked",
    )
    assert received["answered_by_you"] is True
    states = {(m["state"], m["reason"]) for m in data["saved_and_dismissed_matches"]}
    assert states == {("saved", ""), ("dismissed", "Mai finds it off-topic")}
    assert {event["event"] for event in data["match_feedback"]} >= {"saved", "dismissed", "intro_requested"}
    assert [(s["name"], s["alert"]) for s in data["saved_searches"]] == [("Mai's search", True)]
    settings_ = data["notification_settings"]
    assert (settings_["digest_frequency"], settings_["email_kinds"], settings_["quiet_days"]) == ("daily", [], [6])
    assert any(n["title"] == "Invitation to apply to Mai's program" for n in data["notifications"])
    assert {d["kind"] for d in data["email_deliveries"]} >= {"digest", NotificationKind.PROGRAM_INVITATION}
    assert data["join_requests"][0]["message"] == "Mai would like to join"
    assert {a["type"] for a in data["two_factor_authentication"]} == {"totp", "recovery_codes"}
    assert [s["current"] for s in data["sessions"]["open_sessions"]] == [True]
    assert {f["title"] for f in data["uploaded_files"]} == {"Mai's Startup", "Mai's pitch deck"}
    assert Notification.objects.filter(recipient=mai).exists()


def test_no_one_elses_data_and_no_secret(client, person, activity, stranger):
    mai, _startup = person
    secret, codes, asker = activity

    _data, text = export(client, mai)

    for foreign in (stranger.email, "Somebody else's lab", "Other's search", asker.email):
        assert foreign not in text
    assert secret not in text
    for code in codes:
        assert code not in text
    assert client.session.session_key not in text  # a session key would let the holder sign in


def test_the_zip_holds_the_json_and_the_uploaded_files(client, person):
    mai, _startup = person
    client.force_login(mai)

    response = client.get(reverse("accounts:export_zip"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("helix-data.json"))
    paths = {entry["path_in_zip"]: entry for entry in data["uploaded_files"]}
    assert set(paths) <= set(archive.namelist())
    contents = {archive.read(path) for path in paths}
    assert contents == {b"\x89PNG mai's logo", b"%PDF mai"}


def test_the_zip_needs_login(client):
    assert client.get(reverse("accounts:export_zip")).status_code == 302
