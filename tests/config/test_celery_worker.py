"""A Celery worker starts against the real Redis and RabbitMQ brokers and answers."""

import os
import subprocess
import sys
import time

import pytest
from celery import Celery

BROKERS = {
    "redis": "redis://127.0.0.1:6379/14",
    "rabbitmq": "amqp://guest:guest@127.0.0.1:5672//",
}


@pytest.mark.parametrize("broker", BROKERS.values(), ids=BROKERS.keys())
def test_worker_runs_and_answers_ping(broker, tmp_path):
    hostname = f"helix-test-{os.getpid()}@localhost"
    env = {**os.environ, "CELERY_BROKER_URL": broker, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "-n",
            hostname,
            "--without-mingle",
            "--without-gossip",
            "-l",
            "warning",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    client = Celery(broker=broker)
    try:
        replies = []
        deadline = time.monotonic() + 30
        while not replies and time.monotonic() < deadline:
            assert worker.poll() is None, worker.stdout.read().decode()
            replies = client.control.ping(destination=[hostname], timeout=1)
        assert replies == [{hostname: {"ok": "pong"}}]
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        client.close()
