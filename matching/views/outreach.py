"""outreach pages."""

urlpatterns = []
