"""Dates read naturally in both languages: in Vietnamese, "ngày" is never said twice."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import translation

from ecosystem import emails
from ecosystem.models import Invitation
from tests.factories import MembershipFactory, ProgramFactory

pytestmark = pytest.mark.django_db

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def closed_program():
    return ProgramFactory(
        slug="da-dong",
        opens_at=datetime(2025, 11, 1, 8, 0, tzinfo=VIETNAM),
        closes_at=datetime(2025, 12, 4, 17, 0, tzinfo=VIETNAM),
    )


def test_a_vietnamese_page_says_ngay_once_before_a_date(client, closed_program):
    html = client.get("/programs/da-dong/").content.decode()

    assert "ngày Ngày" not in html and "Ngày 04" not in html
    assert "Đã đóng ngày 4 tháng 12 năm 2025" in html
    assert "4 tháng 12 năm 2025 lúc 17:00" in html  # the deadline, with its time


def test_the_english_page_keeps_english_dates(client, closed_program):
    html = client.get("/en/programs/da-dong/").content.decode()

    assert "Closed on Dec. 4, 2025" in html
    assert "Dec. 4, 2025, 5 p.m." in html


def test_a_vietnamese_e_mail_names_the_date_plainly():
    invitation = Invitation.objects.create(
        organisation=MembershipFactory().organisation,
        email="nguoi-moi@example.org",
        expires_at=datetime(2025, 12, 4, 17, 0, tzinfo=VIETNAM),
    )

    emails.send_invitation(invitation, language="vi")

    assert "4 tháng 12 năm 2025" in mail.outbox[0].body
    assert "Ngày" not in mail.outbox[0].body


def test_short_dates_use_the_slashes_written_in_vietnam():
    from django.utils.formats import date_format

    with translation.override("vi"):
        assert date_format(datetime(2025, 12, 4), "SHORT_DATE_FORMAT") == "04/12/2025"
