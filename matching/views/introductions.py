"""introductions pages."""

urlpatterns = []
