"""A program's status follows its dates, and a closed call unpublishes itself."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ecosystem.admin_views import status_filter
from ecosystem.models import OrganisationKind, Program, ProgramStatus
from ecosystem.permissions import MODERATORS_GROUP
from tests.factories import OrganisationFactory, ProgramFactory, UserFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

HCMC = ZoneInfo("Asia/Ho_Chi_Minh")
OPENS = datetime(2026, 3, 1, 8, 0, tzinfo=HCMC)
CLOSES = datetime(2026, 6, 30, 17, 0, tzinfo=HCMC)


@pytest.fixture
def program():
    return ProgramFactory(opens_at=OPENS, closes_at=CLOSES)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (OPENS - timedelta(days=30), ProgramStatus.FORTHCOMING),
        (OPENS - timedelta(seconds=1), ProgramStatus.FORTHCOMING),
        (OPENS, ProgramStatus.OPEN),
        (CLOSES - timedelta(days=15), ProgramStatus.OPEN),
        (CLOSES - timedelta(days=14), ProgramStatus.CLOSING_SOON),
        (CLOSES - timedelta(minutes=1), ProgramStatus.CLOSING_SOON),
        (CLOSES, ProgramStatus.CLOSED),
        (CLOSES + timedelta(days=365), ProgramStatus.CLOSED),
    ],
    ids=[
        "month-before",
        "second-before",
        "opening",
        "15-days-left",
        "14-days-left",
        "last-minute",
        "closing",
        "later",
    ],
)
def test_status_follows_the_dates(program, now, expected):
    with time_machine.travel(now, tick=False):
        assert program.status == expected
        assert program.get_status_display() == expected.label
        # The admin's status filter agrees with the property, row for row.
        assert Program.objects.filter(status_filter(expected, timezone.now())).filter(pk=program.pk).exists()
        for other in (status for status in ProgramStatus if status != expected):
            assert not Program.objects.filter(status_filter(other, timezone.now())).filter(pk=program.pk).exists()


def test_without_a_closing_date_a_program_stays_open():
    program = ProgramFactory(opens_at=OPENS, closes_at=None)

    with time_machine.travel(OPENS + timedelta(days=3650), tick=False):
        assert program.status == ProgramStatus.OPEN
        assert Program.objects.filter(status_filter(ProgramStatus.OPEN, timezone.now()), pk=program.pk).exists()


def test_without_an_opening_date_a_program_is_open_until_it_closes():
    program = ProgramFactory(opens_at=None, closes_at=CLOSES)

    with time_machine.travel(CLOSES - timedelta(days=100), tick=False):
        assert program.status == ProgramStatus.OPEN
    with time_machine.travel(CLOSES + timedelta(seconds=1), tick=False):
        assert program.status == ProgramStatus.CLOSED


def test_expiry_follows_the_closing_date(program):
    assert program.expire_at == CLOSES

    program.closes_at = CLOSES + timedelta(days=7)
    program.save()
    program.refresh_from_db()
    assert program.expire_at == CLOSES + timedelta(days=7)

    program.closes_at = None
    program.save()
    program.refresh_from_db()
    assert program.expire_at is None


def test_publish_scheduled_unpublishes_a_closed_program(program):
    still_open = ProgramFactory(opens_at=OPENS, closes_at=CLOSES + timedelta(days=30))

    with time_machine.travel(CLOSES - timedelta(hours=1), tick=False):
        call_command("publish_scheduled")
    program.refresh_from_db()
    assert program.live

    with time_machine.travel(CLOSES + timedelta(minutes=5), tick=False):
        call_command("publish_scheduled")
    program.refresh_from_db()
    still_open.refresh_from_db()
    assert not program.live
    assert program.expired
    assert still_open.live


@pytest.mark.usefixtures("english_admin")
def test_the_admin_listing_filters_by_status(client):
    agency = OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY)
    ProgramFactory(agency=agency, title="Sắp mở", opens_at=OPENS + timedelta(days=60), closes_at=CLOSES)
    ProgramFactory(agency=agency, title="Sắp đóng", opens_at=OPENS, closes_at=OPENS + timedelta(days=70))
    ProgramFactory(agency=agency, title="Đã đóng", opens_at=OPENS - timedelta(days=90), closes_at=OPENS)
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    enable_totp(moderator)
    client.force_login(moderator)

    with time_machine.travel(OPENS + timedelta(days=60, hours=-1), tick=False):
        response = client.get(reverse("wagtailsnippets_ecosystem_program:list"), {"status": "closing_soon"})

    page = response.content.decode()
    assert "Sắp đóng" in page
    assert "Sắp mở" not in page
    assert "Đã đóng" not in page
