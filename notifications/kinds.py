"""What each kind of notification says, rendered from its stored context in the active language."""

from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from ecosystem.models import Role
from notifications.models import NotificationKind


@dataclass(frozen=True)
class Text:
    title: str
    body: str


def _date(value: str | None) -> str:
    moment = parse_datetime(value) if value else None
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT") if moment else ""


def _role(value: str | None) -> str:
    return str(Role(value).label) if value in Role.values else (value or "")


def _person(name: str | None) -> str:
    # Receivers store a person's name or "" (no name given), never an e-mail address.
    return name or _("A Helix member")


def _introduction_requested(c: dict) -> Text:
    c = {**c, "requester": _person(c.get("requester"))}
    body = _("%(requester)s would like to be introduced to you about “%(subject)s”.") % c
    if c.get("expires_at"):
        body += " " + _("Please accept or decline before %(date)s.") % {"date": _date(c["expires_at"])}
    return Text(_("New introduction request from %(requester)s") % c, body)


def _introduction_answered(c: dict) -> Text:
    if c.get("status") == "accepted":
        return Text(
            _("Your introduction request was accepted"),
            _("Your request about “%(subject)s” was accepted. You can now contact each other.") % c,
        )
    body = _("Your request about “%(subject)s” was declined.") % c
    if c.get("reason"):
        body += " " + _("Reason: %(reason)s") % c
    return Text(_("Your introduction request was declined"), body)


def _introduction_expired(c: dict) -> Text:
    return Text(
        _("Your introduction request expired"),
        _("Nobody answered your request about “%(subject)s” in time. You may send a new one.") % c,
    )


def _mentoring_assigned(c: dict) -> Text:
    c = {**c, "mentor": _person(c.get("mentor"))}
    return Text(
        _("Mentoring assignment in %(cohort)s") % c,
        _("%(startup)s will be mentored by %(mentor)s in the program “%(program)s”.") % c,
    )


def _program_invitation(c: dict) -> Text:
    body = _("%(organisation)s is invited to apply to “%(program)s”.") % c
    if c.get("message"):
        body += "\n\n" + c["message"]
    return Text(_("Invitation to apply to %(program)s") % c, body)


def _program_moderation(c: dict) -> Text:
    if c.get("decision") == "approved":
        return Text(
            _("Your program “%(program)s” was approved") % c,
            _("A moderator approved “%(program)s”; it is now published.") % c,
        )
    body = _("A moderator asked for changes to “%(program)s” before it can be published.") % c
    if c.get("comment"):
        body += " " + _("Comment: %(comment)s") % c
    return Text(_("Your program “%(program)s” needs changes") % c, body)


def _organisation_invitation(c: dict) -> Text:
    return Text(
        _("You are invited to join %(organisation)s") % c,
        _("%(organisation)s invited you to join as %(role)s. The invitation was sent to your e-mail address.")
        % {**c, "role": _role(c.get("role"))},
    )


def _program_closing(c: dict) -> Text:
    return Text(
        _("“%(program)s” closes soon") % c,
        _("The program “%(program)s” you saved closes on %(date)s. Apply before then.")
        % {**c, "date": _date(c.get("closes_at"))},
    )


RENDERERS = {
    NotificationKind.INTRODUCTION_REQUESTED: _introduction_requested,
    NotificationKind.INTRODUCTION_ANSWERED: _introduction_answered,
    NotificationKind.INTRODUCTION_EXPIRED: _introduction_expired,
    NotificationKind.MENTORING_ASSIGNED: _mentoring_assigned,
    NotificationKind.PROGRAM_INVITATION: _program_invitation,
    NotificationKind.PROGRAM_MODERATION: _program_moderation,
    NotificationKind.ORGANISATION_INVITATION: _organisation_invitation,
    NotificationKind.PROGRAM_CLOSING: _program_closing,
}


def render(kind: str, context: dict) -> Text:
    """Return the title and body of a notification in the active language.

    A context written by an older version (a value missing) falls back to the kind's name, never an error.
    """
    try:
        return RENDERERS[NotificationKind(kind)](context)
    except (KeyError, TypeError, ValueError):
        label = NotificationKind(kind).label if kind in NotificationKind.values else kind
        return Text(str(label), "")
