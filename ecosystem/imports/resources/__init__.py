"""The datasets that can be imported and exported, by name."""

from ecosystem.imports.resources.base import BaseResource, FieldChange, RowChange
from ecosystem.imports.resources.capabilities import CapabilityResource
from ecosystem.imports.resources.organisations import OrganisationResource
from ecosystem.imports.resources.participations import ParticipationResource
from ecosystem.imports.resources.programs import ProgramResource

RESOURCES: dict[str, type[BaseResource]] = {
    resource.dataset: resource
    for resource in (OrganisationResource, CapabilityResource, ProgramResource, ParticipationResource)
}

__all__ = [
    "RESOURCES",
    "BaseResource",
    "CapabilityResource",
    "FieldChange",
    "OrganisationResource",
    "ParticipationResource",
    "ProgramResource",
    "RowChange",
]
