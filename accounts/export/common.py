"""Small helpers the export's sections share."""

from datetime import date, datetime

from allauth.account.models import EmailAddress


def iso(moment: date | datetime | None) -> str | None:
    """Return a date or time as ISO 8601 text, or None."""
    return moment.isoformat() if moment else None


def described(item) -> dict | None:
    """Return what an item is called and where it is in Helix, or None when it no longer exists."""
    if item is None:
        return None
    url = item.get_absolute_url() if hasattr(item, "get_absolute_url") else ""
    return {"name": str(item), "url": url}


def addresses_of(user) -> set[str]:
    """Return the person's e-mail addresses, lower-cased: the account's and every one they added."""
    added = EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    return {address.lower() for address in (user.email, *added)}
