from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ecosystem.fields import MESSAGE_MAX_LENGTH, CappedTextField


class Hideable(models.Model):
    """Content a moderator can hide for breaking the rules; the reason is shown to its owner."""

    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_reason = CappedTextField(_("reason for hiding"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None
