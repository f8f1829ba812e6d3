"""What search keeps about a person, for their data export ("Download my data", accounts.export):
the searches they saved, with their filters and alerts."""

from accounts.export.common import iso
from accounts.export.registry import personal_data
from search.models import SavedSearch


@personal_data("saved_searches")
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
