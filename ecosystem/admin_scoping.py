"""What a person may see in the Wagtail admin beyond the listings: bulk actions, workflow reports
and choosers show only objects the person could open.

Wagtail checks these screens against model-level permissions (or none at all): the bulk-action
confirmation names every object whose id is in the URL, the workflow reports list every program
in moderation to anyone who may edit programs, and the page chooser lists unpublished pages to
anyone who may enter the admin. Officers of one agency must not learn the titles of another
agency's drafts, nor the names of private organisations, from any of them.
"""

import django_filters
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404
from wagtail.admin.views.bulk_action.dispatcher import index as wagtail_bulk_action
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
)
from wagtail.models import Page, WorkflowState
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_editable_models
from wagtail.snippets.views import chooser

from ecosystem.models import Organisation
from ecosystem.selectors.organisations import organisation_list_visible

# Any one of these permissions on an object means the admin may show it to the person.
VISIBLE_WITH = ["view", "add", "change", "delete", "publish", "lock", "unlock", "choose"]


def admin_visible(user, model) -> QuerySet:
    """Return the objects of `model` that the person could open somewhere in the Wagtail admin."""
    policy = policy_registry.get_by_type(model)
    if issubclass(model, Page):
        return policy.explorable_instances(user)
    return policy.instances_user_has_any_permission_for(user, VISIBLE_WITH)


# -- Bulk actions -----------------------------------------------------------------------------


def _requested_pks(request, model, action: str) -> list:
    ids = request.GET.getlist("id")
    if "all" in ids:
        # "Select all" means all of the listing, which Wagtail reads without any permission.
        action_class = bulk_action_registry.get_bulk_action_class(
            model._meta.app_label, model._meta.model_name, action
        )
        if action_class is None:
            raise Http404
        listed = action_class(request, model).get_all_objects_in_listing_query(request.GET.get("childOf"))
        return [getattr(item, "pk", item) for item in listed]
    try:
        return [model._meta.pk.to_python(pk) for pk in ids]
    except ValidationError as error:
        raise Http404 from error


def bulk_action_on_visible_objects(request, app_label: str, model_name: str, action: str):
    """Wagtail's bulk actions on the objects the person may see; an id they may not see is a 404.

    Wagtail's confirmation page lists, by title, the objects the person may not act on, so an id
    typed into the URL would reveal the title of any draft or private organisation.
    """
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    requested = set(_requested_pks(request, model, action))
    visible = set(admin_visible(request.user, model).filter(pk__in=requested).values_list("pk", flat=True))
    if "all" in request.GET.getlist("id"):
        query = request.GET.copy()
        query.setlist("id", [str(pk) for pk in sorted(visible)])
        request.GET = query
    elif visible != requested:
        raise Http404
    return wagtail_bulk_action(request, app_label, model_name, action)


# -- Workflow reports ---------------------------------------------------------------------------


def _visible_snippets_q(user, prefix: str = "") -> Q:
    """Workflow states of snippets the person may change, object by object (not model by model)."""
    visible = Q(pk__in=[])
    for model in get_editable_models(user):
        pks = (
            policy_registry.get_by_type(model)
            .instances_user_has_permission_for(user, "change")
            .values_list(Cast("pk", output_field=CharField()), flat=True)
        )
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        visible |= Q(**{f"{prefix}content_type": content_type, f"{prefix}object_id__in": pks})
    return visible


def _pages_q(prefix: str = "") -> Q:
    # Wagtail's own query already keeps only the pages the person may edit.
    return Q(**{f"{prefix}base_content_type": ContentType.objects.get_for_model(Page)})


def _requesters(request):
    states = WorkflowState.objects.filter(_pages_q() | _visible_snippets_q(request.user))
    return get_user_model().objects.filter(pk__in=states.values("requested_by")).order_by("email")


class VisibleWorkflowReportFilterSet(WorkflowReportFilterSet):
    requested_by = django_filters.ModelChoiceFilter(field_name="requested_by", queryset=_requesters)

    class Meta(WorkflowReportFilterSet.Meta):
        pass


class VisibleWorkflowView(WorkflowView):
    filterset_class = VisibleWorkflowReportFilterSet

    def get_queryset(self):
        return super().get_queryset().filter(_pages_q() | _visible_snippets_q(self.request.user))


class VisibleWorkflowTasksView(WorkflowTasksView):
    def get_queryset(self):
        prefix = "workflow_state__"
        return super().get_queryset().filter(_pages_q(prefix) | _visible_snippets_q(self.request.user, prefix))


# -- Choosers -------------------------------------------------------------------------------------


def pages_one_may_choose(pages, request):
    """The page chooser (links in rich text) offers published pages and the pages one may edit."""
    return pages.filter(Q(live=True) | Q(pk__in=admin_visible(request.user, Page).values("pk")))


class VisibleObjectsChooserMixin:
    """A snippet chooser view that lists, finds and returns only `visible_objects()`."""

    def visible_objects(self) -> QuerySet:
        raise NotImplementedError

    def get_object_list(self):
        return self.visible_objects()

    def get_object(self, pk):
        if not str(pk).isdigit():
            raise self.model.DoesNotExist  # Wagtail answers 404 to that, not 500 to a ValueError.
        return self.visible_objects().get(pk=pk)

    def get_objects(self, pks):
        return self.visible_objects().filter(pk__in=pks)


class _VisibleOrganisationsMixin(VisibleObjectsChooserMixin):
    """Choosers list the organisations the person may see on the site: no private ones."""

    def visible_objects(self) -> QuerySet[Organisation]:
        return organisation_list_visible(user=self.request.user)


class OrganisationChooseView(_VisibleOrganisationsMixin, chooser.ChooseView):
    pass


class OrganisationChooseResultsView(_VisibleOrganisationsMixin, chooser.ChooseResultsView):
    pass


class OrganisationChosenView(_VisibleOrganisationsMixin, chooser.SnippetChosenView):
    pass


class OrganisationChosenMultipleView(_VisibleOrganisationsMixin, chooser.SnippetChosenMultipleView):
    pass


class OrganisationChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = OrganisationChooseView
    choose_results_view_class = OrganisationChooseResultsView
    chosen_view_class = OrganisationChosenView
    chosen_multiple_view_class = OrganisationChosenMultipleView
