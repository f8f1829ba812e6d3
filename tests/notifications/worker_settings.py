"""Settings of the notification tests' worker process: the test settings, but real SMTP (EMAIL_URL) and
the test's own queue as the default, so tasks the worker sends itself (fan-out, retries) come back to it."""

from config.settings.test import *  # noqa: F403
from config.settings.test import env

globals().update(env.email_url("EMAIL_URL"))
CELERY_TASK_DEFAULT_QUEUE = env("HELIX_TEST_QUEUE")
