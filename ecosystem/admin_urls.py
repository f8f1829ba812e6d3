"""Wagtail admin URLs that we answer in Wagtail's place, to show only what a person may see.

Included before Wagtail's own admin URLs, at the same paths, so Wagtail's links and URL names keep
working; see `ecosystem.admin_scoping` for why each is replaced.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from ecosystem.admin_scoping import VisibleWorkflowTasksView, VisibleWorkflowView, bulk_action_on_visible_objects

urlpatterns = [
    path("bulk/<str:app_label>/<str:model_name>/<str:action>/", bulk_action_on_visible_objects),
    path("reports/workflow/", VisibleWorkflowView.as_view()),
    path("reports/workflow/results/", VisibleWorkflowView.as_view(results_only=True)),
    path("reports/workflow_tasks/", VisibleWorkflowTasksView.as_view()),
    path("reports/workflow_tasks/results/", VisibleWorkflowTasksView.as_view(results_only=True)),
]
urlpatterns = decorate_urlpatterns(decorate_urlpatterns(urlpatterns, require_admin_access), never_cache)
