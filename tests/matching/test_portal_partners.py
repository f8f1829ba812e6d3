"""The collaboration-partners tab learns from the portal's collaboration record, with the class we measure."""

import csv
import gzip

import pytest

from ecosystem.models import PastParticipation
from matching.engine.partners import PartnerRecommender
from matching.evaluation import partners as partners_evaluation
from matching.models import Match, MatchKind, Relationship, RelationshipStatus
from matching.pipeline.recompute import matches_rebuild_all
from tests.factories import CapabilityFactory, OrganisationFactory, StartupProfileFactory
from tests.factories.ecosystem import OrganisationKind

pytestmark = pytest.mark.django_db

LAB_TEXT = "Phòng thí nghiệm cảm biến IoT đo độ ẩm đất cho nông nghiệp thông minh"


@pytest.fixture
def world():
    startup = StartupProfileFactory(
        organisation=OrganisationFactory(name="Nông Nghiệp Thông Minh"),
        pitch="Cảm biến IoT đo độ ẩm đất cho nông nghiệp thông minh ở Cần Thơ",
    ).organisation
    university = OrganisationFactory(name="Đại học Cần Thơ", kind=OrganisationKind.UNIVERSITY)
    institute = OrganisationFactory(name="Viện Nông nghiệp", kind=OrganisationKind.RESEARCH_INSTITUTE)
    # Two capabilities the startup's pitch fits equally well, one at each organisation.
    at_university = CapabilityFactory(organisation=university, title="Cảm biến đất", description=LAB_TEXT)
    at_institute = CapabilityFactory(organisation=institute, title="Cảm biến đất", description=LAB_TEXT)
    return {"startup": startup, "university": at_university, "institute": at_institute}


def _collaboration(startup, capability):
    return Relationship.objects.create(
        kind=MatchKind.COLLABORATION,
        key=f"collaboration:{startup.pk}:{capability.pk}",
        organisation=startup,
        capability=capability,
        status=RelationshipStatus.ACTIVE,
    )


def _partners_of(startup):
    return list(
        Match.objects.filter(organisation=startup, kind=MatchKind.COLLABORATION, seeker_rank__isnull=False)
        .order_by("-score", "pk")
        .values_list("capability", flat=True)
    )


def test_an_organisation_the_record_knows_ranks_first_with_its_record_as_a_reason(world):
    # Other startups of the same field have begun collaborations with the institute through Helix.
    for name in ("Tưới Tiêu Số", "Đất Xanh"):
        peer = StartupProfileFactory(
            organisation=OrganisationFactory(name=name), pitch="Cảm biến độ ẩm đất"
        ).organisation
        _collaboration(peer, world["institute"])
    # … and this startup worked with the institute's other lab before.
    _collaboration(world["startup"], CapabilityFactory(organisation=world["institute"].organisation))
    matches_rebuild_all()
    ranked = _partners_of(world["startup"])
    assert ranked.index(world["institute"].pk) < ranked.index(world["university"].pk)
    first = Match.objects.get(organisation=world["startup"], capability=world["institute"])
    record = [reason for reason in first.reasons if reason["code"] == "track_record"]
    assert record and record[0]["params"]["count"] == 3
    # Every list agrees on the pair's score: the institute's own list reads the same row.
    assert first.provider_rank is not None


def test_past_consortia_an_agency_imported_teach_the_partner_tab(world):
    agency = OrganisationFactory(name="Sở KH&CN Cần Thơ", kind=OrganisationKind.GOVERNMENT_AGENCY)
    peers = [
        StartupProfileFactory(organisation=OrganisationFactory(name=name), pitch="Cảm biến độ ẩm đất").organisation
        for name in ("Tưới Tiêu Số", "Đất Xanh")
    ]
    institute = world["institute"].organisation
    # The startup and its peers were in national projects with the institute, never with the university.
    for year, members in ((2019, [world["startup"], institute]), (2021, [*peers, institute])):
        for member in members:
            PastParticipation.objects.create(
                agency=agency, project=f"ĐTĐL.CN-{year}", programme="Nafosted", year=year, organisation=member
            )
    matches_rebuild_all()
    ranked = _partners_of(world["startup"])
    assert ranked.index(world["institute"].pk) < ranked.index(world["university"].pk)


def test_without_a_record_the_profiles_alone_decide(world):
    matches_rebuild_all()
    scores = dict(
        Match.objects.filter(organisation=world["startup"], kind=MatchKind.COLLABORATION).values_list(
            "capability", "score"
        )
    )
    assert scores[world["university"].pk] == pytest.approx(scores[world["institute"].pk])


def test_the_partner_tab_and_the_evaluation_run_the_same_class(world, monkeypatch, tmp_path):
    calls = []
    original = PartnerRecommender.score

    def spy(self, consortia, *args, **kwargs):
        calls.append(type(self))
        return original(self, consortia, *args, **kwargs)

    monkeypatch.setattr(PartnerRecommender, "score", spy)
    _collaboration(world["startup"], world["institute"])
    matches_rebuild_all()
    assert calls and set(calls) == {PartnerRecommender}, "the partner tab is ranked with PartnerRecommender"

    calls.clear()
    for name, projects in (("train", range(1, 6)), ("test", range(6, 8))):
        with gzip.open(tmp_path / f"{name}.csv.gz", "wt", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["project_id", "org_id", "org_type", "country", "role", "start_year", "programme"])
            for project in projects:
                for org in ("a", "b", "c"):
                    writer.writerow([project, org, "HES", "VN", "participant", 2014 + project // 3, "LEIT"])
    result = partners_evaluation.evaluate(tmp_path)
    assert result["n_test"] == 2
    assert calls and set(calls) == {PartnerRecommender}, "evaluate_matching partners measures the same class"
