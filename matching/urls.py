"""The matching pages; each view module declares its own routes."""

from matching.views import cohorts, introductions, matches, outreach

app_name = "matching"

urlpatterns = [*matches.urlpatterns, *introductions.urlpatterns, *outreach.urlpatterns, *cohorts.urlpatterns]
