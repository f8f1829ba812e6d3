"""cohorts pages."""

urlpatterns = []
