"""A program's eligibility criteria in plain words, and the "Am I eligible?" checklist.

The verdict itself comes from `program_eligibility_for` (kernel/eligibility.py); this module
only says it in words: what each criterion asks, what the organisation's profile says, and what to
fill in when the answer is unknown.
"""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ecosystem.models import OrganisationKind, StartupProfile
from ecosystem.permissions import can_edit_startup_profile
from ecosystem.selectors.programs import program_eligibility_for
from kernel.eligibility import Criterion, Outcome, Verdict

CRITERION_LABELS = {
    Criterion.ORGANISATION_KIND: _("Kind of organisation"),
    Criterion.STAGE: _("Stage"),
    Criterion.SECTOR: _("Sector"),
    Criterion.LOCATION: _("Location"),
    Criterion.FOUNDED_AFTER: _("Founded on or after"),
    Criterion.FOUNDED_BEFORE: _("Founded on or before"),
    Criterion.TEAM_SIZE: _("Team size"),
    Criterion.TRL: _("Technology readiness level"),
    Criterion.CONDITIONS: _("Other conditions"),
}

# What to add to the startup profile so that an unknown criterion can be checked.
UNKNOWN_HINTS = {
    Criterion.STAGE: _("Add your stage to the startup profile."),
    Criterion.SECTOR: _("Add your sectors to the startup profile."),
    Criterion.LOCATION: _("Add your location to the startup profile."),
    Criterion.FOUNDED_AFTER: _("Add your founding date to the startup profile."),
    Criterion.FOUNDED_BEFORE: _("Add your founding date to the startup profile."),
    Criterion.TEAM_SIZE: _("Add your team size to the startup profile."),
    Criterion.TRL: _("Add your technology readiness level to the startup profile."),
    Criterion.CONDITIONS: _("A person has to judge these: read them and ask the publisher if in doubt."),
}

OUTCOME_LABELS = {Outcome.PASS: _("Met"), Outcome.FAIL: _("Not met"), Outcome.UNKNOWN: _("Unknown")}


def _names(rows) -> str:
    return ", ".join(sorted(str(row.name) for row in rows))


def _date(value) -> str:
    return date_format(value, "DATE_FORMAT")


def _trl_range(low, high) -> str:
    if low and high:
        return _("Level %(low)s to %(high)s") % {"low": low, "high": high}
    if low:
        return _("Level %(low)s or higher") % {"low": low}
    return _("Level %(high)s or lower") % {"high": high}


def program_requirements(program) -> list[tuple[Criterion, str, str]]:
    """Return (criterion, label, requirement in plain words) for every criterion the program sets.

    Expects the program's eligible stages, sectors and locations to be prefetched.
    """
    kinds = dict(OrganisationKind.choices)
    stages = sorted(program.eligible_stages.all(), key=lambda stage: stage.order)
    sectors = list(program.eligible_sectors.all())
    requirements = {
        Criterion.ORGANISATION_KIND: ", ".join(str(kinds.get(kind, kind)) for kind in program.eligible_kinds),
        Criterion.STAGE: ", ".join(str(stage.name) for stage in stages),
        Criterion.SECTOR: ", ".join(
            sorted(
                str(_("%(sector)s (any sub-sector)") % {"sector": sector.name})
                if sector.parent_id is None
                else str(sector.name)
                for sector in sectors
            )
        ),
        Criterion.LOCATION: _names(program.eligible_locations.all()),
        Criterion.FOUNDED_AFTER: _date(program.founded_after) if program.founded_after else "",
        Criterion.FOUNDED_BEFORE: _date(program.founded_before) if program.founded_before else "",
        Criterion.TEAM_SIZE: (
            ngettext("At most %(count)s person", "At most %(count)s people", program.max_team_size)
            % {"count": program.max_team_size}
            if program.max_team_size
            else ""
        ),
        Criterion.TRL: _trl_range(program.trl_min, program.trl_max) if program.trl_min or program.trl_max else "",
        Criterion.CONDITIONS: program.other_conditions.strip(),
    }
    return [(criterion, CRITERION_LABELS[criterion], text) for criterion, text in requirements.items() if text]


def _profile_of(organisation) -> StartupProfile | None:
    try:
        return organisation.startup_profile
    except StartupProfile.DoesNotExist:
        return None


def _what_the_profile_says(criterion: Criterion, organisation, profile) -> str:
    if criterion == Criterion.ORGANISATION_KIND:
        return organisation.get_kind_display()
    if profile is None or criterion == Criterion.CONDITIONS:
        return ""
    match criterion:
        case Criterion.STAGE:
            return profile.stage.name if profile.stage_id else ""
        case Criterion.SECTOR:
            return _names(profile.sectors.all())
        case Criterion.LOCATION:
            return profile.location.name if profile.location_id else ""
        case Criterion.FOUNDED_AFTER | Criterion.FOUNDED_BEFORE:
            return _date(profile.founded_on) if profile.founded_on else ""
        case Criterion.TEAM_SIZE:
            return str(profile.team_size) if profile.team_size is not None else ""
        case Criterion.TRL:
            return str(profile.trl) if profile.trl else ""
    return ""


@dataclass(frozen=True)
class ChecklistRow:
    criterion: Criterion
    label: str
    requirement: str
    outcome: Outcome
    outcome_label: str
    actual: str
    hint: str


@dataclass(frozen=True)
class Checklist:
    """One organisation's answer to "Am I eligible?" for one program."""

    organisation: object
    verdict: Verdict
    rows: tuple[ChecklistRow, ...]
    has_profile: bool
    can_edit_profile: bool

    @property
    def failed_count(self) -> int:
        return len(self.verdict.failed)

    @property
    def unknown_count(self) -> int:
        return len(self.verdict.unknown)

    @property
    def profile_would_tell_more(self) -> bool:
        """True when filling in the startup profile would settle an unknown criterion."""
        return not self.has_profile or any(result.criterion != Criterion.CONDITIONS for result in self.verdict.unknown)

    @property
    def summary(self) -> str:
        if self.failed_count:
            return ngettext(
                "Not eligible: %(count)s criterion is not met.",
                "Not eligible: %(count)s criteria are not met.",
                self.failed_count,
            ) % {"count": self.failed_count}
        if self.unknown_count:
            return ngettext(
                "Possibly eligible: %(count)s criterion cannot be checked yet.",
                "Possibly eligible: %(count)s criteria cannot be checked yet.",
                self.unknown_count,
            ) % {"count": self.unknown_count}
        return str(_("Eligible on every criterion."))


def checklists_for(*, program, organisations, user) -> list[Checklist]:
    """Return the checklist of each organisation for the program, criterion by criterion.

    Expects each organisation's startup profile with its stage, location and sectors loaded
    (`startup_organisations_of` does that), so the checklists cost no query per organisation.
    """
    requirements = {criterion: text for criterion, _label, text in program_requirements(program)}
    checklists = []
    for organisation in organisations:
        profile = _profile_of(organisation)
        verdict = program_eligibility_for(program=program, organisation=organisation)
        rows = tuple(
            ChecklistRow(
                criterion=result.criterion,
                label=CRITERION_LABELS[result.criterion],
                requirement=requirements.get(result.criterion, ""),
                outcome=result.outcome,
                outcome_label=OUTCOME_LABELS[result.outcome],
                actual=_what_the_profile_says(result.criterion, organisation, profile),
                hint=UNKNOWN_HINTS.get(result.criterion, "") if result.outcome == Outcome.UNKNOWN else "",
            )
            for result in verdict.results
        )
        checklists.append(
            Checklist(
                organisation=organisation,
                verdict=verdict,
                rows=rows,
                has_profile=profile is not None,
                can_edit_profile=can_edit_startup_profile(user, organisation),
            )
        )
    return checklists
