"""What a digest lists: new matches, eligible programs closing soon, saved-search results, requests to answer."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ecosystem.models import OrganisationKind
from matching.models import MatchKind, MatchState
from notifications.digests import digest_content, digests_plan
from notifications.models import DIGEST, DeliveryStatus, DigestFrequency, NotificationPreference
from notifications.tasks import deliveries_send
from tests.factories import MentorOfferFactory, OrganisationFactory, ProgramFactory, UserFactory
from tests.notifications.conftest import deliveries_of, person_with_match, sent_to

pytestmark = pytest.mark.django_db


def send_digests():
    """What beat does every morning, run in-process: plan, then send the queued batches."""
    ids = digests_plan()
    if ids:
        deliveries_send(ids)
    return ids


def test_a_digest_lists_new_matches_with_a_reason_and_links(outbox):
    person, _startup, match = person_with_match()
    send_digests()
    [message] = sent_to(person)
    text = message.body
    assert match.program.title in text
    assert "giao thông" in text  # the shared-terms reason
    assert f"http://127.0.0.1:8000{match.program.get_absolute_url()}" in text
    assert "/me/notifications/not-relevant/" in text
    html = message.alternatives[0][0]
    assert match.program.title in html


def test_nothing_new_means_no_email_and_no_sent_delivery(outbox):
    lonely = UserFactory()
    send_digests()
    assert sent_to(lonely) == []
    assert not deliveries_of(lonely, status=DeliveryStatus.SENT).exists()
    assert deliveries_of(lonely, status=DeliveryStatus.EMPTY).count() == 1


def test_what_a_sent_digest_listed_is_not_listed_again(outbox):
    person, startup, first = person_with_match(language="en")
    send_digests()
    assert len(sent_to(person)) == 1
    # Next period: the same match again plus one computed since.
    NotificationPreference.objects.create(user=person, digest_frequency=DigestFrequency.DAILY)
    later = ProgramFactory(title="Quỹ đổi mới mới nhất")
    from tests.factories import MatchFactory

    MatchFactory(organisation=startup, program=later, computed_at=timezone.now() + timedelta(seconds=1))
    outbox.clear()
    send_digests()
    [message] = sent_to(person)
    assert later.title in message.body
    assert first.program.title not in message.body


def test_dismissed_matches_are_left_out(outbox):
    person, _startup, match = person_with_match()
    match.seeker_state = MatchState.DISMISSED
    match.save()
    assert digest_content(user=person)["matches"] == []


def test_programs_closing_within_two_weeks_are_listed_only_when_eligible(outbox):
    person = UserFactory(preferred_language="en")
    from tests.factories import MembershipFactory

    startup = OrganisationFactory(kind=OrganisationKind.STARTUP)
    MembershipFactory(organisation=startup, user=person)
    soon = timezone.now() + timedelta(days=5)
    eligible = ProgramFactory(title="Startup grant closing soon", closes_at=soon, eligible_kinds=["startup"])
    ProgramFactory(title="University grant closing soon", closes_at=soon, eligible_kinds=["university"])
    ProgramFactory(title="Startup grant closing later", closes_at=timezone.now() + timedelta(days=40))
    send_digests()
    [message] = sent_to(person)
    assert eligible.title in message.body
    assert "University grant" not in message.body
    assert "closing later" not in message.body


def test_the_digest_speaks_the_recipients_language(outbox):
    mentor_offer = MentorOfferFactory()
    vietnamese, _s1, _m1 = person_with_match(language="vi", kind=MatchKind.MENTORING, mentor=mentor_offer)
    english, _s2, _m2 = person_with_match(language="en", kind=MatchKind.MENTORING, mentor=mentor_offer)
    send_digests()
    [in_vietnamese] = sent_to(vietnamese)
    [in_english] = sent_to(english)
    assert "Chuyên gia cố vấn" in in_vietnamese.body  # "Mentor", translated
    assert "(Mentor)" in in_english.body
    assert f"http://127.0.0.1:8000/en/mentors/{mentor_offer.pk}/" in in_english.body
    assert f"http://127.0.0.1:8000/mentors/{mentor_offer.pk}/" in in_vietnamese.body
    assert in_english.extra_headers["Content-Language"] == "en"


def test_frequency_off_and_weekly_periods(outbox):
    person, _startup, _match = person_with_match()
    NotificationPreference.objects.create(user=person, digest_frequency=DigestFrequency.OFF)
    send_digests()
    assert sent_to(person) == []
    assert not deliveries_of(person, kind=DIGEST).exists()


def test_a_second_plan_in_the_same_period_sends_nothing_more(outbox):
    person, _startup, _match = person_with_match()
    send_digests()
    assert send_digests() == []
    assert len(sent_to(person)) == 1


def test_pending_introduction_requests_to_answer_are_listed(outbox):
    from matching.models import Introduction, Side

    mentor = MentorOfferFactory(user=UserFactory(display_name="Mentor Lan"))
    person, _startup, match = person_with_match(language="en", kind=MatchKind.MENTORING, mentor=mentor)
    Introduction.objects.create(
        match=match, key=match.key, kind=match.kind, requester=mentor.user, requester_side=Side.PROVIDER,
        expires_at=timezone.now() + timedelta(days=7),
    )  # fmt: skip
    content = digest_content(user=person)
    assert [item["requester"] for item in content["introductions"]] == ["Mentor Lan"]
    assert "/en/me/introductions/" in content["introductions"][0]["url"]


def test_new_results_of_saved_searches_are_listed_once(outbox, taxonomies):
    from search.services import saved_search_save, search_index_rebuild
    from tests.factories import NeedFactory

    person = UserFactory(preferred_language="en")
    NeedFactory(title="Cảm biến cũ")
    search_index_rebuild()
    saved = saved_search_save(user=person, name="Sensors", query_string="q=cam+bien", alert=True)
    saved.created_at = timezone.now()
    saved.save()
    NeedFactory(title="Cảm biến mới")
    search_index_rebuild()
    send_digests()
    [message] = sent_to(person)
    assert "Sensors (1)" in message.body
    assert "Cảm biến mới" in message.body
    assert "Cảm biến cũ" not in message.body
    saved.refresh_from_db()
    assert saved.last_alerted_at is not None
    # The next period finds nothing new: no e-mail.
    NotificationPreference.objects.create(user=person, digest_frequency=DigestFrequency.DAILY)
    outbox.clear()
    send_digests()
    assert sent_to(person) == []


def test_a_matched_program_closing_soon_is_recalled_with_a_not_relevant_link(outbox):
    person, _startup, match = person_with_match(program=ProgramFactory(closes_at=timezone.now() + timedelta(days=3)))
    first = digest_content(user=person)
    assert [item["title"] for item in first["matches"]] == [match.program.title]
    assert first["programs"] == []  # listed once, as a match
    send_digests()
    NotificationPreference.objects.create(user=person, digest_frequency=DigestFrequency.DAILY)
    [recalled] = digest_content(user=person)["programs"]  # the match was sent; now it closes soon
    assert recalled["title"] == match.program.title
    assert "/me/notifications/not-relevant/" in recalled["not_relevant_url"]
    match.seeker_state = MatchState.DISMISSED
    match.save()
    assert digest_content(user=person)["programs"] == []  # not relevant to them: not listed either


def test_one_batch_gives_each_person_the_matches_of_their_own_side(outbox):
    # A founder, a researcher whose capability is matched, a mentor and someone with no profile,
    # planned and sent together: the batch reads everyone's sides at once and must not mix them.
    from tests.factories import CapabilityFactory, MatchFactory

    founder, startup, funding = person_with_match(language="en")
    capability = CapabilityFactory(title="Vision lab for traffic cameras")
    MatchFactory(kind=MatchKind.COLLABORATION, organisation=startup, capability=capability)
    mentor_offer = MentorOfferFactory(headline="Hardware mentor")
    MatchFactory(kind=MatchKind.MENTORING, organisation=startup, mentor=mentor_offer)
    bystander = UserFactory()
    send_digests()
    [to_founder] = sent_to(founder)
    assert funding.program.title in to_founder.body
    assert capability.title in to_founder.body
    assert mentor_offer.headline in to_founder.body
    [to_researcher] = sent_to(capability.owner)
    assert startup.name in to_researcher.body
    assert funding.program.title not in to_researcher.body
    [to_mentor] = sent_to(mentor_offer.user)
    assert startup.name in to_mentor.body
    assert capability.title not in to_mentor.body
    assert sent_to(bystander) == []
