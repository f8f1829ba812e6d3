"""A real redis-server on a port of its own, used as the site's shared cache and stopped at will."""

import shutil
import socket
import subprocess
import time
from contextlib import contextmanager

import pytest

from config import cache as resilient
from tests.smtp import free_port

needs_redis_server = pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs Debian's redis-server")


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@contextmanager
def redis_as_cache(settings, monkeypatch):
    """Run a redis-server as the default cache (the resilient one production uses) and yield it."""
    server = RedisServer()
    server.start()
    monkeypatch.setattr(resilient, "RETRY_AFTER", 0.0)  # ask Redis again at once: tests restart it
    settings.CACHES = {
        "default": {"BACKEND": "config.cache.ResilientRedisCache", "LOCATION": f"redis://127.0.0.1:{server.port}/0"}
    }
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.stop()
