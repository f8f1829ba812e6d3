"""What each document source makes of the ecosystem's rows: text, facets, dates and who may see it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ecosystem.models import Location, Sector, Stage
from search.documents import SOURCES
from tests.factories import (
    CapabilityFactory,
    MentorOfferFactory,
    NeedFactory,
    OrganisationFactory,
    ProgramFactory,
    StartupProfileFactory,
    UserFactory,
)
from tests.search.conftest import documents_of

pytestmark = pytest.mark.django_db


def only(documents):
    assert len(documents) == 1, documents
    return documents[0]


def test_startup_document_carries_words_facets_and_former_place_names(taxonomies):
    profile = StartupProfileFactory(
        organisation__name="AquaSense",
        pitch="Cảm biến nước",
        location=Location.objects.get(slug="ho-chi-minh"),
        stage=Stage.objects.get(slug="mvp"),
    )
    profile.sectors.set([Sector.objects.get(slug="aquaculture")])
    document = only(documents_of(profile))
    assert (document.doc_type, document.title, document.url) == ("startup", "AquaSense", profile.get_absolute_url())
    assert document.facets == {
        "sector": ["agriculture", "aquaculture"],
        "location": ["ho-chi-minh"],
        "stage": ["mvp"],
        "kind": ["startup"],
    }
    assert "binh duong" in document.text_folded  # a former province, now part of Ho Chi Minh City
    assert "aquaculture" in document.text_folded and "nuoi trong thuy san" in document.text_folded
    assert document.is_public


def test_an_organisation_with_a_startup_profile_is_found_as_the_startup_only(taxonomies):
    profile = StartupProfileFactory()
    university = OrganisationFactory(kind="university", name="Đại học Thủ Dầu Một")
    organisations = {d.object_id for d in SOURCES["organisation"].documents()}
    assert university.pk in organisations and profile.organisation_id not in organisations
    assert only(documents_of(university)).facets == {"kind": ["university"]}


@pytest.mark.parametrize(
    ("make", "visible"),
    [
        (lambda: StartupProfileFactory(organisation__is_public=False), False),
        (lambda: StartupProfileFactory(organisation__hidden_at=timezone.now()), False),
        (lambda: CapabilityFactory(is_public=False), False),
        (lambda: CapabilityFactory(hidden_at=timezone.now()), False),
        (lambda: CapabilityFactory(organisation__is_public=False), False),
        (lambda: CapabilityFactory(organisation=None), True),
        (lambda: MentorOfferFactory(is_public=False), False),
        (lambda: MentorOfferFactory(user__is_active=False), False),
        (lambda: MentorOfferFactory(hidden_at=timezone.now()), False),
        (lambda: NeedFactory(is_public=False), False),
        (lambda: NeedFactory(organisation__hidden_at=timezone.now()), False),
        (lambda: ProgramFactory(live=False), False),
        (lambda: ProgramFactory(hidden_at=timezone.now()), False),
        (lambda: OrganisationFactory(kind="university", is_public=False), False),
        (lambda: NeedFactory(), True),
        (lambda: ProgramFactory(), True),
    ],
)
def test_visibility_follows_the_directories(make, visible):
    assert only(documents_of(make())).is_public is visible


def test_a_mentor_is_found_by_name_never_by_address():
    offer = MentorOfferFactory(user=UserFactory(display_name="Nguyễn Văn An", email="an.secret@example.org"))
    document = only(documents_of(offer))
    assert document.title.startswith("Nguyễn Văn An")
    assert "secret" not in f"{document.title} {document.body} {document.extra_text}"
    nameless = only(documents_of(MentorOfferFactory(user=UserFactory(display_name="", first_name="", last_name=""))))
    assert nameless.title == nameless.title.strip() and "@" not in nameless.title


def test_program_document_keeps_its_dates_for_the_status_and_its_eligibility_as_facets(taxonomies):
    now = timezone.now()
    program = ProgramFactory(kind="grant", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=3))
    program.eligible_locations.set([Location.objects.get(slug="da-nang")])
    program.save()
    document = only(documents_of(program))
    assert (document.opens_at, document.closes_at) == (program.opens_at, program.closes_at)
    assert document.facets == {"sector": [], "location": ["da-nang"], "stage": [], "kind": ["grant"]}
    assert "quang nam" in document.text_folded  # Quảng Nam merged into Đà Nẵng


def test_need_deadline_is_the_end_of_its_day():
    need = NeedFactory(deadline=timezone.localdate() + timedelta(days=2))
    closes_at = only(documents_of(need)).closes_at
    assert timezone.localtime(closes_at).date() == need.deadline
    assert timezone.localtime(closes_at).hour == 23


def test_versions_match_what_the_sweeper_compares():
    need = NeedFactory()
    document = only(documents_of(need))
    source = SOURCES["need"]
    version = source.queryset().annotate(v=source.version()).get(pk=need.pk).v
    assert document.version == version


def test_live_public_pages_are_documents_in_their_language():
    from wagtail.models import Page, PageViewRestriction

    from cms.models import StandardPage
    from demo.pages import seed_site_pages

    seed_site_pages()
    documents = {d.object_id: d for d in SOURCES["page"].documents()}
    assert {d.language for d in documents.values()} == {"vi", "en"}
    assert all(d.url.startswith("/en/") for d in documents.values() if d.language == "en")
    page = StandardPage.objects.live().filter(locale__language_code="vi").first()
    assert page.title in documents[page.pk].title or documents[page.pk].title == page.seo_title
    assert documents[page.pk].body  # its intro and StreamField text

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    other = StandardPage.objects.live().exclude(pk=page.pk).filter(locale__language_code="vi").first()
    other.unpublish()
    remaining = {d.object_id for d in SOURCES["page"].documents()}
    assert page.pk not in remaining and other.pk not in remaining
    assert set(remaining) == set(Page.objects.live().public().filter(depth__gt=1).values_list("pk", flat=True))
