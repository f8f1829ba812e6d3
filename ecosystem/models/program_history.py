"""The history of each program (drafts saved, submitted, approved, locked, …), kept apart from
other models' history so that officers read only their own agencies' entries.

Wagtail writes every snippet's history into one shared table and shows it to anyone with any
permission on the model, so the site-history report listed the titles of other agencies'
unpublished drafts. A log model of our own, registered for `Program` (as Wagtail does for pages
with `PageLogEntry`), lets the history follow the program permission policy wherever Wagtail reads
it: the site-history report and its filters and exports, and each program's own history.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseLogEntry, BaseLogEntryManager
from wagtail.permissions import policy_registry

from ecosystem.models.programs import Program

# The permissions that make a program visible in the admin (officers hold add/change/lock).
ADMIN_ACTIONS = ["add", "change", "lock", "publish", "delete"]


class ProgramLogEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.update(program=instance)
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(program=instance)

    def viewable_by_user(self, user):
        policy = policy_registry.get_by_type(Program)
        if policy.user_has_permission(user, "delete"):
            # Moderators and superusers: every program, deleted ones included.
            return self.all()
        programs = policy.instances_user_has_any_permission_for(user, ADMIN_ACTIONS)
        return self.filter(program_id__in=programs.values("pk"))


class ProgramLogEntry(BaseLogEntry):
    # No database constraint: the history outlives a deleted program, as Wagtail's own logs do.
    program = models.ForeignKey(Program, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")

    objects = ProgramLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("program log entry")
        verbose_name_plural = _("program log entries")

    def __str__(self):
        return f"ProgramLogEntry {self.pk}: {self.action!r} on program {self.program_id}"

    @property
    def object_id(self):
        return self.program_id
