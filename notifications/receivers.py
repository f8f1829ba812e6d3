"""Turn what happens elsewhere into notifications: matching's signals, program moderation, invitations.

Receivers stay thin: they pick the recipients and the plain values a message is rendered from,
then call `notification_create`, which makes every (event, person) notify once.
"""

import functools
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.signals import task_rejected, workflow_approved, workflow_rejected

from ecosystem.models import Invitation, Membership, Program, Role
from matching import signals
from matching.selectors.introductions import introduction_ends_by_role
from matching.selectors.introductions import introduction_recipients as matching_recipients
from notifications.models import NotificationKind
from notifications.services import notification_create

logger = logging.getLogger(__name__)


def _never_fails(receiver):
    """Log a receiver's error instead of raising it: the event has happened (and is committed); a
    notification that cannot be made must not turn the sender's page into an error."""

    @functools.wraps(receiver)
    def wrapper(*args, **kwargs):
        try:
            return receiver(*args, **kwargs)
        except Exception:  # see the docstring: logged, not raised
            logger.exception("notification not created", extra={"receiver": receiver.__name__})
            return None

    return wrapper


def _path(obj) -> str:
    """Return an object's page in the default language (notifications store language-neutral links)."""
    if obj is None or not hasattr(obj, "get_absolute_url"):
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        return obj.get_absolute_url()


def _introduction_path(introduction, fallback) -> str:
    """Return the request's page in matching (default language), or the fallback object's page."""
    with translation.override(settings.LANGUAGE_CODE):
        try:
            return reverse("matching:introduction_detail", kwargs={"pk": introduction.pk})
        except NoReverseMatch:
            return _path(fallback)


def _title(obj) -> str:
    if obj is None:
        return ""
    return getattr(obj, "title", None) or getattr(obj, "name", None) or str(obj)


def _organisation_people(organisation_id, *, deciders_only: bool = False):
    memberships = Membership.objects.filter(organisation_id=organisation_id).select_related("user")
    if deciders_only:
        memberships = memberships.filter(role__in=[Role.OWNER, Role.ADMIN])
    return [membership.user for membership in memberships]


def introduction_recipients(introduction) -> list:
    people = {person.pk: person for person in matching_recipients(introduction) if person is not None}
    people.pop(introduction.requester_id, None)
    return list(people.values())


@_never_fails
def on_introduction_requested(sender, introduction, **kwargs):
    requester_end, answerer_end = introduction_ends_by_role(introduction)
    for person in introduction_recipients(introduction):
        notification_create(
            recipient=person,
            kind=NotificationKind.INTRODUCTION_REQUESTED,
            key=f"introduction_requested:{introduction.pk}:{person.pk}",
            context={
                # A name only (rendered in the reader's language when there is none): the requester's
                # address is shared once the request is accepted.
                "requester": introduction.requester.get_full_name(),
                "subject": _title(answerer_end),
                "expires_at": introduction.expires_at.isoformat() if introduction.expires_at else None,
                "message": introduction.message,
            },
            link=_introduction_path(introduction, requester_end),
        )


@_never_fails
def on_introduction_answered(sender, introduction, **kwargs):
    _requester_end, answerer_end = introduction_ends_by_role(introduction)
    notification_create(
        recipient=introduction.requester,
        kind=NotificationKind.INTRODUCTION_ANSWERED,
        key=f"introduction_answered:{introduction.pk}",
        context={
            "subject": _title(answerer_end),
            "status": introduction.status,
            "reason": introduction.decline_reason,
        },
        link=_introduction_path(introduction, answerer_end),
    )


@_never_fails
def on_introduction_expired(sender, introduction, **kwargs):
    _requester_end, answerer_end = introduction_ends_by_role(introduction)
    notification_create(
        recipient=introduction.requester,
        kind=NotificationKind.INTRODUCTION_EXPIRED,
        key=f"introduction_expired:{introduction.pk}",
        context={"subject": _title(answerer_end)},
        link=_path(answerer_end),
    )


@_never_fails
def on_cohort_published(sender, cohort, pairs=None, **kwargs):
    pairs = pairs if pairs is not None else cohort.pairs.select_related("organisation", "mentor__user")
    for pair in pairs:
        context = {
            "cohort": cohort.name,
            "program": cohort.program.title,
            "startup": pair.organisation.name,
            "mentor": pair.mentor.user.get_full_name(),
        }
        # The startup's people see their mentor; the mentor sees the startup.
        audience = [(person, pair.mentor) for person in _organisation_people(pair.organisation_id)]
        audience.append((pair.mentor.user, pair.organisation))
        for person, other in audience:
            notification_create(
                recipient=person,
                kind=NotificationKind.MENTORING_ASSIGNED,
                key=f"mentoring_assigned:{pair.pk}:{person.pk}",
                context=context,
                link=_path(other),
            )


@_never_fails
def on_program_invitation_sent(sender, invitation, **kwargs):
    for person in _organisation_people(invitation.organisation_id, deciders_only=True):
        notification_create(
            recipient=person,
            kind=NotificationKind.PROGRAM_INVITATION,
            key=f"program_invitation:{invitation.pk}:{person.pk}",
            context={
                "program": invitation.program.title,
                "organisation": invitation.organisation.name,
                "message": invitation.message,
            },
            link=_path(invitation.program),
        )


def _moderated_program(workflow_state):
    program = workflow_state.content_object
    return program if isinstance(program, Program) else None


def _moderation_decision(workflow_state, *, decision: str, key: str, comment: str = "") -> None:
    program = _moderated_program(workflow_state)
    submitter = workflow_state.requested_by
    if program is None or submitter is None:
        return
    notification_create(
        recipient=submitter,
        kind=NotificationKind.PROGRAM_MODERATION,
        key=key,
        context={"program": program.title, "decision": decision, "comment": comment},
        link=_path(program) if decision == "approved" else "",
    )


@_never_fails
def on_workflow_approved(sender, instance, user=None, **kwargs):
    _moderation_decision(instance, decision="approved", key=f"program_moderation:approved:{instance.pk}")


def _on_rejected_task(task_state) -> None:
    # Wagtail sends task_rejected and then workflow_rejected for one rejection: both map to one key.
    _moderation_decision(
        task_state.workflow_state,
        decision="rejected",
        key=f"program_moderation:rejected:{task_state.pk}",
        comment=task_state.get_comment() or "",
    )


@_never_fails
def on_workflow_rejected(sender, instance, user=None, **kwargs):
    task_state = instance.current_task_state
    if task_state is not None:
        _on_rejected_task(task_state)


@_never_fails
def on_task_rejected(sender, instance, user=None, **kwargs):
    _on_rejected_task(instance)


@_never_fails
def on_invitation_saved(sender, instance, created, raw=False, **kwargs):
    # ecosystem e-mails the invitation itself; this only lists it in the invited person's portal.
    if not created or raw:
        return
    person = get_user_model().objects.filter(email__iexact=instance.email, is_active=True).first()
    if person is None:
        return
    notification_create(
        recipient=person,
        kind=NotificationKind.ORGANISATION_INVITATION,
        key=f"organisation_invitation:{instance.pk}",
        context={"organisation": instance.organisation.name, "role": instance.role},
        link=_path(instance),
    )


def connect() -> None:
    """Connect the receivers (NotificationsConfig.ready)."""
    uid = "notifications"
    signals.introduction_requested.connect(on_introduction_requested, dispatch_uid=f"{uid}.intro_requested")
    signals.introduction_answered.connect(on_introduction_answered, dispatch_uid=f"{uid}.intro_answered")
    signals.introduction_expired.connect(on_introduction_expired, dispatch_uid=f"{uid}.intro_expired")
    signals.cohort_published.connect(on_cohort_published, dispatch_uid=f"{uid}.cohort_published")
    signals.program_invitation_sent.connect(on_program_invitation_sent, dispatch_uid=f"{uid}.program_invitation")
    workflow_approved.connect(on_workflow_approved, dispatch_uid=f"{uid}.workflow_approved")
    workflow_rejected.connect(on_workflow_rejected, dispatch_uid=f"{uid}.workflow_rejected")
    task_rejected.connect(on_task_rejected, dispatch_uid=f"{uid}.task_rejected")
    post_save.connect(on_invitation_saved, sender=Invitation, dispatch_uid=f"{uid}.organisation_invitation")
