"""matches pages."""

urlpatterns = []
