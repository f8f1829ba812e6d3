"""Programs in the Wagtail admin: officers write them for their agency, moderators approve them.

Drafts, revisions, locking, scheduled publishing and the moderation workflow are Wagtail's; this
module only decides what each person sees (their agencies' programs) and how the editor looks.
"""

from datetime import datetime
from operator import attrgetter

import django_filters
from django import forms
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    ObjectList,
    PublishingPanel,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.models import Revision, WorkflowState
from wagtail.snippets.views import chooser

from ecosystem.admin_forms import ProgramForm
from ecosystem.admin_i18n import TranslatedSnippetViewSet
from ecosystem.admin_scoping import VisibleObjectsChooserMixin
from ecosystem.models import Organisation, Program, ProgramKind, ProgramStatus
from ecosystem.models.programs import CLOSING_SOON
from ecosystem.permissions import program_agencies_for
from ecosystem.program_permissions import manageable_programs, only_manageable_programs

# Programs are read by the public: headings, lists and links, nothing that embeds other sites.
PROGRAM_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "hr"]


def status_filter(status: ProgramStatus, now: datetime) -> Q:
    """Return the condition matching programs whose `Program.status` is `status` at `now`."""
    started = Q(opens_at__isnull=True) | Q(opens_at__lte=now)
    soon = now + CLOSING_SOON
    match status:
        case ProgramStatus.FORTHCOMING:
            return Q(opens_at__gt=now)
        case ProgramStatus.CLOSED:
            return started & Q(closes_at__lte=now)
        case ProgramStatus.CLOSING_SOON:
            return started & Q(closes_at__gt=now, closes_at__lte=soon)
        case ProgramStatus.OPEN:
            return started & (Q(closes_at__isnull=True) | Q(closes_at__gt=soon))
    raise ValueError(f"Unknown program status: {status!r}")


def _agencies_for_filter(request) -> QuerySet[Organisation]:
    if request is None:
        return Organisation.objects.none()
    return program_agencies_for(request.user).order_by("name")


class ProgramFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Applications"),
        choices=ProgramStatus.choices,
        method="filter_status",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    kind = django_filters.ChoiceFilter(
        label=capfirst(_("kind")), choices=ProgramKind.choices, empty_label=_("All"), widget=forms.RadioSelect
    )
    # Officers filter by the agencies they work for, never by ones they cannot see.
    agency = django_filters.ModelChoiceFilter(
        label=capfirst(_("publishing organisation")), queryset=_agencies_for_filter
    )

    class Meta:
        model = Program
        fields = ["status", "kind", "agency", "live"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(status_filter(ProgramStatus(value), timezone.now()))


class _VisibleProgramsMixin(VisibleObjectsChooserMixin):
    """Choosers list live programs (public anyway) and drafts the user may manage."""

    def visible_objects(self) -> QuerySet[Program]:
        return Program.objects.filter(Q(live=True) | Q(pk__in=manageable_programs(self.request.user).values("pk")))


class ProgramChooseView(_VisibleProgramsMixin, chooser.ChooseView):
    pass


class ProgramChooseResultsView(_VisibleProgramsMixin, chooser.ChooseResultsView):
    pass


class ProgramChosenView(_VisibleProgramsMixin, chooser.SnippetChosenView):
    pass


class ProgramChosenMultipleView(_VisibleProgramsMixin, chooser.SnippetChosenMultipleView):
    pass


class ProgramChooserCreateView(chooser.SnippetCreateView):
    """No creating from a chooser: a program is written in the program editor, drafts and moderation included.

    Wagtail registers the URL anyway, and with no creation form a POST there would crash.
    """

    def dispatch(self, request, *args, **kwargs):
        raise Http404("Programs are created in the program editor.")


class ProgramChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ProgramChooseView
    create_view_class = ProgramChooserCreateView
    choose_results_view_class = ProgramChooseResultsView
    chosen_view_class = ProgramChosenView
    chosen_multiple_view_class = ProgramChosenMultipleView


def publication_status(program: Program) -> str:
    """Return Wagtail's live/draft/in moderation/scheduled label, from what the listing prefetched."""
    # Same wording and order as WorkflowMixin.status_string, which would query twice per row.
    prefetched = getattr(program, "_scheduled_revisions", None)
    scheduled = bool(prefetched) if prefetched is not None else program.approved_schedule
    in_moderation = program.workflow_in_progress
    if not program.live:
        if program.expired:
            return gettext("expired")
        if scheduled:
            return gettext("scheduled")
        return gettext("in moderation") if in_moderation else gettext("draft")
    if scheduled:
        return gettext("live + scheduled")
    if in_moderation:
        return gettext("live + in moderation")
    return gettext("live + draft") if program.has_unpublished_changes else gettext("live")


def _rich_text():
    return get_rich_text_editor_widget(features=PROGRAM_TEXT_FEATURES)


class ProgramPublishingPanel(PublishingPanel):
    """Wagtail's scheduling dialog with "go live" only: a program expires when it closes."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.children = [child for child in self.children if child.field_name == "go_live_at"]
        for child in self.children:
            child.help_text = _("The program is unpublished automatically when applications close.")


class ProgramViewSet(TranslatedSnippetViewSet):
    model = Program
    icon = "calendar-check"
    menu_label = _("Programs")
    menu_name = "programs"
    menu_order = 210
    add_to_admin_menu = True
    inspect_view_enabled = False
    chooser_viewset_class = ProgramChooserViewSet
    filterset_class = ProgramFilterSet
    search_fields = ["title", "summary"]
    list_per_page = 50
    list_display = [
        "title",
        Column("agency", label=capfirst(_("publishing organisation")), sort_key="agency__name"),
        Column("kind", label=capfirst(_("kind")), accessor="get_kind_display", sort_key="kind"),
        StatusTagColumn(
            "status",
            label=_("Applications"),
            accessor="get_status_display",
            primary=lambda program: program.status in (ProgramStatus.OPEN, ProgramStatus.CLOSING_SOON),
        ),
        Column("closes_at", label=capfirst(_("closes")), sort_key="closes_at"),
        StatusTagColumn(
            "publication", label=_("Status"), accessor=publication_status, sort_key="live", primary=attrgetter("live")
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    TitleFieldPanel("title"),
                    FieldPanel("slug"),
                    # A plain select: Wagtail's organisation chooser would list every organisation.
                    FieldPanel("agency", widget=forms.Select),
                    FieldPanel("kind"),
                    FieldPanel("summary"),
                    FieldPanel("description", widget=_rich_text()),
                    FieldPanel("how_to_apply", widget=_rich_text()),
                    FieldPanel("apply_url"),
                    FieldRowPanel([FieldPanel("budget_total"), FieldPanel("max_award")]),
                ],
                heading=_("Content"),
            ),
            ObjectList(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("opens_at", help_text=_("Leave empty if applications are open now.")),
                            FieldPanel(
                                "closes_at",
                                help_text=_("The program is unpublished automatically at this time."),
                            ),
                        ]
                    ),
                    ProgramPublishingPanel(),
                ],
                heading=_("Dates"),
            ),
            ObjectList(
                [
                    FieldPanel("eligible_kinds"),
                    FieldPanel("eligible_stages", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("eligible_sectors"),
                    FieldPanel("eligible_locations", widget=forms.CheckboxSelectMultiple),
                    FieldRowPanel([FieldPanel("founded_after"), FieldPanel("founded_before")]),
                    FieldPanel("max_team_size"),
                    FieldRowPanel([FieldPanel("trl_min"), FieldPanel("trl_max")]),
                    FieldPanel(
                        "other_conditions",
                        help_text=_("Conditions a machine cannot check; applicants are told to read them."),
                    ),
                ],
                heading=_("Eligibility"),
                help_text=_("Leave a criterion empty when the program does not restrict it."),
            ),
        ],
        base_form_class=ProgramForm,
    )

    def get_queryset(self, request):
        return (
            manageable_programs(request.user)
            .select_related("agency")
            .prefetch_related(
                Prefetch(
                    "workflow_states",
                    queryset=WorkflowState.objects.active().select_related("current_task_state__task"),
                    to_attr="_current_workflow_states",
                ),
                Prefetch(
                    "_revisions",
                    queryset=Revision.objects.filter(approved_go_live_at__isnull=False).defer("content"),
                    to_attr="_scheduled_revisions",
                ),
            )
        )

    def construct_view(self, view_class, **kwargs):
        # Every admin URL naming a program (edit, history, revisions, workflow, lock, …) is guarded.
        return only_manageable_programs(super().construct_view(view_class, **kwargs))
