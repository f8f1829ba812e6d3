"""Writes about a person's own account: its deletion (the data export is in `accounts.export`)."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ecosystem.selectors.organisations import organisation_list_solely_owned_by

logger = logging.getLogger(__name__)


@transaction.atomic
def user_delete(*, user) -> None:
    blocking = list(organisation_list_solely_owned_by(user=user).values_list("name", flat=True))
    if blocking:
        raise ValidationError(
            _("You are the only owner of %(organisations)s. Hand ownership to someone else first.")
            % {"organisations": ", ".join(blocking)}
        )
    logger.info("account deleted", extra={"user": user.pk})
    user.delete()
