"""Template helpers for the directories: amounts in đồng, deadline countdowns, status badges and
the "my content" section of the account page."""

from datetime import date, datetime

from django import template
from django.utils import numberformat, timezone
from django.utils.formats import date_format, get_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ecosystem.models import ProgramStatus
from ecosystem.selectors.overview import content_list_owned_by
from ecosystem.taxonomy_choices import LANGUAGE_CHOICES

register = template.Library()

STATUS_CLASSES = {
    ProgramStatus.FORTHCOMING: "badge-forthcoming",
    ProgramStatus.OPEN: "badge-open",
    ProgramStatus.CLOSING_SOON: "badge-closing-soon",
    ProgramStatus.CLOSED: "badge-closed",
}


@register.filter
def vnd(amount) -> str:
    """Return an amount of Vietnamese đồng with the active language's digit grouping ("1.500.000 ₫")."""
    if amount in (None, ""):
        return ""
    try:
        amount = int(amount)
    except (TypeError, ValueError):
        return ""
    # Django's Vietnamese formats set a separator but no grouping; amounts in đồng need both.
    number = numberformat.format(
        amount,
        get_format("DECIMAL_SEPARATOR"),
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
    return _("%(amount)s ₫") % {"amount": number}


@register.filter
def language_names(codes) -> str:
    """Return the names of the language codes a mentor chose, in the active language."""
    labels = dict(LANGUAGE_CHOICES)
    return ", ".join(str(labels[code]) for code in codes or [] if code in labels)


@register.filter
def status_class(status) -> str:
    return STATUS_CLASSES.get(status, "")


@register.filter
def public_name(user) -> str:
    """Return a person's name for public pages: never their e-mail address, which is a contact detail."""
    return user.public_name if user else _("A Helix member")


@register.filter
def kind_name(content) -> str:
    """Return what a piece of content is ("need", "mentor offer"), in the active language."""
    return str(content._meta.verbose_name)


def _days_until(moment, today: date) -> int:
    day = timezone.localtime(moment).date() if isinstance(moment, datetime) else moment
    return (day - today).days


def _closes_in(days: int) -> str:
    if days <= 0:
        return _("Closes today")
    if days == 1:
        return _("Closes tomorrow")
    return ngettext("Closes in %(days)d day", "Closes in %(days)d days", days) % {"days": days}


@register.inclusion_tag("ecosystem/directories/_countdown.html")
def program_countdown(program, now=None):
    """Render how long a program stays open (or until it opens) as text in a <time> element."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    status = program.status
    moment, text = None, _("No closing date: applications are accepted on a rolling basis.")
    if status == ProgramStatus.FORTHCOMING:
        moment = program.opens_at
        days = _days_until(moment, today)
        text = (
            _("Opens tomorrow")
            if days <= 1
            else ngettext("Opens in %(days)d day", "Opens in %(days)d days", days) % {"days": days}
        )
    elif status == ProgramStatus.CLOSED:
        moment = program.closes_at
        text = _("Closed on %(date)s") % {"date": date_format(timezone.localtime(moment), "DATE_FORMAT")}
    elif program.closes_at:
        moment, text = program.closes_at, _closes_in(_days_until(program.closes_at, today))
    return {"moment": moment, "text": text, "status": status, "urgent": status == ProgramStatus.CLOSING_SOON}


@register.inclusion_tag("ecosystem/directories/_need_deadline.html")
def need_deadline(need, today=None):
    """Render how long a need takes responses, as text in a <time> element."""
    if need.deadline is None:
        return {"deadline": None, "text": _("No deadline"), "closed": False}
    today = today or timezone.localdate()
    days = _days_until(need.deadline, today)
    if days < 0:
        text = _("Deadline passed")
    elif days == 0:
        text = _("Last day for responses")
    else:
        text = ngettext("%(days)d day left", "%(days)d days left", days) % {"days": days}
    return {"deadline": need.deadline, "text": text, "closed": days < 0}


@register.inclusion_tag("ecosystem/profiles/_my_content.html", takes_context=True)
def my_ecosystem_content(context):
    """Render the person's startup profiles, capabilities, mentor offer and needs with edit links."""
    request = context["request"]
    return {
        "content": content_list_owned_by(user=request.user),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
