"""Production settings refuse to start without secrets and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "-production-secret-with-enough-entropy-0123456789"
SHARED = {"CACHE_URL": "redis://127.0.0.1:6379/1", "SITE_URL": "https://helix.example.vn"}
COMPLETE = {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "helix.example.vn", **SHARED}


def run_manage(*args, **env_overrides):
    # The browser tests allow async-unsafe ORM calls in this process; production must not inherit that.
    dropped = ("SECRET_KEY", "ALLOWED_HOSTS", "CACHE_URL", "SITE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("env", "complaint"),
    [
        ({"ALLOWED_HOSTS": "helix.example.vn", **SHARED}, "SECRET_KEY"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "helix.example.vn", **SHARED}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_KEY, **SHARED}, "ALLOWED_HOSTS"),
        ({**COMPLETE, "CACHE_URL": ""}, "CACHE_URL"),
        ({**COMPLETE, "SITE_URL": ""}, "SITE_URL"),
    ],
    ids=["no secret key", "weak secret key", "no allowed hosts", "no shared cache", "no site address"],
)
def test_production_refuses_to_start_without_secrets(env, complaint):
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert complaint in result.stderr


def test_deploy_check_is_clean_with_https():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **COMPLETE)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout
