"""The Wagtail dashboard shows officers and moderators their programs: how many are drafts, in
moderation, published and closing soon, what waits for a review and which drafts to finish, each
linking to the program's editor, in a bounded number of queries."""

import json
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from ecosystem.admin_dashboard import ProgramsPanel, program_counts
from ecosystem.models import OrganisationKind
from ecosystem.permissions import MODERATORS_GROUP, OFFICERS_GROUP
from ecosystem.program_permissions import manageable_programs
from tests.factories import MembershipFactory, OrganisationFactory, ProgramFactory, UserFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

# Moderator check, counts, waiting submissions and their programs, closing soon, drafts; for
# "reviewable by" Wagtail reads the active tasks (2 queries) and checks the user's groups per task
# (the migrations create two: programs' and pages').
MAX_PANEL_QUERIES = 10


def member_of(agency, *groups):
    person = MembershipFactory(organisation=agency).user
    for name in groups:
        person.groups.add(Group.objects.get(name=name))
    enable_totp(person)
    return person


@pytest.fixture
def agency():
    return OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY, is_verified=True, name="Sở A")


@pytest.fixture
def officer(agency):
    return member_of(agency, OFFICERS_GROUP)


@pytest.fixture
def moderator():
    person = UserFactory()
    person.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    enable_totp(person)
    return person


def draft(agency, title, author):
    program = ProgramFactory(agency=agency, title=title, live=False)
    program.save_revision(user=author)
    return program


def submitted(agency, title, author):
    program = draft(agency, title, author)
    program.get_workflow().start(program, author)
    return program


@pytest.fixture
def programs(agency, officer, moderator):
    """One program in every state, and another agency's submission."""
    sent_back = submitted(agency, "Sent back", officer)
    sent_back.current_workflow_state.current_task_state.reject(user=moderator, comment="Add the budget")
    return {
        "draft": draft(agency, "Plain draft", officer),
        "sent_back": sent_back,
        "submitted": submitted(agency, "Waiting one", officer),
        "live": ProgramFactory(agency=agency, title="Open call"),
        "closing": ProgramFactory(agency=agency, title="Last days", closes_at=timezone.now() + timedelta(days=5)),
        "theirs": submitted(OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY), "Elsewhere", UserFactory()),
    }


def edit_url(program):
    return reverse("wagtailsnippets_ecosystem_program:edit", args=[program.pk])


def dashboard_in_english(client, user) -> str:
    """The dashboard as someone who chose English for the admin (the panel's Vietnamese is pending)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def panel_html(page: str) -> str:
    match = re.search(r'<section[^>]*id="helix-programs-section".*?</section>', page, re.S)
    assert match, "the programs panel is not on the dashboard"
    return match.group(0)


def test_an_officer_counts_their_agencys_programs_by_status(officer, programs):
    counts = program_counts(manageable_programs(officer), timezone.now())

    assert counts == {"drafts": 2, "in_moderation": 1, "published": 2, "closing_soon": 1}


def test_the_officer_sees_what_waits_closes_and_needs_finishing(client, officer, programs):
    panel = panel_html(dashboard_in_english(client, officer))

    assert "2 drafts" in panel and "1 in moderation" in panel and "2 published" in panel
    assert "1 closing within 14 days" in panel
    for name in ("draft", "sent_back", "submitted", "closing"):
        assert edit_url(programs[name]) in panel, name
    assert "Waiting for review" in panel
    assert "Changes requested" in panel
    assert panel.index("Sent back") < panel.index("Plain draft")  # sent back for changes: first to finish
    assert "Elsewhere" not in panel
    assert edit_url(programs["live"]) not in panel  # published and not closing: nothing to do


def test_a_moderator_sees_every_submission_waiting_for_their_review(client, moderator, programs):
    panel = panel_html(dashboard_in_english(client, moderator))

    assert "Waiting for your review" in panel
    waiting = panel.split("Waiting for your review", 1)[1].split("</table>", 1)[0]
    assert edit_url(programs["submitted"]) in waiting
    assert edit_url(programs["theirs"]) in waiting
    assert "Sent back" not in waiting  # sent back to its officer: nothing to review


def test_people_who_do_not_write_programs_have_no_panel(client, agency):
    editor = member_of(agency, "Editors")

    assert "helix-programs" not in dashboard_in_english(client, editor)


def test_an_officer_without_programs_is_invited_to_write_one(client, officer):
    panel = panel_html(dashboard_in_english(client, officer))

    assert "No programs yet." in panel
    assert reverse("wagtailsnippets_ecosystem_program:add") in panel


def render_panel(user) -> tuple[int, str]:
    request = RequestFactory().get("/admin/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        html = ProgramsPanel().render_html({"request": request})
    return len(queries), html


@pytest.mark.parametrize("who", ["officer", "moderator"])
def test_the_panel_runs_as_many_queries_for_thirty_programs_as_for_three(
    agency, officer, moderator, django_assert_max_num_queries, who
):
    user = {"officer": officer, "moderator": moderator}[who]

    def add(count):
        for number in range(count):
            state = number % 3
            if state == 0:
                draft(agency, f"Draft {number}", officer)
            elif state == 1:
                submitted(agency, f"Submitted {number}", officer)
            else:
                ProgramFactory(agency=agency, closes_at=timezone.now() + timedelta(days=number % 14 + 1))

    # A fresh user object each time: nothing the previous rendering cached on it.
    add(3)
    few, _html = render_panel(get_user_model().objects.get(pk=user.pk))
    add(27)
    fresh = get_user_model().objects.get(pk=user.pk)
    with django_assert_max_num_queries(MAX_PANEL_QUERIES):
        many, html = render_panel(fresh)

    assert many == few
    edit_links = reverse("wagtailsnippets_ecosystem_program:list") + "edit/"
    assert html.count(edit_links) >= 20


def test_the_avatar_is_wagtails_own_image_served_from_our_static_files(client, officer):
    client.force_login(officer)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    sidebar = json.loads(re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page, re.S).group(1))
    account = client.get(reverse("wagtailadmin_account")).content.decode()

    avatars = [sidebar["modules"][-1]["_args"][-1]["avatarUrl"]]
    avatars += re.findall(r'<img src="([^"]*avatar[^"]*)"', account)
    assert len(avatars) >= 2
    for url in avatars:
        assert url.startswith("/static/"), url  # not an outside site the policy would refuse
        path = url.removeprefix("/static/").split("?")[0]
        assert finders.find(path), f"{url} is not a static file"
