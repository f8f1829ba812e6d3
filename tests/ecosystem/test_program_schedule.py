"""Closed calls unpublish themselves: a Celery beat task runs Wagtail's scheduled publishing."""

import importlib
from datetime import timedelta

import pytest
import time_machine
from django.apps import apps
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from ecosystem.tasks import programs_publish_scheduled
from tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db

schedule_migration = importlib.import_module("ecosystem.migrations.0005_schedule_program_publishing")


def test_task_unpublishes_a_call_once_it_has_closed():
    program = ProgramFactory(closes_at=timezone.now() + timedelta(days=1))
    program.save_revision().publish()
    programs_publish_scheduled()
    program.refresh_from_db()
    assert program.live

    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        programs_publish_scheduled()
        programs_publish_scheduled()  # a doubled beat tick changes nothing more
    program.refresh_from_db()
    assert not program.live


def test_the_task_is_scheduled_every_five_minutes():
    [name] = schedule_migration.TASKS
    schedule = schedule_migration.Migration.operations[0].code
    PeriodicTask.objects.filter(name=name).delete()
    schedule(apps, schema_editor=None)
    schedule(apps, schema_editor=None)

    task = PeriodicTask.objects.get(name=name)
    assert task.task == "ecosystem.tasks.programs_publish_scheduled"
    assert (task.interval.every, task.interval.period) == (5, "minutes")
