"""E-mail: console output by default, SMTP (or any backend) through EMAIL_URL."""

import environ

env = environ.Env()

# EMAIL_URL expands into EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, credentials and TLS flags.
globals().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Helix <no-reply@helix.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
