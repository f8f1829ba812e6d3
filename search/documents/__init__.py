"""The document types Helix searches, in the order the type facet lists them."""

from search.documents.base import DOCUMENT_FACETS, DocumentSource, SearchDocument
from search.documents.ecosystem import (
    CapabilitySource,
    MentorSource,
    NeedSource,
    OrganisationSource,
    ProgramSource,
    StartupSource,
)
from search.documents.pages import PageSource

SOURCES: dict[str, DocumentSource] = {
    source.doc_type: source
    for source in (
        StartupSource(),
        OrganisationSource(),
        ProgramSource(),
        CapabilitySource(),
        NeedSource(),
        MentorSource(),
        PageSource(),
    )
}
DOC_TYPES = tuple(SOURCES)


def source_for(doc_type: str) -> DocumentSource:
    """Return the source of a document type; an unknown type is a programming error and raises KeyError."""
    return SOURCES[doc_type]


def trigger_labels() -> set[str]:
    """Return every "app.model" and "app.model.field" whose changes some document depends on."""
    return {trigger for source in SOURCES.values() for trigger in source.triggers}


__all__ = ["DOCUMENT_FACETS", "DOC_TYPES", "SOURCES", "DocumentSource", "SearchDocument", "source_for"]
