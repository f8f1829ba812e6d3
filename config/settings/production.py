"""Production: refuses to start without a secret key, allowed hosts, a shared cache and its own address;
HTTPS hardening on."""

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY to a random string of at least 50 characters.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the host names the portal answers on.")
if not env("CACHE_URL", default=""):
    # The default cache lives in each process: login limits and TOTP replay protection would count
    # per worker, so an attacker gets each worker's allowance.
    raise ImproperlyConfigured("Set CACHE_URL to a cache all workers share, e.g. redis://127.0.0.1:6379/1.")
if not env("SITE_URL", default=""):
    raise ImproperlyConfigured("Set SITE_URL to the portal's public address; every link in e-mails is built on it.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])  # noqa: F405

# HTTPS: on by default; SECURE_SSL_REDIRECT=False only behind a proxy that already redirects.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
