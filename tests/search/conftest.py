"""Search test fixtures: a second, SQLite database for the FTS5 backend, and a small ecosystem to search."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connections
from django.utils import timezone

from search.backends.database.schema import create_engine_objects
from search.documents import SOURCES, SearchDocument
from search.models import SearchEntry, SearchTerm
from tests.factories import (
    CapabilityFactory,
    MentorOfferFactory,
    NeedFactory,
    OrganisationFactory,
    ProgramFactory,
    StartupProfileFactory,
    UserFactory,
)

SQLITE_ALIAS = "search_sqlite"


@pytest.fixture(scope="session")
def sqlite_search_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """A SQLite database holding only the search tables, as `make run` has them, beside the main one.

    The tables and the FTS5 objects are created by the same code the migration runs, so the
    SQLite backend is tested whatever database the rest of the suite uses.
    """
    raw = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path_factory.mktemp("search") / "search.sqlite3")}
    configured = connections.configure_settings({"default": dict(settings.DATABASES["default"]), SQLITE_ALIAS: raw})
    connections.settings[SQLITE_ALIAS] = settings.DATABASES[SQLITE_ALIAS] = configured[SQLITE_ALIAS]
    with django_db_blocker.unblock(), connections[SQLITE_ALIAS].schema_editor() as editor:
        editor.create_model(SearchEntry)
        editor.create_model(SearchTerm)
        create_engine_objects(editor)
    yield SQLITE_ALIAS
    connections[SQLITE_ALIAS].close()
    # connections.settings is usually settings.DATABASES itself: pop from both, whichever holds it.
    connections.settings.pop(SQLITE_ALIAS, None)
    settings.DATABASES.pop(SQLITE_ALIAS, None)


def documents_of(*objects) -> list[SearchDocument]:
    """Return the documents the sources build for these model instances (one each, through their source)."""
    documents = []
    for obj in objects:
        source = next(s for s in SOURCES.values() if isinstance(obj, s.model) and s.queryset().filter(pk=obj.pk))
        documents.extend(source.documents([obj.pk]))
    return documents


def all_documents() -> list[SearchDocument]:
    return [document for source in SOURCES.values() for document in source.documents()]


@dataclass
class Ecosystem:
    """The small ecosystem the contract tests search, and the documents it gives."""

    now: object
    university: object
    water_startup: object
    traffic_startup: object
    private_startup: object
    capability: object
    hidden_capability: object
    mentor: object
    need: object
    private_need: object
    open_program: object
    closing_program: object
    forthcoming_program: object
    draft_program: object
    documents: list

    def public(self) -> list[SearchDocument]:
        return [document for document in self.documents if document.is_public]


def build_ecosystem() -> Ecosystem:
    """Create a small, varied ecosystem (taxonomies must be installed) and return it with its documents."""
    from ecosystem.models import Location, Sector, Stage, Technology

    now = timezone.now()
    sector = {s.slug: s for s in Sector.objects.all()}
    hcmc, hanoi = Location.objects.get(slug="ho-chi-minh"), Location.objects.get(slug="ha-noi")
    university = OrganisationFactory(
        name="Đại học Thủ Dầu Một", kind="university", summary="Trường đại học đa ngành với phòng thí nghiệm IoT."
    )
    water_startup = StartupProfileFactory(
        organisation__name="AquaSense",
        pitch="Cảm biến chất lượng nước cho ao nuôi tôm",
        description="Thiết bị đo oxy hòa tan và ứng dụng cảnh báo cho nông dân.",
        location=hcmc,
        stage=Stage.objects.get(slug="mvp"),
    )
    water_startup.sectors.set([sector["aquaculture"]])
    water_startup.technologies.set([Technology.objects.create(name="Internet of Things", slug="iot")])
    traffic_startup = StartupProfileFactory(
        organisation__name="Giao Thông Xanh",
        organisation__kind="enterprise",
        pitch="Phân tích video giao thông bằng trí tuệ nhân tạo",
        description="Đếm xe và phát hiện ùn tắc.",
        location=hanoi,
        stage=Stage.objects.get(slug="growth"),
    )
    traffic_startup.sectors.set([sector["mobility"]])
    private_startup = StartupProfileFactory(
        organisation__name="Stealthy Sensors",
        organisation__is_public=False,
        pitch="Cảm biến bí mật zyxwvut",
        location=hcmc,
    )
    capability = CapabilityFactory(
        organisation=university,
        title="Phòng thí nghiệm thị giác máy tính",
        description="Computer vision for traffic cameras: counting vehicles.",
    )
    capability.research_areas.set([sector["mobility"]])
    hidden_capability = CapabilityFactory(title="Máy đo cảm biến quarantined", hidden_at=now)
    mentor = MentorOfferFactory(
        user=UserFactory(display_name="Nguyễn Văn An"),
        headline="Cố vấn cho startup phần cứng",
        expertise="Sản xuất thiết bị điện tử và cảm biến.",
    )
    mentor.sectors.set([sector["electronics"]])
    need = NeedFactory(title="Giám sát tiêu thụ điện nhà xưởng", deadline=(now + timedelta(days=20)).date())
    need.sectors.set([sector["industry-4"]])
    private_need = NeedFactory(title="Kiểm tra nội bộ zyxwvut", is_public=False)
    open_program = ProgramFactory(
        title="Quỹ hỗ trợ khởi nghiệp đổi mới sáng tạo",
        kind="grant",
        opens_at=now - timedelta(days=10),
        closes_at=now + timedelta(days=30),
    )
    open_program.eligible_locations.set([hcmc])
    open_program.eligible_sectors.set([sector["smart-city"]])
    open_program.save()  # parental many-to-many relations are written by save()
    closing_program = ProgramFactory(
        title="Chương trình tăng tốc khởi nghiệp",
        kind="accelerator",
        opens_at=now - timedelta(days=30),
        closes_at=now + timedelta(days=5),
    )
    forthcoming_program = ProgramFactory(
        title="Cuộc thi đổi mới sáng tạo",
        kind="competition",
        opens_at=now + timedelta(days=10),
        closes_at=now + timedelta(days=60),
    )
    draft_program = ProgramFactory(title="Bản nháp zyxwvut", live=False)
    return Ecosystem(
        now=now,
        university=university,
        water_startup=water_startup,
        traffic_startup=traffic_startup,
        private_startup=private_startup,
        capability=capability,
        hidden_capability=hidden_capability,
        mentor=mentor,
        need=need,
        private_need=private_need,
        open_program=open_program,
        closing_program=closing_program,
        forthcoming_program=forthcoming_program,
        draft_program=draft_program,
        documents=all_documents(),
    )
