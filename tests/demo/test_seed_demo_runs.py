"""Running `seed_demo` again, on another empty database, or with --scale N."""

import hashlib
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from ecosystem.models import (
    Capability,
    Membership,
    MentorOffer,
    Need,
    Organisation,
    Program,
    Role,
    StartupProfile,
)

pytestmark = pytest.mark.django_db


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def counts() -> dict[str, int]:
    models = (Organisation, Membership, StartupProfile, Capability, MentorOffer, Need, Program, get_user_model())
    return {model.__name__: model.objects.count() for model in models}


def test_a_second_run_creates_nothing(db):
    seed()
    before = counts()

    output = seed()

    assert counts() == before
    assert "no change(s)" in output.splitlines()[-1]


def fingerprint() -> str:
    rows = [
        *Organisation.objects.order_by("slug").values_list("slug", "name", "summary", "kind", "is_verified"),
        *StartupProfile.objects.order_by("organisation__slug").values_list(
            "organisation__slug", "pitch", "description", "stage__slug", "trl", "founded_on", "location__slug"
        ),
        *Capability.objects.order_by("title", "description").values_list("title", "description", "owner__email"),
        *MentorOffer.objects.order_by("user__email").values_list("user__email", "headline", "expertise"),
        *Need.objects.order_by("title", "problem").values_list("title", "problem", "budget_min", "deadline"),
        *Program.objects.order_by("slug").values_list("slug", "title", "opens_at", "closes_at", "live"),
    ]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_two_runs_on_empty_databases_give_the_same_data(db):
    with transaction.atomic():
        seed()
        first = fingerprint()
        transaction.set_rollback(True)
    assert not Organisation.objects.exists()

    seed()

    assert fingerprint() == first


# The plan is pure Python: no django.setup() needed, which keeps the subprocesses quick.
PLAN_DIGEST = """
import hashlib
from datetime import date
from demo.plan import demo_plan
print(hashlib.sha256(repr(demo_plan(today=date(2026, 1, 15))).encode()).hexdigest())
"""


def test_the_plan_does_not_depend_on_pythons_hash_seed():
    # Sets iterate in an order that changes with PYTHONHASHSEED; the plan must never depend on it.
    def digest(hash_seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
        command = [sys.executable, "-c", PLAN_DIGEST]
        result = subprocess.run(command, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, check=True)
        return result.stdout

    assert digest("1") == digest("2")


def test_scale_creates_organisations_with_profiles_in_few_queries(db, django_assert_max_num_queries):
    profile_sectors = StartupProfile.sectors.through.objects
    profile_technologies = StartupProfile.technologies.through.objects

    with django_assert_max_num_queries(60):
        output = seed("--scale", "500")

    assert Organisation.objects.count() == 500
    industry = Organisation.objects.filter(kind__in=["startup", "enterprise"])
    assert industry.count() >= 400
    assert StartupProfile.objects.count() == industry.count()
    assert profile_sectors.count() >= industry.count() and profile_technologies.count() >= 2 * industry.count()
    assert Capability.objects.count() == 100
    assert set(Capability.objects.values_list("organisation__kind", flat=True)) <= {"university", "research_institute"}
    assert MentorOffer.objects.count() == 10
    assert Program.objects.filter(live=True).count() == 1
    assert Membership.objects.filter(role=Role.OWNER).count() == 500
    assert "created 500 organisations" in output


def test_scale_runs_add_up_without_colliding(db):
    seed("--scale", "50")
    seed("--scale", "50", "--batch-size", "7")

    assert Organisation.objects.count() == 100
    assert get_user_model().objects.filter(email__endswith="@demo.helix.local").count() >= 100


def test_scale_refuses_a_count_below_one(db):
    with pytest.raises(Exception, match="must be at least 1"):
        call_command("seed_demo", "--scale", "0")
