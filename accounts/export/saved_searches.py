"""The searches the person saved, with their filters and alerts."""

from accounts.export.common import iso
from search.models import SavedSearch


def saved_searches(user) -> list[dict]:
    return [
        {
            "name": saved.name,
            "query": saved.query_string,
            "alert": saved.alert,
            "created_at": iso(saved.created_at),
            "last_alerted_at": iso(saved.last_alerted_at),
        }
        for saved in SavedSearch.objects.filter(user=user).order_by("created_at", "pk")
    ]
