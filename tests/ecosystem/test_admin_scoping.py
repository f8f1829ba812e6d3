"""An officer of one agency learns nothing about another agency's drafts, nor about private
organisations, from any screen of the Wagtail admin: reports, bulk actions and choosers."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from ecosystem.models import OrganisationKind, Program
from ecosystem.permissions import MODERATORS_GROUP, OFFICERS_GROUP
from tests.factories import MembershipFactory, OrganisationFactory, ProgramFactory, UserFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

THEIR_DRAFT = "Kế hoạch chưa công bố của Sở A"
OUR_DRAFT = "Chương trình nháp của Sở B"
PRIVATE_ORGANISATION = "Công ty chưa công khai"
DRAFT_PAGE = "Trang tin chưa đăng"


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def officer_of(agency, *groups):
    person = MembershipFactory(organisation=agency).user
    for name in (OFFICERS_GROUP, *groups):
        person.groups.add(Group.objects.get(name=name))
    enable_totp(person)
    return person


def draft_in_moderation(agency, title, author) -> Program:
    """A program its agency saved, submitted for moderation and locked: it is in every report."""
    program = ProgramFactory(agency=agency, title=title, live=False)
    program.save_revision(user=author, log_action=True)
    program.get_workflow().start(program, author)
    Program.objects.filter(pk=program.pk).update(locked=True, locked_by=author)
    return program


@pytest.fixture
def world():
    agency_a = OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY, is_verified=True, name="Sở A")
    agency_b = OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY, is_verified=True, name="Sở B")
    officer_a = officer_of(agency_a)
    officer_b = officer_of(agency_b)
    # An officer who also edits the site's pages may open the workflow and page reports.
    editor_b = officer_of(agency_b, "Editors")
    root = Page.objects.get(depth=1).get_children().first() or Page.objects.get(depth=1)
    draft_page = root.add_child(instance=Page(title=DRAFT_PAGE, slug="trang-nhap", live=False))
    return {
        "theirs": draft_in_moderation(agency_a, THEIR_DRAFT, officer_a),
        "ours": draft_in_moderation(agency_b, OUR_DRAFT, officer_b),
        "private": OrganisationFactory(name=PRIVATE_ORGANISATION, is_public=False),
        "public": OrganisationFactory(name="Công ty công khai", is_public=True),
        "officer_b": officer_b,
        "editor_b": editor_b,
        "draft_page": draft_page,
    }


def moderator():
    person = UserFactory()
    person.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    enable_totp(person)
    return person


REPORTS = [
    "/admin/reports/site-history/",
    "/admin/reports/site-history/results/",
    "/admin/reports/site-history/?export=csv",
    "/admin/reports/workflow/",
    "/admin/reports/workflow/results/",
    "/admin/reports/workflow/?export=csv",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/workflow_tasks/?export=csv",
    "/admin/reports/aging-pages/",
    "/admin/reports/locked/",
    "/admin/",
]


@pytest.mark.parametrize("path", REPORTS)
@pytest.mark.parametrize("who", ["officer_b", "editor_b"])
def test_reports_never_name_another_agencys_draft(client, world, path, who):
    client.force_login(world[who])
    response = client.get(path)

    assert response.status_code in (200, 302)
    assert THEIR_DRAFT not in body(response)


def test_site_history_keeps_each_agencys_own_entries_and_moderators_see_all(client, world):
    client.force_login(world["officer_b"])
    page = body(client.get("/admin/reports/site-history/"))
    assert OUR_DRAFT in page and THEIR_DRAFT not in page
    # The filters do not name another agency's officers either.
    assert world["theirs"].agency.memberships.get().user.email not in page

    client.force_login(moderator())
    page = body(client.get("/admin/reports/site-history/"))
    assert OUR_DRAFT in page and THEIR_DRAFT in page


def test_a_programs_own_history_still_lists_its_entries(client, world):
    client.force_login(world["officer_b"])
    response = client.get(f"/admin/snippets/ecosystem/program/history/{world['ours'].pk}/")
    assert response.status_code == 200
    page = body(response)
    assert "Kiểm duyệt chương trình" in page and "Program moderation" not in page  # its workflow, by name
    assert "2 mục nhật ký chương trình" in page


def test_workflow_reports_list_the_officers_own_submissions(client, world):
    client.force_login(world["editor_b"])
    for path in ("/admin/reports/workflow/", "/admin/reports/workflow_tasks/"):
        page = body(client.get(path))
        assert OUR_DRAFT in page and THEIR_DRAFT not in page

    client.force_login(moderator())
    page = body(client.get("/admin/reports/workflow/"))
    assert OUR_DRAFT in page and THEIR_DRAFT in page


@pytest.mark.parametrize(
    ("model", "target"),
    [
        ("ecosystem/program", "theirs"),
        ("ecosystem/organisation", "private"),
        ("wagtailcore/page", "draft_page"),
    ],
)
@pytest.mark.parametrize("action", ["delete", "publish", "unpublish", "move"])
def test_a_bulk_action_on_what_one_may_not_see_is_not_found(client, world, model, target, action):
    client.force_login(world["officer_b"])
    response = client.get(f"/admin/bulk/{model}/{action}/?id={world[target].pk}")

    assert response.status_code == 404
    assert str(world[target]) not in body(response)


def test_a_bulk_action_on_a_bad_id_is_not_found(client, world):
    client.force_login(world["officer_b"])
    assert client.get("/admin/bulk/ecosystem/program/delete/?id=abc").status_code == 404


def test_select_all_in_a_bulk_action_covers_only_visible_programs(client, world):
    client.force_login(world["officer_b"])
    response = client.get("/admin/bulk/ecosystem/program/delete/?id=all")

    assert response.status_code == 200
    page = body(response)
    assert OUR_DRAFT in page and THEIR_DRAFT not in page


def test_a_moderator_bulk_deletes_any_program(client, world):
    client.force_login(moderator())
    url = f"/admin/bulk/ecosystem/program/delete/?id={world['theirs'].pk}&id={world['ours'].pk}"
    confirmation = body(client.get(url))
    assert THEIR_DRAFT in confirmation and OUR_DRAFT in confirmation

    response = client.post(url)

    assert response.status_code == 302
    assert not Program.objects.filter(pk__in=[world["theirs"].pk, world["ours"].pk]).exists()


def test_the_organisation_chooser_offers_no_private_organisation(client, world):
    client.force_login(world["officer_b"])
    listing = body(client.get("/admin/snippets/choose/ecosystem/organisation/results/?q=Công ty"))
    assert "Công ty công khai" in listing
    assert PRIVATE_ORGANISATION not in listing
    assert (
        client.get(f"/admin/snippets/choose/ecosystem/organisation/chosen/{world['private'].pk}/").status_code == 404
    )

    member = MembershipFactory(organisation=world["private"]).user
    member.groups.add(Group.objects.get(name=OFFICERS_GROUP))
    enable_totp(member)
    client.force_login(member)
    assert PRIVATE_ORGANISATION in body(client.get("/admin/snippets/choose/ecosystem/organisation/results/?q=Công ty"))


def test_the_page_chooser_offers_unpublished_pages_only_to_those_who_edit_pages(client, world):
    client.force_login(world["officer_b"])
    assert DRAFT_PAGE not in body(client.get("/admin/choose-page/search/?q=Trang"))

    client.force_login(world["editor_b"])
    assert DRAFT_PAGE in body(client.get("/admin/choose-page/search/?q=Trang"))
