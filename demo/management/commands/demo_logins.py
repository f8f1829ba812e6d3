"""Print the demo's sign-ins, one per persona, and where the portal answers (`make run`'s last lines)."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db.models import Count, Q

from demo.management.commands.seed_demo import DEMO_ADMIN_EMAIL, DEMO_MODERATOR_EMAIL
from ecosystem.models import OrganisationKind, Role
from ecosystem.permissions import MODERATORS_GROUP, OFFICERS_GROUP


def _founder(users):
    # The founder with the most current matches: the richest "My matches" page to look at.
    owners = users.filter(
        memberships__role=Role.OWNER,
        memberships__organisation__kind=OrganisationKind.STARTUP,
        memberships__organisation__startup_profile__isnull=False,
    )
    current = Q(memberships__organisation__matches__is_current=True)
    return owners.annotate(matches=Count("memberships__organisation__matches", filter=current)).order_by(
        "-matches", "email"
    )


def _researcher(users):
    return users.annotate(posted=Count("capabilities")).filter(posted__gt=0).order_by("-posted", "email")


def _officer(users):
    # The officer whose agencies publish the most programs: the fullest outreach lists to look at.
    officers = users.filter(groups__name=OFFICERS_GROUP)
    return officers.annotate(programs=Count("memberships__organisation__programs", distinct=True)).order_by(
        "-programs", "email"
    )


def _in_group(users, group: str, preferred: str):
    members = users.filter(groups__name=group)
    return members.filter(email=preferred) or members.order_by("email")


class Command(BaseCommand):
    help = "Print the demo sign-ins (admin, founder, researcher, officer, moderator) and the portal's address."

    def handle(self, *args, **options):
        users = get_user_model().objects.filter(is_active=True)
        admin_password = os.environ.get("DEMO_ADMIN_PASSWORD", "helix-demo-admin")
        password = os.environ.get("DEMO_USER_PASSWORD", "helix-demo-user")
        personas = [
            ("admin", users.filter(email=DEMO_ADMIN_EMAIL), admin_password),
            ("founder", _founder(users), password),
            ("researcher", _researcher(users), password),
            ("officer", _officer(users), password),
            ("moderator", _in_group(users, MODERATORS_GROUP, DEMO_MODERATOR_EMAIL), password),
        ]
        self.stdout.write("Demo sign-ins (officers and moderators set up two-factor authentication first):")
        for role, candidates, secret in personas:
            person = candidates.first()
            if person is None:
                self.stdout.write(f"  {role:<11} (none yet: run `python manage.py seed_demo`)")
            else:
                self.stdout.write(f"  {role:<11} {person.email} / {secret}")
        self.stdout.write(self.style.SUCCESS(f"Helix: {settings.SITE_URL}/ (English: {settings.SITE_URL}/en/)"))
