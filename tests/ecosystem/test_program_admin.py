"""Programs in the Wagtail admin: officers submit, moderators approve or reject, agencies stay apart."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text

from ecosystem.models import OrganisationKind, Program, Role
from ecosystem.permissions import MODERATORS_GROUP, OFFICERS_GROUP
from ecosystem.program_permissions import program_permission_policy
from tests.factories import MembershipFactory, OrganisationFactory, ProgramFactory, UserFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

URLS = "wagtailsnippets_ecosystem_program"


def url(name, *args):
    return reverse(f"{URLS}:{name}", args=args)


@pytest.fixture
def agency_a():
    return OrganisationFactory(
        kind=OrganisationKind.GOVERNMENT_AGENCY, name="Sở Khoa học và Công nghệ", is_verified=True
    )


@pytest.fixture
def agency_b():
    return OrganisationFactory(kind=OrganisationKind.SUPPORT_ORGANISATION, name="Vườn ươm Đông Nam")


def officer_of(agency, role=Role.MEMBER):
    """A member of the agency in the Officers group (created by a migration), with two-factor on."""
    person = MembershipFactory(organisation=agency, role=role).user
    person.groups.add(Group.objects.get(name=OFFICERS_GROUP))
    enable_totp(person)
    return person


@pytest.fixture
def officer_a(agency_a):
    return officer_of(agency_a)


@pytest.fixture
def moderator():
    person = UserFactory()
    person.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    enable_totp(person)
    return person


def program_form(agency, **fields):
    """The add/edit form as the admin posts it (rich text as Draftail content state)."""
    data = nested_form_data(
        {
            "title": "Hỗ trợ đổi mới sáng tạo 2030",
            "slug": "",
            "agency": agency.pk,
            "kind": "grant",
            "summary": "Grants for startups piloting smart-city solutions.",
            "description": rich_text("<p>Up to 500 million VND per project.</p>"),
            "how_to_apply": rich_text("<p>Apply online before the deadline.</p>"),
            "apply_url": "https://example.org/apply",
            "budget_total": "",
            "max_award": "500000000",
            "opens_at": "",
            "closes_at": "2030-01-31 17:00",
            "go_live_at": "",
            "founded_after": "",
            "founded_before": "",
            "max_team_size": "",
            "trl_min": "",
            "trl_max": "",
            "other_conditions": "",
        }
    )
    data.update(fields)
    return data


def submit_new(client, officer, agency, **fields):
    client.force_login(officer)
    response = client.post(url("add"), program_form(agency, **fields, **{"action-submit": "submit"}))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return Program.objects.get(title=fields.get("title", "Hỗ trợ đổi mới sáng tạo 2030"))


def current_task_state(program) -> TaskState:
    return program.current_workflow_state.current_task_state


# -- The moderation workflow, end to end ---------------------------------------------------------


def test_officer_submits_a_program_and_a_moderator_approves_it(client, agency_a, officer_a, moderator):
    program = submit_new(client, officer_a, agency_a, eligible_kinds=["startup", "enterprise"])

    assert not program.live
    assert program.workflow_in_progress
    state = program.current_workflow_state
    assert state.requested_by == officer_a
    assert state.workflow.name == "Kiểm duyệt chương trình"
    assert program.slug == "ho-tro-doi-moi-sang-tao-2030"
    assert program.eligible_kinds == ["startup", "enterprise"]
    assert program.expire_at == program.closes_at

    # The officer cannot approve their own submission (Wagtail turns the 403 into "back to the dashboard").
    response = client.post(url("workflow_action", program.pk, "approve", current_task_state(program).pk))
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    program.refresh_from_db()
    assert not program.live

    client.force_login(moderator)
    response = client.post(
        url("workflow_action", program.pk, "approve", current_task_state(program).pk), {"comment": ""}
    )
    assert response.status_code == 302
    program.refresh_from_db()
    assert program.live
    assert program.live_revision_id == program.latest_revision_id
    assert program.workflow_states.get().status == WorkflowState.STATUS_APPROVED


def test_a_moderator_rejects_with_a_comment_the_officer_can_read(client, agency_a, officer_a, moderator):
    program = submit_new(client, officer_a, agency_a, title="Cuộc thi khởi nghiệp thông minh")

    client.force_login(moderator)
    response = client.post(
        url("workflow_action", program.pk, "reject", current_task_state(program).pk),
        {"comment": "Vui lòng bổ sung ngân sách / Please add the budget."},
    )
    assert response.status_code == 302

    program.refresh_from_db()
    assert not program.live
    state = program.workflow_states.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = state.task_states.get()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.specific.get_comment() == "Vui lòng bổ sung ngân sách / Please add the budget."

    client.force_login(officer_a)
    edit = client.get(url("edit", program.pk))
    assert edit.status_code == 200
    assert "Vui lòng bổ sung ngân sách" in edit.content.decode()
    history = client.get(url("history", program.pk))
    assert "Vui lòng bổ sung ngân sách" in history.content.decode()

    # The officer adds the budget and submits again; this time the moderator approves.
    response = client.post(
        url("edit", program.pk),
        program_form(
            agency_a,
            title=program.title,
            slug=program.slug,
            budget_total="2000000000",
            **{"action-submit": "submit"},
        ),
    )
    assert response.status_code == 302
    program.refresh_from_db()
    assert program.workflow_in_progress

    client.force_login(moderator)
    client.post(url("workflow_action", program.pk, "approve", current_task_state(program).pk), {"comment": ""})
    program.refresh_from_db()
    assert program.live
    assert program.budget_total == 2_000_000_000


def test_an_officer_cannot_publish_directly(client, agency_a, officer_a):
    client.force_login(officer_a)
    response = client.post(url("add"), program_form(agency_a, **{"action-publish": "publish"}))

    assert response.status_code == 302
    program = Program.objects.get()
    assert not program.live
    assert not program.workflow_in_progress
    assert not program_permission_policy.user_has_permission(officer_a, "publish")


def test_a_moderator_can_publish_directly(client, agency_a, moderator):
    client.force_login(moderator)
    response = client.post(url("add"), program_form(agency_a, **{"action-publish": "publish"}))

    assert response.status_code == 302
    assert Program.objects.get().live


# -- Agencies stay apart ---------------------------------------------------------------------------


@pytest.fixture
def program_b(agency_b):
    program = ProgramFactory(agency=agency_b, title="Tăng tốc khởi nghiệp B", slug="tang-toc-b")
    program.save_revision().publish()
    return program


@pytest.mark.parametrize(
    ("method", "name", "extra"),
    [
        ("get", "edit", ()),
        ("get", "history", ()),
        ("get", "usage", ()),
        ("get", "workflow_history", ()),
        ("get", "copy", ()),
        ("get", "delete", ()),
        ("post", "lock", ()),
        ("post", "unpublish", ()),
        ("get", "revisions_compare", ("earliest", "latest")),
    ],
)
def test_an_officer_of_another_agency_cannot_open_the_program(
    client, officer_a, moderator, program_b, method, name, extra
):
    address = url(name, program_b.pk, *extra)

    client.force_login(officer_a)
    response = getattr(client, method)(address)
    assert response.status_code == 404
    program_b.refresh_from_db()
    assert program_b.live
    assert not program_b.locked

    # The same address works for someone allowed, so the 404 above is the refusal, not a typo.
    client.force_login(moderator)
    assert getattr(client, method)(address).status_code in (200, 302)


def test_an_officer_cannot_edit_or_publish_another_agencys_program(client, agency_b, officer_a, program_b):
    client.force_login(officer_a)
    for action in ("action-submit", "action-publish"):
        response = client.post(
            url("edit", program_b.pk), program_form(agency_b, title="Hijacked", slug="tang-toc-b", **{action: "x"})
        )
        assert response.status_code == 404

    revision = program_b.latest_revision
    program_b.refresh_from_db()
    assert program_b.title == "Tăng tốc khởi nghiệp B"
    assert program_b.latest_revision == revision
    assert not program_b.workflow_states.exists()


def test_the_listing_shows_only_the_officers_agency(client, agency_a, officer_a, program_b, moderator):
    ProgramFactory(agency=agency_a, title="Chương trình của Sở")

    client.force_login(officer_a)
    page = client.get(url("list")).content.decode()
    assert "Chương trình của Sở" in page
    assert "Tăng tốc khởi nghiệp B" not in page
    searched = client.get(url("list_results"), {"q": "Tăng tốc"}).content.decode()
    assert "Tăng tốc khởi nghiệp B" not in searched

    client.force_login(moderator)
    page = client.get(url("list")).content.decode()
    assert "Chương trình của Sở" in page
    assert "Tăng tốc khởi nghiệp B" in page


def test_the_agency_field_offers_only_the_officers_agencies(client, agency_a, agency_b, officer_a, moderator):
    OrganisationFactory(kind=OrganisationKind.STARTUP, name="Not a publisher")

    client.force_login(officer_a)
    form = client.get(url("add")).context["form"]
    assert list(form.fields["agency"].queryset) == [agency_a]
    assert form.initial["agency"] == agency_a.pk

    response = client.post(url("add"), program_form(agency_b, **{"action-submit": "submit"}))
    assert response.status_code == 200
    assert "agency" in response.context["form"].errors
    assert not Program.objects.exists()

    client.force_login(moderator)
    form = client.get(url("add")).context["form"]
    assert set(form.fields["agency"].queryset) == {agency_a, agency_b}


def test_an_officer_cannot_move_a_program_to_another_agency(client, agency_a, agency_b, officer_a):
    program = ProgramFactory(agency=agency_a, live=False)

    client.force_login(officer_a)
    response = client.post(url("edit", program.pk), program_form(agency_b, slug=program.slug, title=program.title))

    assert response.status_code == 200
    assert "agency" in response.context["form"].errors
    program.refresh_from_db()
    assert program.agency == agency_a


def test_any_member_of_the_agency_may_edit_its_programs(client, agency_a):
    program = ProgramFactory(agency=agency_a, live=False)
    colleague = officer_of(agency_a, role=Role.OWNER)

    client.force_login(colleague)
    response = client.post(
        url("edit", program.pk), program_form(agency_a, slug=program.slug, title="Renamed by a colleague")
    )

    assert response.status_code == 302
    program.refresh_from_db()
    assert program.get_latest_revision_as_object().title == "Renamed by a colleague"


def test_the_policy_narrows_model_permissions_to_the_agency(agency_a, officer_a, program_b, moderator):
    own = ProgramFactory(agency=agency_a)
    policy = program_permission_policy

    assert policy.user_has_permission_for_instance(officer_a, "change", own)
    assert not policy.user_has_permission_for_instance(officer_a, "change", program_b)
    assert not policy.user_has_permission_for_instance(officer_a, "publish", own)
    assert policy.user_has_permission_for_instance(moderator, "publish", program_b)
    assert list(policy.instances_user_has_permission_for(officer_a, "change")) == [own]
    assert set(policy.users_with_permission_for_instance("change", program_b)) == {moderator}


def test_bad_input_gets_field_errors_not_a_500(client, agency_a, officer_a):
    client.force_login(officer_a)
    response = client.post(
        url("add"),
        program_form(
            agency_a,
            opens_at="2030-02-01 09:00",
            closes_at="2030-01-01 09:00",
            trl_min="7",
            trl_max="3",
            eligible_kinds=["startup", "not-a-kind"],
            **{"action-submit": "submit"},
        ),
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) >= {"eligible_kinds"}
    assert not Program.objects.exists()

    response = client.post(
        url("add"),
        program_form(agency_a, opens_at="2030-02-01 09:00", closes_at="2030-01-01 09:00", trl_min="7", trl_max="3"),
    )
    errors = response.context["form"].errors
    assert set(errors) >= {"closes_at", "trl_max"}
    assert not Program.objects.exists()


@pytest.mark.usefixtures("english_admin")
def test_the_listing_runs_as_many_queries_for_twelve_programs_as_for_three(client, agency_a, officer_a):
    workflow = Program.get_default_workflow()

    def add_programs(count):
        for number in range(count):
            program = ProgramFactory(agency=agency_a, live=number % 3 != 0)
            program.save_revision(user=officer_a)
            if number % 2:
                workflow.start(program, officer_a)

    def queries_for_listing():
        client.force_login(officer_a)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url("list"))
        assert response.status_code == 200
        return len(queries), response.content.decode()

    add_programs(3)
    few, page = queries_for_listing()
    assert "in moderation" in page

    add_programs(9)
    many, page = queries_for_listing()
    assert "12 programs" in page
    assert many == few


def test_the_program_chooser_shows_published_programs_and_only_ones_own_drafts(client, agency_a, agency_b, officer_a):
    ProgramFactory(agency=agency_b, title="Published by B")
    draft_b = ProgramFactory(agency=agency_b, title="Draft of B", live=False)
    ProgramFactory(agency=agency_a, title="Draft of A", live=False)

    client.force_login(officer_a)
    page = client.get(reverse("wagtailsnippetchoosers_ecosystem_program:choose")).content.decode()

    assert "Published by B" in page
    assert "Draft of A" in page
    assert "Draft of B" not in page
    chosen = client.get(reverse("wagtailsnippetchoosers_ecosystem_program:chosen", args=[draft_b.pk]))
    assert chosen.status_code == 404


def test_an_approved_program_goes_live_on_schedule_and_expires_when_it_closes(client, agency_a, officer_a, moderator):
    go_live = timezone.localtime() + timedelta(days=2)
    program = submit_new(client, officer_a, agency_a, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))

    client.force_login(moderator)
    client.post(url("workflow_action", program.pk, "approve", current_task_state(program).pk), {"comment": ""})
    program.refresh_from_db()
    assert not program.live
    assert program.approved_schedule

    with time_machine.travel(go_live + timedelta(hours=1), tick=False):
        call_command("publish_scheduled")
    program.refresh_from_db()
    assert program.live

    with time_machine.travel(program.closes_at + timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
    program.refresh_from_db()
    assert not program.live
    assert program.expired


def test_a_program_cannot_be_scheduled_to_go_live_after_it_closes(client, agency_a, officer_a):
    client.force_login(officer_a)
    response = client.post(url("add"), program_form(agency_a, go_live_at="2030-02-15 09:00"))

    assert response.status_code == 200
    assert "go_live_at" in response.context["form"].errors
    assert not Program.objects.exists()


def test_the_program_chooser_has_nowhere_to_create_a_program(client, officer_a):
    client.force_login(officer_a)
    url = reverse("wagtailsnippetchoosers_ecosystem_program:create")

    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "Made in a chooser"}).status_code == 404
