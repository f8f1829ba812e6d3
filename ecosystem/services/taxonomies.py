"""Installs the starting vocabularies; safe to run again (it updates by slug, never duplicates)."""

from django.apps import apps as global_apps
from django.apps.registry import Apps

from ecosystem import taxonomy_data
from ecosystem.slugs import slug_from
from kernel.text import fold


def taxonomies_install(*, apps: Apps = global_apps) -> dict[str, int]:
    """Create or update sectors, locations, stages, readiness levels and technology suggestions.

    `apps` lets a data migration pass its historical models. Returns the count of each.
    """
    sector_model = apps.get_model("ecosystem", "Sector")
    location_model = apps.get_model("ecosystem", "Location")
    stage_model = apps.get_model("ecosystem", "Stage")
    level_model = apps.get_model("ecosystem", "ReadinessLevel")
    technology_model = apps.get_model("ecosystem", "Technology")

    for slug, kind, name_vi, name_en, aliases in taxonomy_data.LOCATIONS:
        location_model.objects.update_or_create(
            slug=slug, defaults={"kind": kind, "name_vi": name_vi, "name_en": name_en, "aliases": aliases}
        )
    for slug, order, name_vi, name_en in taxonomy_data.STAGES:
        stage_model.objects.update_or_create(
            slug=slug, defaults={"order": order, "name_vi": name_vi, "name_en": name_en}
        )
    for level, name_vi, name_en in taxonomy_data.READINESS_LEVELS:
        level_model.objects.update_or_create(level=level, defaults={"name_vi": name_vi, "name_en": name_en})
    for slug, name_vi, name_en, children in taxonomy_data.SECTORS:
        parent, _ = sector_model.objects.update_or_create(
            slug=slug, defaults={"name_vi": name_vi, "name_en": name_en, "parent": None}
        )
        for child_slug, child_vi, child_en in children:
            sector_model.objects.update_or_create(
                slug=child_slug, defaults={"name_vi": child_vi, "name_en": child_en, "parent": parent}
            )
    for name in taxonomy_data.TECHNOLOGY_SUGGESTIONS:
        # Historical models in migrations do not run Technology.save(), so `folded` is set here.
        technology_model.objects.get_or_create(slug=slug_from(name), defaults={"name": name, "folded": fold(name)})
    return {
        "locations": location_model.objects.count(),
        "stages": stage_model.objects.count(),
        "readiness_levels": level_model.objects.count(),
        "sectors": sector_model.objects.count(),
        "technologies": technology_model.objects.count(),
    }
