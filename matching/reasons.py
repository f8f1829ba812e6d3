"""The engine's structured reasons as sentences in the reader's language (labels: `matching.strength`).

A stored reason is {"code", "params", "weight"} (`matching.engine.reasons`). Each code maps to a
translatable sentence; its parameters (terms, taxonomy slugs, counts) are filled in HTML-escaped,
so the result is safe to print as is. Sector, technology and location slugs are shown by their
names: `ReasonRenderer.for_matches` reads the names a page needs in one query per vocabulary.
A reason whose code or parameters this version does not know is left out, never an error.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ecosystem.models import Location, Sector, Stage, Technology
from ecosystem.views.program_eligibility import CRITERION_LABELS
from kernel.eligibility import Criterion
from matching.engine.reasons import ReasonCode
from matching.models import Side

# Shown per match; the rest are the engine's finer detail.
MAX_REASONS = 4


def _listing(values) -> str:
    if isinstance(values, str):
        return values
    return ", ".join(str(value) for value in values)


@dataclass
class ReasonRenderer:
    """Turns stored reasons into sentences; knows the taxonomy names a page's reasons mention."""

    names: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def for_matches(cls, matches: Iterable) -> "ReasonRenderer":
        """Return a renderer that knows the names of every sector, technology, location and stage
        the matches' reasons mention (at most one query per vocabulary, none if none is mentioned)."""
        wanted: dict[str, set[str]] = {"sectors": set(), "technologies": set(), "location": set(), "stage": set()}
        for match in matches:
            for reason in match.reasons or []:
                params = reason.get("params") if isinstance(reason, dict) else None
                if not isinstance(params, dict):
                    continue
                for name, slugs in wanted.items():
                    value = params.get(name)
                    if isinstance(value, str):
                        slugs.add(value)
                    elif isinstance(value, list):
                        slugs.update(str(item) for item in value)
        models = {"sectors": Sector, "technologies": Technology, "location": Location, "stage": Stage}
        names = {}
        for name, slugs in wanted.items():
            if slugs:
                names[name] = {row.slug: str(row.name) for row in models[name].objects.filter(slug__in=slugs)}
        return cls(names)

    def _named(self, vocabulary: str, values) -> str:
        known = self.names.get(vocabulary, {})
        if isinstance(values, str):
            values = [values]
        return ", ".join(known.get(str(value), str(value)) for value in values)

    def sentence(self, reason: dict, *, side: str = Side.SEEKER) -> SafeString | None:
        """Return one reason as a sentence in the active language, or None if it cannot be said."""
        try:
            code = ReasonCode(reason["code"])
            params = reason.get("params") or {}
            return self._sentence(code, params, side)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def sentences(self, reasons, *, side: str = Side.SEEKER, limit: int = MAX_REASONS) -> list[SafeString]:
        """Return the sentences of the reasons that weigh most (positive ones first), at most `limit`."""
        usable = [reason for reason in reasons or [] if isinstance(reason, dict)]
        ordered = sorted(usable, key=lambda reason: -float(reason.get("weight") or 0))
        said = []
        for reason in ordered:
            text = self.sentence(reason, side=side)
            if text and text not in said:
                said.append(text)
            if len(said) >= limit:
                break
        return said

    def _sentence(self, code: ReasonCode, params: dict, side: str) -> SafeString | None:
        match code:
            case ReasonCode.SHARED_TERMS:
                return self._shared_terms(params, side)
            case ReasonCode.DISTINCTIVE_TERMS:
                return format_html(
                    _("Your profile stresses what this program typically funds: {terms}."),
                    terms=_listing(params["terms"]),
                )
            case ReasonCode.FUNDED_BEFORE:
                count = int(params["count"])
                text = ngettext(
                    "This program has funded you once before (last in {year}).",
                    "This program has funded you {count} times before (last in {year}).",
                    count,
                )
                return format_html(text, count=count, year=params.get("last_year") or "—")
            case ReasonCode.FUNDED_SIMILAR:
                count = int(params["count"])
                text = ngettext(
                    "This program funded {count} organisation similar to yours.",
                    "This program funded {count} organisations similar to yours.",
                    count,
                )
                return format_html(text, count=count)
            case ReasonCode.CRITERIA_MET:
                return format_html(_("You meet its criteria: {criteria}."), criteria=self._criteria(params))
            case ReasonCode.CRITERIA_UNKNOWN:
                return format_html(
                    _("Not checked yet (complete your profile): {criteria}."), criteria=self._criteria(params)
                )
            case ReasonCode.SECTOR_MATCH:
                return format_html(_("Same sectors: {sectors}."), sectors=self._named("sectors", params["sectors"]))
            case ReasonCode.TECHNOLOGY_MATCH:
                return format_html(
                    _("Same technologies: {technologies}."),
                    technologies=self._named("technologies", params["technologies"]),
                )
            case ReasonCode.LOCATION_MATCH:
                return format_html(_("Both in {location}."), location=self._named("location", params["location"]))
            case ReasonCode.STAGE_FIT:
                return format_html(_("Suits your stage: {stage}."), stage=self._named("stage", params["stage"]))
            case ReasonCode.TRL_FIT:
                return format_html(
                    _("Technology readiness fits: level {source} and level {target}."),
                    source=params["source_trl"],
                    target=params["target_trl"],
                )
            case ReasonCode.MUTUAL_FIT:
                if float(params["forward"]) > 0 and float(params["backward"]) > 0:
                    return escape(_("The interest goes both ways: each side offers something the other seeks."))
                return None
            case ReasonCode.PARTNERED_BEFORE:
                members = params.get("members", params.get("partners"))
                return format_html(_("Has worked before with {partners}."), partners=_listing(members))
            case ReasonCode.SAME_PROGRAMME:
                count = int(params["count"])
                text = ngettext(
                    "Took part in {programme} once before.", "Took part in {programme} {count} times before.", count
                )
                return format_html(text, programme=params["programme"], count=count)
            case ReasonCode.COMPLETES_TYPES:
                return format_html(_("Brings a kind of partner you lack: {kind}."), kind=params["org_type"])
            case ReasonCode.COUNTRY:
                return format_html(_("From the same country: {country}."), country=params["country"])
            case ReasonCode.TRACK_RECORD:
                count = int(params["count"])
                text = ngettext(
                    "Its team has begun {count} collaboration through Helix.",
                    "Its team has begun {count} collaborations through Helix.",
                    count,
                )
                return format_html(text, count=count)
        return None

    def _criteria(self, params: dict) -> str:
        labels = []
        for code in params["criteria"]:
            try:
                labels.append(str(CRITERION_LABELS[Criterion(code)]))
            except ValueError:
                labels.append(str(code))
        return ", ".join(labels)

    def _shared_terms(self, params: dict, side: str) -> SafeString | None:
        # Reciprocal matches: the seeker's needs met by the provider's offers, and the other way round;
        # topics both describe where a side stated no needs of its own.
        needs_met, offers_used = params.get("needs_met") or [], params.get("offers_used") or []
        theirs, yours = (needs_met, offers_used) if side == Side.SEEKER else (offers_used, needs_met)
        parts = []
        if params.get("terms"):
            parts.append(format_html(_("You both focus on {terms}."), terms=_listing(params["terms"])))
        if theirs:
            parts.append(format_html(_("They offer what you look for: {terms}."), terms=_listing(theirs)))
        if yours:
            parts.append(format_html(_("You offer what they look for: {terms}."), terms=_listing(yours)))
        return format_html(" ".join(["{}"] * len(parts)), *parts) if parts else None
