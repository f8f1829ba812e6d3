"""Documents from the ecosystem: organisations, startups, capabilities, mentors, needs and programs.

Visibility mirrors `ecosystem.selectors.directories.*_list_visible` for anonymous visitors: a
document is public when everyone may see it on its directory and detail page.
"""

from datetime import datetime, time

from django.db.models import F
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from ecosystem.models import (
    Capability,
    CapabilityKind,
    MentorOffer,
    Need,
    Organisation,
    OrganisationKind,
    Program,
    ProgramKind,
    Sector,
    SeekingKind,
    StartupProfile,
)
from ecosystem.permissions import STARTUP_KINDS
from ecosystem.taxonomy_choices import LANGUAGE_CHOICES
from ecosystem.templatetags.directory_tags import public_name
from search.documents.base import DocumentSource, SearchDocument, identity, join_text, related_values, url_for
from search.documents.taxonomy import KIND_LABELS, Taxonomy, labels, sector_facet, taxonomy_text

__all__ = ["KIND_LABELS"]


def organisation_is_public(organisation: Organisation | None) -> bool:
    return organisation is None or (organisation.is_public and not organisation.is_hidden)


def end_of_day(day) -> datetime | None:
    return timezone.make_aware(datetime.combine(day, time.max)) if day else None


def _ids(queryset) -> list[int]:
    return list(queryset.values_list("pk", flat=True))


def _through(relation, ids, column: str) -> list[int]:
    owner = f"{relation.field.m2m_field_name()}_id"
    return list(relation.through.objects.filter(**{f"{column}__in": ids}).values_list(owner, flat=True))


def _sector_ids_with_children(ids: list[int]) -> list[int]:
    # Renaming a parent sector changes the documents tagged with its children too (they carry its slug).
    return [*ids, *Sector.objects.filter(parent_id__in=ids).values_list("pk", flat=True)]


def _tagged(relation):
    return lambda ids: _through(relation, ids, "technology_id")


def _in_sectors(relation):
    return lambda ids: _through(relation, _sector_ids_with_children(ids), "sector_id")


class OrganisationSource(DocumentSource):
    """Organisations other than startups with a profile (those are found as startups)."""

    doc_type = "organisation"
    label = _("Organisations")
    label_singular = _("Organisation")
    model = Organisation
    triggers = {
        "ecosystem.organisation": identity,
        # Creating or deleting a startup profile moves its organisation between the two types.
        "ecosystem.startupprofile.organisation_id": identity,
    }

    def queryset(self):
        with_profile = StartupProfile.objects.values("organisation_id")
        return Organisation.objects.exclude(kind__in=STARTUP_KINDS, pk__in=with_profile)

    def version(self):
        return F("updated_at")

    def build(self, organisation, related):
        return SearchDocument(
            doc_type=self.doc_type,
            object_id=organisation.pk,
            title=organisation.name,
            url=url_for("ecosystem:organisation_detail", slug=organisation.slug),
            body=organisation.summary,
            extra_text=join_text(*labels(OrganisationKind, organisation.kind)),
            is_public=organisation_is_public(organisation),
            facets={"kind": [organisation.kind]},
            published_at=organisation.created_at,
            version=organisation.updated_at,
        )


class StartupSource(DocumentSource):
    doc_type = "startup"
    label = _("Startups and SMEs")
    label_singular = _("Startup or SME")
    model = StartupProfile
    triggers = {
        "ecosystem.startupprofile": identity,
        "ecosystem.organisation": lambda ids: _ids(StartupProfile.objects.filter(organisation_id__in=ids)),
        "ecosystem.sector": _in_sectors(StartupProfile.sectors),
        "ecosystem.technology": _tagged(StartupProfile.technologies),
        "ecosystem.location": lambda ids: _ids(StartupProfile.objects.filter(location_id__in=ids)),
        "ecosystem.stage": lambda ids: _ids(StartupProfile.objects.filter(stage_id__in=ids)),
    }

    def queryset(self):
        return StartupProfile.objects.filter(organisation__kind__in=STARTUP_KINDS).select_related("organisation")

    def version(self):
        return Greatest("updated_at", "organisation__updated_at")

    def related(self, rows):
        ids = [row.pk for row in rows]
        return {
            "taxonomy": Taxonomy.load(),
            "sectors": related_values(StartupProfile.sectors, ids),
            "technologies": related_values(StartupProfile.technologies, ids, "name"),
        }

    def build(self, profile, related):
        organisation, taxonomy = profile.organisation, related["taxonomy"]
        sectors = taxonomy.pick(taxonomy.sectors, related["sectors"].get(profile.pk))
        location = taxonomy.locations.get(profile.location_id)
        stage = taxonomy.stages.get(profile.stage_id)
        return SearchDocument(
            doc_type=self.doc_type,
            object_id=profile.pk,
            title=organisation.name,
            url=url_for("ecosystem:startup_detail", slug=organisation.slug),
            body=join_text(profile.pitch, organisation.summary, profile.description),
            extra_text=join_text(
                *related["technologies"].get(profile.pk, []),
                taxonomy_text(*sectors, stage, location),
                *labels(OrganisationKind, organisation.kind),
                *labels(SeekingKind, profile.seeking),
            ),
            is_public=organisation_is_public(organisation),
            facets={
                "sector": sector_facet(sectors),
                "location": [location.slug] if location else [],
                "stage": [stage.slug] if stage else [],
                "kind": [organisation.kind],
            },
            published_at=organisation.created_at,
            version=max(profile.updated_at, organisation.updated_at),
        )


class _PostedItemSource(DocumentSource):
    """Capabilities and needs: posted by an organisation, tagged with sectors and technologies.

    A subclass names its `model` and the many-to-many to sectors (`sectors_field`); the triggers
    and the related rows follow from them.
    """

    sectors_field: str

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        model, sectors = cls.model, getattr(cls.model, cls.sectors_field)
        cls.triggers = {
            f"ecosystem.{model._meta.model_name}": identity,
            "ecosystem.organisation": lambda ids: _ids(model.objects.filter(organisation_id__in=ids)),
            "ecosystem.sector": _in_sectors(sectors),
            "ecosystem.technology": _tagged(model.technologies),
        }

    def queryset(self):
        return self.model.objects.select_related("organisation")

    def related(self, rows):
        ids = [row.pk for row in rows]
        return {
            "taxonomy": Taxonomy.load(),
            "sectors": related_values(getattr(self.model, self.sectors_field), ids),
            "technologies": related_values(self.model.technologies, ids, "name"),
        }


class CapabilitySource(_PostedItemSource):
    doc_type = "capability"
    label = _("Research capabilities")
    label_singular = _("Research capability")
    model = Capability
    sectors_field = "research_areas"

    def version(self):
        return Greatest("updated_at", Coalesce("organisation__updated_at", "updated_at"))

    def build(self, capability, related):
        organisation, taxonomy = capability.organisation, related["taxonomy"]
        areas = taxonomy.pick(taxonomy.sectors, related["sectors"].get(capability.pk))
        return SearchDocument(
            doc_type=self.doc_type,
            object_id=capability.pk,
            title=capability.title,
            url=url_for("ecosystem:capability_detail", pk=capability.pk),
            body=join_text(capability.description, capability.availability),
            extra_text=join_text(
                organisation.name if organisation else "",
                *related["technologies"].get(capability.pk, []),
                taxonomy_text(*areas),
                *labels(CapabilityKind, capability.kind),
            ),
            is_public=capability.is_public and not capability.is_hidden and organisation_is_public(organisation),
            facets={"sector": sector_facet(areas), "kind": [capability.kind]},
            published_at=capability.created_at,
            version=max(capability.updated_at, organisation.updated_at if organisation else capability.updated_at),
        )


class MentorSource(DocumentSource):
    doc_type = "mentor"
    label = _("Mentors")
    label_singular = _("Mentor")
    model = MentorOffer
    triggers = {
        "ecosystem.mentoroffer": identity,
        # A mentor's name and whether their account is active live on the user.
        "accounts.user": lambda ids: _ids(MentorOffer.objects.filter(user_id__in=ids)),
        "ecosystem.sector": _in_sectors(MentorOffer.sectors),
    }

    def queryset(self):
        return MentorOffer.objects.select_related("user")

    def version(self):
        return F("updated_at")

    def related(self, rows):
        return {"taxonomy": Taxonomy.load(), "sectors": related_values(MentorOffer.sectors, [row.pk for row in rows])}

    def build(self, offer, related):
        taxonomy = related["taxonomy"]
        sectors = taxonomy.pick(taxonomy.sectors, related["sectors"].get(offer.pk))
        name = str(public_name(offer.user))
        return SearchDocument(
            doc_type=self.doc_type,
            object_id=offer.pk,
            # The public name only: a mentor's e-mail address is a contact detail, never searchable.
            title=f"{name} — {offer.headline}" if offer.user.get_full_name() else offer.headline,
            url=url_for("ecosystem:mentor_detail", pk=offer.pk),
            body=join_text(offer.headline, offer.expertise, offer.availability),
            extra_text=join_text(taxonomy_text(*sectors), *labels(LANGUAGE_CHOICES, offer.languages)),
            is_public=offer.is_public and not offer.is_hidden and offer.user.is_active,
            facets={"sector": sector_facet(sectors)},
            published_at=offer.created_at,
            version=offer.updated_at,
        )


class NeedSource(_PostedItemSource):
    doc_type = "need"
    label = _("Needs")
    label_singular = _("Need")
    model = Need
    sectors_field = "sectors"

    def version(self):
        return Greatest("updated_at", "organisation__updated_at")

    def build(self, need, related):
        organisation, taxonomy = need.organisation, related["taxonomy"]
        sectors = taxonomy.pick(taxonomy.sectors, related["sectors"].get(need.pk))
        return SearchDocument(
            doc_type=self.doc_type,
            object_id=need.pk,
            title=need.title,
            url=url_for("ecosystem:need_detail", pk=need.pk),
            body=join_text(need.problem, need.desired_outcome),
            extra_text=join_text(
                organisation.name,
                *related["technologies"].get(need.pk, []),
                taxonomy_text(*sectors),
                *labels(OrganisationKind, need.respondent_kinds),
            ),
            is_public=need.is_public and not need.is_hidden and organisation_is_public(organisation),
            facets={"sector": sector_facet(sectors)},
            closes_at=end_of_day(need.deadline),
            published_at=need.created_at,
            version=max(need.updated_at, organisation.updated_at),
        )


class ProgramSource(DocumentSource):
    doc_type = "program"
    label = _("Programs")
    label_singular = _("Program")
    model = Program
    triggers = {
        "ecosystem.program": identity,
        "ecosystem.organisation": lambda ids: _ids(Program.objects.filter(agency_id__in=ids)),
        "ecosystem.sector": _in_sectors(Program.eligible_sectors),
        "ecosystem.location": lambda ids: _through(Program.eligible_locations, ids, "location_id"),
        "ecosystem.stage": lambda ids: _through(Program.eligible_stages, ids, "stage_id"),
    }

    def queryset(self):
        return Program.objects.select_related("agency")

    def version(self):
        return F("updated_at")

    def related(self, rows):
        ids = [row.pk for row in rows]
        return {
            "taxonomy": Taxonomy.load(),
            "sectors": related_values(Program.eligible_sectors, ids),
            "locations": related_values(Program.eligible_locations, ids),
            "stages": related_values(Program.eligible_stages, ids),
        }

    def build(self, program, related):
        taxonomy = related["taxonomy"]
        sectors = taxonomy.pick(taxonomy.sectors, related["sectors"].get(program.pk))
        locations = taxonomy.pick(taxonomy.locations, related["locations"].get(program.pk))
        stages = taxonomy.pick(taxonomy.stages, related["stages"].get(program.pk))
        return SearchDocument(
            doc_type=self.doc_type,
            object_id=program.pk,
            title=program.title,
            url=url_for("ecosystem:program_detail", slug=program.slug),
            body=join_text(program.summary, strip_tags(program.description), program.other_conditions),
            extra_text=join_text(
                program.agency.name,
                strip_tags(program.how_to_apply),
                taxonomy_text(*sectors, *locations, *stages),
                *labels(ProgramKind, program.kind),
            ),
            # Drafts, and calls a moderator hid, are for their agency and moderators only.
            is_public=program.live and not program.is_hidden,
            facets={
                "sector": sector_facet(sectors),
                "location": [location.slug for location in locations],
                "stage": [stage.slug for stage in stages],
                "kind": [program.kind],
            },
            opens_at=program.opens_at,
            closes_at=program.closes_at,
            published_at=program.first_published_at or program.created_at,
            version=program.updated_at,
        )
