"""Officers' outreach: the organisations a program fits, eligible now, best first, and invitations to apply.

The funding match rows say how well each organisation fits; they were computed from the profiles
as they were at the last recompute. Eligibility is therefore checked again here, against the
profiles as they are now, so an organisation whose profile changed since cannot reach an officer's
list (or export, or invitation) when it no longer meets the program's hard criteria.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from ecosystem.imports.services import ExportFile
from ecosystem.imports.tables import CONTENT_TYPES, table_write
from ecosystem.models import Organisation, Program, ProgramStatus
from ecosystem.permissions import can_manage_programs, program_agencies_for
from ecosystem.selectors.programs import applicant_for
from ecosystem.views.program_eligibility import CRITERION_LABELS
from kernel import eligibility
from kernel.eligibility import Criterion
from matching.engine.reasons import ReasonCode
from matching.models import FeedbackEvent, Match, MatchKind, ProgramInvitation, Side
from matching.reasons import ReasonRenderer
from matching.selectors.matches import score_scales
from matching.selectors.programs import outreach_list_for
from matching.services.feedback import match_feedback_record
from matching.signals import program_invitation_sent
from matching.strength import strength

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)

LIVE_CHECKED_REASONS = {ReasonCode.CRITERIA_MET, ReasonCode.CRITERIA_UNKNOWN}
# The best-scoring match rows a list checks: more than an officer reads or mails, and it keeps a
# popular program's page (and export) fast at the scale of the whole province.
MAX_CHECKED = 2000


@dataclass(frozen=True)
class OutreachRow:
    """One organisation in a program's outreach list, with why it fits and what is not known yet."""

    rank: int
    match: Match
    verdict: eligibility.Verdict
    invited_at: datetime | None

    @property
    def organisation(self) -> Organisation:
        organisation = self.match.organisation
        assert organisation is not None, "a funding match's seeker is an organisation (match_ends_fit_kind)"
        return organisation

    @property
    def score(self) -> float:
        return self.match.score

    @property
    def unknown_criteria(self) -> list[Criterion]:
        """The hard criteria the profile does not tell enough about (the officer may ask)."""
        return [result.criterion for result in self.verdict.unknown]


def outreach_programs_for(*, user: User) -> QuerySet[Program]:
    """Return the programs whose outreach lists the person may see: those of the agencies they manage."""
    agencies = program_agencies_for(user)
    return Program.objects.filter(agency__in=agencies).select_related("agency").order_by("-live", "closes_at", "title")


def outreach_require(*, user: User, program: Program) -> None:
    """Raise PermissionDenied unless the person manages the program's agency."""
    if not can_manage_programs(user, program.agency):
        raise PermissionDenied


def outreach_rows_for(*, program: Program) -> list[OutreachRow]:
    """Return the organisations the program fits that meet its hard criteria now, best fit first.

    A fixed number of queries whatever the length of the list: the match rows with each
    organisation's profile, its sectors, the program's criteria and the invitations already sent.
    At most the `MAX_CHECKED` best-scoring rows are checked.
    """
    matches = (
        outreach_list_for(program=program)
        .filter(is_current=True)
        .select_related("organisation__startup_profile__stage", "organisation__startup_profile__location")
        .prefetch_related("organisation__startup_profile__sectors__parent")[:MAX_CHECKED]
    )
    criteria = program.criteria()
    invited = dict(
        ProgramInvitation.objects.filter(program=program).values_list("organisation_id", "created_at").order_by()
    )
    rows: list[OutreachRow] = []
    for match in matches:
        organisation = match.organisation
        assert organisation is not None, "a funding match's seeker is an organisation (match_ends_fit_kind)"
        verdict = eligibility.evaluate(criteria, applicant_for(organisation))
        if verdict.eligible:
            rows.append(OutreachRow(len(rows) + 1, match, verdict, invited.get(organisation.pk)))
    return rows


def _check_open_for_invitations(program: Program) -> None:
    if not program.live or program.is_hidden:
        raise ValidationError(_("This program is not published, so nobody can be invited to apply yet."))
    if program.status == ProgramStatus.CLOSED:
        raise ValidationError(_("This program has closed: it no longer takes applications."))


@dataclass(frozen=True)
class InvitationsSent:
    created: list[ProgramInvitation]
    already_invited: list[Organisation]


@transaction.atomic
def program_invitations_send(
    *, user: User, program: Program, organisation_ids: list[int], message: str = ""
) -> InvitationsSent:
    """Return the invitations to apply created for these organisations (and those invited before).

    Idempotent: an organisation invited before is not invited again, nor is its feedback recorded
    twice. Only organisations in the program's outreach list (eligible now) can be invited.
    Listeners hear `program_invitation_sent` for each new invitation once the transaction commits.
    """
    outreach_require(user=user, program=program)
    _check_open_for_invitations(program)
    wanted = list(dict.fromkeys(organisation_ids))
    if not wanted:
        raise ValidationError({"organisations": _("Choose at least one organisation to invite.")})
    listed = {row.organisation.pk: row for row in outreach_rows_for(program=program)}
    missing = [pk for pk in wanted if pk not in listed]
    if missing:
        raise ValidationError(
            {"organisations": _("Some of the chosen organisations are no longer in the list. Reload and try again.")}
        )
    message = message.strip()
    created: list[ProgramInvitation] = []
    already: list[Organisation] = []
    for pk in wanted:
        row = listed[pk]
        invitation, is_new = ProgramInvitation.objects.get_or_create(
            program=program, organisation=row.organisation, defaults={"invited_by": user, "message": message}
        )
        if not is_new:
            already.append(row.organisation)
            continue
        created.append(invitation)
        match_feedback_record(match=row.match, side=Side.PROVIDER, event=FeedbackEvent.INVITED, actor=user)
        transaction.on_commit(partial(program_invitation_sent.send, sender=ProgramInvitation, invitation=invitation))
    logger.info(
        "program invitations sent",
        extra={"program": program.pk, "user": user.pk, "invited": len(created), "invited_before": len(already)},
    )
    return InvitationsSent(created, already)


# -- Export ---------------------------------------------------------------------------------------


def reason_renderer(rows: list[OutreachRow]) -> ReasonRenderer:
    """Return the renderer of these rows' reasons (it reads the taxonomy names they mention at once)."""
    return ReasonRenderer.for_matches(row.match for row in rows)


def reason_sentences(renderer: ReasonRenderer, row: OutreachRow) -> list[SafeString]:
    """Return why the organisation fits, as HTML-safe sentences in the active language (officer's side).

    The criteria reasons stored at the last recompute are left out: the list checks the criteria
    again now and names those not known yet itself, so a stale "criteria met" is never shown.
    """
    reasons = [reason for reason in row.match.reasons or [] if reason.get("code") not in LIVE_CHECKED_REASONS]
    return renderer.sentences(reasons, side=Side.PROVIDER)


def _plain(sentence: str) -> str:
    return html.unescape(strip_tags(str(sentence)))


def outreach_export(
    *, user: User, program: Program, file_format: str, absolute_url: Callable[[str], str] = str
) -> ExportFile:
    """Return the outreach list as a CSV or .xlsx file: the same rows, in the same order, as the page.

    `absolute_url` turns a path into a full address (the view passes `request.build_absolute_uri`).
    """
    outreach_require(user=user, program=program)
    if file_format not in CONTENT_TYPES:
        raise ValidationError(_("Choose CSV or Excel."))
    headers = [
        _("Rank"),
        _("Organisation"),
        _("Kind"),
        _("Score"),
        _("Fit"),
        _("Why it fits"),
        _("Criteria not known yet"),
        _("Website"),
        _("Contact e-mail"),
        _("Invited on"),
        _("Address in Helix"),
    ]
    listed = outreach_rows_for(program=program)
    renderer = reason_renderer(listed)
    scales = score_scales()
    rows = [
        [
            row.rank,
            row.organisation.name,
            row.organisation.get_kind_display(),
            round(row.score, 3),
            strength(row.score, MatchKind.FUNDING, scales).text,
            " ".join(_plain(sentence) for sentence in reason_sentences(renderer, row)),
            ", ".join(str(CRITERION_LABELS[criterion]) for criterion in row.unknown_criteria),
            row.organisation.website,
            row.organisation.contact_email,
            timezone.localtime(row.invited_at).replace(tzinfo=None) if row.invited_at else None,
            absolute_url(row.organisation.get_absolute_url()),
        ]
        for row in listed
    ]
    content = table_write(headers, rows, file_format=file_format, title=_("Outreach"))
    logger.info("outreach exported", extra={"program": program.pk, "user": user.pk, "rows": len(rows)})
    filename = f"helix-outreach-{program.slug}-{timezone.localdate().isoformat()}.{file_format}"
    return ExportFile(filename, CONTENT_TYPES[file_format], content)
