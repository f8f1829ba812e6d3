"""The shared vocabularies in the Wagtail admin, grouped under one "Taxonomies" menu for moderators."""

from collections import Counter

import django_filters
from django.db import router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from ecosystem.admin_forms import LocationForm, SectorForm
from ecosystem.admin_i18n import TranslatedSnippetViewSet
from ecosystem.models import Location, ReadinessLevel, Sector, Stage, Technology


def deletion_blockers(instances) -> Counter:
    """Return, per model (plural name), how many rows forbid deleting `instances` (empty: deletable)."""
    instances = list(instances)
    if not instances:
        return Counter()
    collector = Collector(using=router.db_for_write(type(instances[0])))
    try:
        collector.collect(instances)
    except ProtectedError as error:
        blockers = error.protected_objects
    except RestrictedError as error:
        blockers = error.restricted_objects
    else:
        return Counter()
    return Counter(capfirst(blocker._meta.verbose_name_plural) for blocker in blockers)


class SectorFilterSet(WagtailFilterSet):
    parent = django_filters.ModelChoiceFilter(
        label=_("parent sector"), queryset=Sector.objects.filter(parent__isnull=True).order_by("name_vi")
    )

    class Meta:
        model = Sector
        fields = ["parent"]


class SectorViewSet(TranslatedSnippetViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Sectors")
    list_display = ["name_vi", "name_en", "parent", "slug"]
    filterset_class = SectorFilterSet
    search_fields = ["name_vi", "name_en", "slug"]
    ordering = ["parent__name_vi", "name_vi"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name_vi"), FieldPanel("name_en")]),
            FieldPanel("slug"),
            FieldPanel("parent"),
        ],
        base_form_class=SectorForm,
    )


class LocationViewSet(TranslatedSnippetViewSet):
    model = Location
    icon = "site"
    menu_label = _("Locations")
    list_display = ["name_vi", "name_en", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["name_vi", "name_en", "slug"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name_vi"), FieldPanel("name_en")]),
            FieldPanel("slug"),
            FieldPanel("kind"),
            FieldPanel("aliases"),
        ],
        base_form_class=LocationForm,
    )


class StageViewSet(TranslatedSnippetViewSet):
    model = Stage
    icon = "order"
    menu_label = _("Startup stages")
    list_display = ["name_vi", "name_en", "order", "slug"]
    search_fields = ["name_vi", "name_en"]
    panels = [
        FieldRowPanel([FieldPanel("name_vi"), FieldPanel("name_en")]),
        FieldPanel("slug"),
        FieldPanel("order"),
    ]


class ReadinessLevelViewSet(TranslatedSnippetViewSet):
    model = ReadinessLevel
    icon = "pick"
    menu_label = _("Readiness levels")
    list_display = ["level", "name_vi", "name_en"]
    panels = [FieldPanel("level"), FieldRowPanel([FieldPanel("name_vi"), FieldPanel("name_en")])]


class TechnologyViewSet(TranslatedSnippetViewSet):
    model = Technology
    icon = "cogs"
    menu_label = _("Technologies")
    list_display = ["name", "slug"]
    search_fields = ["name", "slug", "folded"]
    list_per_page = 50
    panels = [FieldPanel("name"), FieldPanel("slug")]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "tag"
    menu_name = "taxonomies"
    menu_order = 220
    items = (SectorViewSet, LocationViewSet, StageViewSet, ReadinessLevelViewSet, TechnologyViewSet)
