"""E-mail: console output by default, SMTP (or any backend) through EMAIL_URL."""

import environ

env = environ.Env()

# EMAIL_URL expands into EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, credentials and TLS flags.
globals().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Helix <no-reply@helix.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

# --- Notifications and digests (notifications/) ------------------------------------------------
# A worker that claimed an e-mail and went silent this long is presumed dead; the sweeper retries it.
NOTIFICATIONS_SEND_LEASE_SECONDS = env.int("NOTIFICATIONS_SEND_LEASE_SECONDS", default=10 * 60)
# Recipients per digest task (one SMTP connection each).
NOTIFICATIONS_BATCH_SIZE = env.int("NOTIFICATIONS_BATCH_SIZE", default=100)
# Temporary SMTP failures (4xx, connection errors) are retried this often, backing off from the base delay.
NOTIFICATIONS_MAX_ATTEMPTS = env.int("NOTIFICATIONS_MAX_ATTEMPTS", default=8)
NOTIFICATIONS_RETRY_BASE_SECONDS = env.int("NOTIFICATIONS_RETRY_BASE_SECONDS", default=30)
# What waits for a quiet day to pass goes out at this local hour of the next allowed day.
NOTIFICATIONS_SEND_HOUR = env.int("NOTIFICATIONS_SEND_HOUR", default=7)
# The mailto: half of List-Unsubscribe; empty means unsubscribe@<the domain of DEFAULT_FROM_EMAIL>.
NOTIFICATIONS_UNSUBSCRIBE_MAILTO = env("NOTIFICATIONS_UNSUBSCRIBE_MAILTO", default="")
