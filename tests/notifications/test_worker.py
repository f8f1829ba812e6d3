"""Exactly once, through a real Celery worker on the real Redis broker and a real SMTP server (aiosmtpd).

The worker is a separate process reading the test database, so these tests commit for real
(transaction=True) and wait for what the SMTP server receives.
"""

import os
import signal
import time
import uuid
from contextlib import contextmanager

import pytest
from django.db import connection

from notifications.models import DIGEST, Delivery, DeliveryStatus
from notifications.tasks import deliveries_sweep, digests_plan
from tests.factories import ProgramFactory
from tests.notifications.conftest import person_with_match
from tests.notifications.sinks import Sink, SinkServer
from tests.workers import REDIS, celery_broker, forget_queue, start_worker, wait_for

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker process needs a shared database"),
]

LEASE_SECONDS = 3


class Worker:
    def __init__(self, tmp_path, port: int, extra_args=("--pool=solo",)):
        self.queue = f"helix-notifications-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.log = tmp_path / f"{self.queue}.log"
        self.extra_args = list(extra_args)
        self.env = {
            "DJANGO_SETTINGS_MODULE": "tests.notifications.worker_settings",
            "EMAIL_URL": f"smtp://127.0.0.1:{port}",
            "HELIX_TEST_QUEUE": self.queue,
            "NOTIFICATIONS_SEND_LEASE_SECONDS": str(LEASE_SECONDS),
            "NOTIFICATIONS_RETRY_BASE_SECONDS": "1",
            "NOTIFICATIONS_BATCH_SIZE": "20",
        }
        self.process = None

    def start(self):
        self.process = start_worker(self.queue, self.log, extra_args=self.extra_args, env=self.env)

    def kill(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@contextmanager
def running(tmp_path, sink: Sink):
    """An SMTP server with `sink` and a worker sending to it; yields (server, worker)."""
    with SinkServer(sink) as server:
        worker = Worker(tmp_path, server.port)
        worker.start()
        try:
            with celery_broker(REDIS, task_default_queue=worker.queue):
                yield server, worker
        finally:
            worker.stop()
            forget_queue(worker.queue)


def recipients(count: int) -> list:
    program = ProgramFactory()
    return [person_with_match(program=program)[0] for _ in range(count)]


def all_sent(count: int) -> bool:
    return Delivery.objects.filter(kind=DIGEST, status=DeliveryStatus.SENT).count() == count


def assert_exactly_once(sink: Sink, people) -> None:
    received = sink.recipients()
    assert {person.email: received[person.email] for person in people} == {person.email: 1 for person in people}
    assert len(sink.messages) == len(people)
    assert max(sink.message_ids().values()) == 1


def test_two_hundred_recipients_get_their_digest_exactly_once(tmp_path):
    people = recipients(200)
    sink = Sink()
    with running(tmp_path, sink) as (_server, worker):
        digests_plan.delay()
        wait_for(lambda: len(sink.messages) >= 200 and all_sent(200), worker.log, timeout=120)
        time.sleep(1)  # anything extra would arrive now
    assert_exactly_once(sink, people)
    assert sink.sessions <= 10  # one SMTP connection per batch of 20, not one per e-mail


def test_a_duplicate_beat_tick_sends_nothing_extra(tmp_path):
    people = recipients(40)
    sink = Sink()
    with running(tmp_path, sink) as (_server, worker):
        digests_plan.delay()
        digests_plan.delay()  # the same tick twice
        wait_for(lambda: all_sent(40), worker.log, timeout=60)
        digests_plan.delay()  # and once more after everything went out
        wait_for(lambda: worker.log.read_text().count("digests_plan[") >= 6, worker.log)  # received + succeeded
        time.sleep(1)
    assert_exactly_once(sink, people)


def test_a_worker_killed_mid_send_and_restarted_delivers_each_digest_once(tmp_path):
    people = recipients(60)
    sink = Sink(hold_after=25)
    with running(tmp_path, sink) as (_server, worker):
        digests_plan.delay()
        wait_for(sink.holding.is_set, worker.log, timeout=60)  # the worker is in the middle of an SMTP session
        worker.kill()
        sink.release.set()
        assert Delivery.objects.filter(status=DeliveryStatus.SENDING).count() == 1
        worker.start()  # the same queue: what the dead worker never took is still there
        last_sweep = 0.0

        def delivered():
            nonlocal last_sweep
            if time.monotonic() - last_sweep > 1:  # what django-celery-beat does every minute
                deliveries_sweep.delay()
                last_sweep = time.monotonic()
            return all_sent(60)

        wait_for(delivered, worker.log, timeout=90)
        time.sleep(1)
    assert_exactly_once(sink, people)


def test_a_temporary_smtp_failure_is_retried_to_success(tmp_path):
    [person] = recipients(1)
    sink = Sink(fail_once_for=person.email)
    with running(tmp_path, sink) as (_server, worker):
        digests_plan.delay()
        wait_for(lambda: all_sent(1), worker.log, timeout=60)
    assert sink.refused == 1
    assert_exactly_once(sink, [person])
    delivery = Delivery.objects.get(recipient=person)
    assert delivery.attempts == 2
    assert delivery.last_error == ""
