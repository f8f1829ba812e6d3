"""E-mails about organisations, rendered in the language of the person who caused them."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from ecosystem.models import Invitation, JoinRequest, Membership, Role

logger = logging.getLogger(__name__)


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def send_templated_email(*, template: str, to: list[str], context: dict, language: str) -> None:
    """Send `<template>_subject.txt`, `.txt` and `.html` rendered in `language` to `to`."""
    with translation.override(language):
        context = {**context, "site_url": settings.SITE_URL}
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=to)
    message.attach_alternative(html, "text/html")
    message.send()
    logger.info("e-mail sent", extra={"template": template, "recipients": len(to)})


def send_invitation(invitation: Invitation, *, language: str) -> None:
    with translation.override(language):
        accept_url = absolute_url(invitation.get_absolute_url())
    send_templated_email(
        template="ecosystem/emails/invitation",
        to=[invitation.email],
        context={"invitation": invitation, "organisation": invitation.organisation, "accept_url": accept_url},
        language=language,
    )


def send_join_request(join_request: JoinRequest, *, language: str) -> None:
    deciders = Membership.objects.filter(
        organisation=join_request.organisation, role__in=[Role.OWNER, Role.ADMIN]
    ).values_list("user__email", flat=True)
    if not deciders:
        return
    with translation.override(language):
        members_url = absolute_url(
            reverse("ecosystem:organisation_members", kwargs={"slug": join_request.organisation.slug})
        )
    send_templated_email(
        template="ecosystem/emails/join_request",
        to=list(deciders),
        context={"join_request": join_request, "organisation": join_request.organisation, "members_url": members_url},
        language=language,
    )
