from ecosystem.models.organisations import (
    HELIX_OF_KIND,
    Helix,
    Invitation,
    JoinRequest,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
)
from ecosystem.models.participations import ParticipationRole, PastParticipation
from ecosystem.models.profiles import Capability, CapabilityKind, MentorOffer, Need, SeekingKind, StartupProfile
from ecosystem.models.program_history import ProgramLogEntry
from ecosystem.models.programs import Program, ProgramKind, ProgramStatus
from ecosystem.models.taxonomies import Location, LocationKind, ReadinessLevel, Sector, Stage, Technology

__all__ = [
    "HELIX_OF_KIND",
    "Capability",
    "CapabilityKind",
    "Helix",
    "Invitation",
    "JoinRequest",
    "Location",
    "LocationKind",
    "Membership",
    "MentorOffer",
    "Need",
    "Organisation",
    "OrganisationKind",
    "ParticipationRole",
    "PastParticipation",
    "Program",
    "ProgramKind",
    "ProgramLogEntry",
    "ProgramStatus",
    "ReadinessLevel",
    "Role",
    "Sector",
    "SeekingKind",
    "Stage",
    "StartupProfile",
    "Technology",
]
