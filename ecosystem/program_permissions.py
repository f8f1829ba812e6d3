"""Who may do what to a program in the Wagtail admin.

Wagtail asks a permission policy; ours keeps Django's model permissions (the "Officers" group may
add and change programs, the "Moderators" group may also publish and delete) and narrows every
per-program question to the rule in `ecosystem.permissions.can_manage_programs`: members of the
publishing agency and moderators only.

Many of Wagtail's per-object admin views (history, revisions, workflow, lock, unpublish, …) only
check the model-level permission, so `only_manageable_programs` also guards every URL that names a
program: a program the user may not manage does not exist for them (404).
"""

import functools

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import Http404
from wagtail.permission_policies.base import ModelPermissionPolicy

from ecosystem.models import Program
from ecosystem.permissions import MODERATORS_GROUP, can_manage_programs, is_moderator, program_agencies_for


class ProgramPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed per program to members of its agency and moderators."""

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return self.user_has_permission(user, action) and can_manage_programs(user, _agency_of(instance))

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return self.user_has_any_permission(user, actions) and can_manage_programs(user, _agency_of(instance))

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet[Program]:
        if not self.user_has_any_permission(user, actions):
            return Program.objects.none()
        return manageable_programs(user)

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        members = get_user_model().objects.filter(
            Q(is_superuser=True)
            | Q(groups__name=MODERATORS_GROUP)
            | Q(memberships__organisation_id=instance.agency_id)
        )
        return users.filter(pk__in=members.values("pk"))


def _agency_of(program: Program):
    # A program being created has no agency yet; nobody manages "no agency".
    return program.agency if program.agency_id else None


def manageable_programs(user) -> QuerySet[Program]:
    """Return the programs the user may see and work on in the admin, whatever their state."""
    if is_moderator(user):
        return Program.objects.all()
    return Program.objects.filter(agency__in=program_agencies_for(user))


def user_may_open_program(user, quoted_pk) -> bool:
    """True when the program named in an admin URL exists and the user may manage it."""
    try:
        pk = int(unquote(str(quoted_pk)))
    except ValueError:
        return False
    return manageable_programs(user).filter(pk=pk).exists()


def only_manageable_programs(view_func):
    """Wrap an admin view so that a URL naming someone else's program answers 404."""

    @functools.wraps(view_func)
    def view(request, *args, **kwargs):
        if "pk" in kwargs and not user_may_open_program(request.user, kwargs["pk"]):
            raise Http404
        return view_func(request, *args, **kwargs)

    return view


program_permission_policy = ProgramPermissionPolicy(Program)
