"""Vocabulary for documents: taxonomy terms read once per chunk, and labels in every site language."""

from dataclasses import dataclass

from ecosystem.models import CapabilityKind, Location, OrganisationKind, ProgramKind, Sector, Stage
from search.documents.base import bilingual_choices, join_text

KIND_LABELS = {**dict(OrganisationKind.choices), **dict(CapabilityKind.choices), **dict(ProgramKind.choices)}


def labels(choices, values: str | list[str]) -> list[str]:
    """Return the labels of these values in every site language (values nobody offers are left out)."""
    known = bilingual_choices(choices)
    return [known[value] for value in ([values] if isinstance(values, str) else values) if value in known]


@dataclass
class Taxonomy:
    """Every sector, location and stage by id: a few dozen rows each, read once instead of once per document."""

    sectors: dict[int, Sector]
    locations: dict[int, Location]
    stages: dict[int, Stage]

    @classmethod
    def load(cls) -> "Taxonomy":
        return cls(
            sectors={sector.pk: sector for sector in Sector.objects.select_related("parent")},
            locations={location.pk: location for location in Location.objects.all()},
            stages={stage.pk: stage for stage in Stage.objects.all()},
        )

    def pick(self, terms: dict, ids) -> list:
        return [terms[pk] for pk in ids or [] if pk in terms]


def sector_facet(sectors: list[Sector]) -> list[str]:
    """Return the slugs of the sectors and of their parents, so a parent sector finds its children's documents."""
    slugs = []
    for sector in sectors:
        slugs.append(sector.slug)
        if sector.parent_id:
            slugs.append(sector.parent.slug)
    return slugs


def taxonomy_text(*terms) -> str:
    """Return every name of the taxonomy terms (both languages, former names of places)."""
    names = []
    for term in terms:
        if term is None:
            continue
        names.extend(term.all_names() if hasattr(term, "all_names") else [term.name_vi, term.name_en])
    return join_text(*names)
