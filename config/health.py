"""GET /healthz: the state of the database, the cache and the Celery broker, as JSON; GET /livez:
whether this process answers at all.

Anyone gets each component's up or down; the details (database vendor, broker transport, the
name of the error) go only to a request carrying HEALTHZ_TOKEN as a bearer token, because they
tell an attacker which software runs where.
"""

import hmac
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from infra.celery_app import app as celery_app
from search.health import check_search

logger = logging.getLogger(__name__)

BROKER_TIMEOUT_SECONDS = 2


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "vendor": connection.vendor}


def check_cache() -> dict:
    # A round trip proves the cache is reachable; locmem and Redis behave the same here.
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=5)
    ok = cache.get(key) == "1"
    cache.delete(key)
    return {"ok": ok}


def check_broker() -> dict:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "mode": "in-process"}
    with celery_app.connection_for_write(url=settings.CELERY_BROKER_URL) as conn:
        conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)
        return {"ok": True, "mode": "broker", "transport": conn.transport_cls}


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker, "search": check_search}


def run_checks() -> dict[str, dict]:
    """Return each component's state; a failing check is reported, never raised."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as exc:  # noqa: BLE001 - any failure means "down", whatever its type
            logger.warning("health check failed", extra={"component": name, "error": str(exc)})
            results[name] = {"ok": False, "error": exc.__class__.__name__}
    return results


def _may_read_details(request) -> bool:
    token = settings.HEALTHZ_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return bool(token) and hmac.compare_digest(given.encode(), token.encode())


# Not wrapped in a transaction: with the database down, opening one would fail before the check.
@transaction.non_atomic_requests
@never_cache
@require_GET
def healthz(request):
    results = run_checks()
    healthy = all(result["ok"] for result in results.values())
    if not _may_read_details(request):
        results = {name: {"ok": result["ok"]} for name, result in results.items()}
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": results},
        status=200 if healthy else 503,
    )


# Liveness, for a process manager or load balancer: restart the process only when it stops
# answering, not when a service it uses is down (that is /healthz's 503). It touches no service,
# so it is also the cheapest page the stack serves (bench/load.py's baseline).
@transaction.non_atomic_requests
@never_cache
@require_GET
def livez(request):
    return HttpResponse("ok", content_type="text/plain")
