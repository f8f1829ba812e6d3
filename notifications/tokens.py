"""Signed tokens for links in e-mails that work without signing in (unsubscribe, "not relevant")."""

from django.core import signing

UNSUBSCRIBE_SALT = "notifications.unsubscribe"
NOT_RELEVANT_SALT = "notifications.not-relevant"
# "Not relevant" links expire: an old digest should not rewrite today's feedback.
NOT_RELEVANT_MAX_AGE = 60 * 60 * 24 * 90


def unsubscribe_token(*, user_id: int, scope: str) -> str:
    """Return a token that unsubscribes the person from `scope` ("digest", a notification kind or "all")."""
    return signing.dumps({"u": user_id, "s": scope}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_read(token: str) -> tuple[int, str]:
    """Return (user id, scope) of an unsubscribe token; raise signing.BadSignature when forged."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    return int(data["u"]), str(data["s"])


def not_relevant_token(*, user_id: int, match_id: int, side: str) -> str:
    """Return a token that marks one match not relevant for the person, from their side."""
    return signing.dumps({"u": user_id, "m": match_id, "s": side}, salt=NOT_RELEVANT_SALT, compress=True)


def not_relevant_read(token: str) -> tuple[int, int, str]:
    """Return (user id, match id, side); raise signing.BadSignature when forged or expired."""
    data = signing.loads(token, salt=NOT_RELEVANT_SALT, max_age=NOT_RELEVANT_MAX_AGE)
    return int(data["u"]), int(data["m"]), str(data["s"])
