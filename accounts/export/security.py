"""Sign-in state: the person's sessions and their two-factor authentication, never a secret.

Session keys, TOTP secrets and recovery codes are credentials: whoever holds the export must not
be able to sign in with it, so only dates, kinds and which session is the current one are exported.
"""

from datetime import UTC, datetime

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone

from accounts.export.common import iso

DB_SESSION_ENGINES = ("django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cached_db")


def _sign_ins(data: dict) -> list[dict]:
    """How the session was signed in (password, two factors, a social provider) and when."""
    return [
        {
            "method": record.get("method"),
            "type": record.get("type"),
            "at": iso(datetime.fromtimestamp(record["at"], UTC)),
        }
        for record in data.get(AUTHENTICATION_METHODS_SESSION_KEY, [])
        if isinstance(record, dict) and isinstance(record.get("at"), int | float)
    ]


def sessions(user, *, current_key: str | None = None) -> dict:
    """Return the person's open sessions when the database keeps them, else the current one.

    Sessions store the user id inside their encoded data, so finding a person's sessions means
    decoding every open one; this runs only when the person asks for their export.
    """
    found = []
    if settings.SESSION_ENGINE in DB_SESSION_ENGINES:
        open_sessions = Session.objects.filter(expire_date__gt=timezone.now()).order_by("expire_date")
        for session in open_sessions.iterator(chunk_size=2000):
            data = session.get_decoded()
            if data.get(SESSION_KEY) == str(user.pk):
                found.append(
                    {
                        "current": session.session_key == current_key,
                        "expires_at": iso(session.expire_date),
                        "signed_in_with": _sign_ins(data),
                    }
                )
    elif current_key:
        found.append({"current": True, "expires_at": None, "signed_in_with": []})
    return {"last_login": iso(user.last_login), "open_sessions": found}


def two_factor(user) -> list[dict]:
    """Which authenticators are on, since when and when last used."""
    return [
        {
            "type": authenticator.type,
            "created_at": iso(authenticator.created_at),
            "last_used_at": iso(authenticator.last_used_at),
        }
        for authenticator in Authenticator.objects.filter(user=user).order_by("created_at", "pk")
    ]
