"""The programs panel on the Wagtail dashboard, for officers and moderators.

It answers what an officer opens the admin for: how many of their programs are drafts, in
moderation, published or about to close, which submissions wait for a review, and which drafts
(some sent back with changes requested) are theirs to finish. Every row links to the program's
editor. Counts come from one aggregate query and each list is capped, so the panel runs the same
queries for three programs as for three thousand.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Revision, TaskState, WorkflowState

from ecosystem.admin_views import status_filter
from ecosystem.models import Program, ProgramStatus
from ecosystem.models.programs import CLOSING_SOON
from ecosystem.permissions import is_moderator
from ecosystem.program_permissions import manageable_programs, program_permission_policy

ROWS_PER_LIST = 10


def _workflow(status: str) -> Exists:
    return Exists(WorkflowState.objects.filter(program=OuterRef("pk"), status=status))


def program_counts(programs: QuerySet[Program], now) -> dict[str, int]:
    """Return how many of `programs` are drafts, in moderation, published and closing soon."""
    programs = programs.annotate(moderating=_workflow(WorkflowState.STATUS_IN_PROGRESS))
    return programs.aggregate(
        drafts=Count("pk", filter=Q(live=False, expired=False, moderating=False)),
        in_moderation=Count("pk", filter=Q(moderating=True)),
        published=Count("pk", filter=Q(live=True)),
        closing_soon=Count("pk", filter=Q(live=True) & status_filter(ProgramStatus.CLOSING_SOON, now)),
    )


@dataclass(frozen=True)
class Submission:
    program: Program
    requested_by: AbstractBaseUser | None  # who submitted it (None once their account is deleted)
    since: datetime  # when its current moderation step started


def waiting_for_review(user, programs: QuerySet[Program]) -> list[Submission]:
    """Return the submissions still in moderation, the longest waiting first.

    A moderator is shown the ones whose current step they may review; an officer, their agencies'.
    """
    states = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS, program__in=programs)
    if is_moderator(user):
        states = states.filter(current_task_state__in=TaskState.objects.reviewable_by(user))
    states = states.select_related("requested_by", "current_task_state").order_by("current_task_state__started_at")
    states = list(states[:ROWS_PER_LIST])
    found = Program.objects.select_related("agency").in_bulk([int(state.object_id) for state in states])
    return [
        Submission(found[int(state.object_id)], state.requested_by, state.current_task_state.started_at)
        for state in states
        if int(state.object_id) in found
    ]


def closing_soon(programs: QuerySet[Program], now) -> QuerySet[Program]:
    """Return the published programs whose applications close within `CLOSING_SOON`, soonest first."""
    closing = programs.filter(Q(live=True) & status_filter(ProgramStatus.CLOSING_SOON, now))
    return closing.select_related("agency").order_by("closes_at")[:ROWS_PER_LIST]


def drafts_to_finish(programs: QuerySet[Program]) -> QuerySet[Program]:
    """Return the unpublished programs not in moderation, those sent back for changes first."""
    scheduled = Revision.objects.filter(program=OuterRef("pk"), approved_go_live_at__isnull=False)
    drafts = programs.filter(live=False, expired=False).annotate(
        moderating=_workflow(WorkflowState.STATUS_IN_PROGRESS),
        changes_requested=_workflow(WorkflowState.STATUS_NEEDS_CHANGES),
        scheduled=Exists(scheduled),
    )
    drafts = drafts.filter(moderating=False).select_related("agency")
    return drafts.order_by("-changes_requested", "-updated_at")[:ROWS_PER_LIST]


class ProgramsPanel(Component):
    name = "helix_programs"
    template_name = "ecosystem/admin/programs_panel.html"
    # Before Wagtail's own panels: this is what officers come to the admin for.
    order = 50

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        now = timezone.now()
        programs = manageable_programs(user)
        viewset = Program.snippet_viewset
        return {
            "counts": program_counts(programs, now),
            "closing_days": CLOSING_SOON.days,
            "moderator": is_moderator(user),
            "waiting": waiting_for_review(user, programs),
            "closing": closing_soon(programs, now),
            "drafts": drafts_to_finish(programs),
            "edit_url_name": viewset.get_url_name("edit"),
            "add_url": reverse(viewset.get_url_name("add")),
            "listing_url": reverse(viewset.get_url_name("list")),
        }


def add_programs_panel(request, panels):
    """The `construct_homepage_panels` hook: the panel for whoever may write or approve programs."""
    if program_permission_policy.user_has_any_permission(request.user, ["add", "change", "publish"]):
        panels.append(ProgramsPanel())
