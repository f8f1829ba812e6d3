"""What a search document is, and how a source of documents turns rows into documents."""

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Expression, Model, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise, cached_property

from search import text as search_text

# The body kept for snippets; longer texts are still matched up to MAX_MATCHED_LENGTH.
MAX_BODY_LENGTH = 4000
MAX_MATCHED_LENGTH = 20000
# The facets a document carries besides its type; the program status is computed from its dates.
DOCUMENT_FACETS = ("sector", "location", "stage", "kind")


@dataclass
class SearchDocument:
    """One searchable thing as every engine receives it: plain values, no model instances."""

    doc_type: str
    object_id: int
    title: str
    url: str
    published_at: datetime
    version: datetime
    body: str = ""
    # Matched but never shown: labels in both languages, former place names, organisation names.
    extra_text: str = ""
    language: str = ""  # "" = shown in every language
    is_public: bool = True
    facets: dict[str, list[str]] = field(default_factory=dict)
    opens_at: datetime | None = None
    closes_at: datetime | None = None

    def __post_init__(self):
        self.title = search_text.clean(self.title)[:300]
        self.body = search_text.clean(self.body)
        self.extra_text = search_text.clean(self.extra_text)
        unknown = set(self.facets) - set(DOCUMENT_FACETS)
        if unknown:
            raise ValueError(f"unknown facets {sorted(unknown)} on {self.doc_type} {self.object_id}")
        self.facets = {name: sorted({v for v in values if v}) for name, values in self.facets.items()}

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc_type, self.object_id)

    @property
    def snippet_text(self) -> str:
        return self.body[:MAX_BODY_LENGTH]

    @cached_property
    def title_folded(self) -> str:
        return search_text.folded_text(self.title)

    @cached_property
    def title_exact(self) -> str:
        return " ".join(search_text.exact_words(self.title))

    @cached_property
    def text_folded(self) -> str:
        return search_text.folded_text(self.body, self.extra_text)[:MAX_MATCHED_LENGTH]

    def facet_values(self, name: str) -> list[str]:
        return self.facets.get(name, [])


def join_text(*parts) -> str:
    """Return the non-empty parts as one text, one part per sentence."""
    return " · ".join(str(part).strip() for part in parts if part and str(part).strip())


def both_languages(label: str | Promise) -> str:
    """Return a translatable label in Vietnamese and English, so either language finds it."""
    names = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            names.append(str(label))
    return join_text(*dict.fromkeys(names))


_bilingual: dict[int, dict[str, str]] = {}


def bilingual_choices(choices) -> dict[str, str]:
    """Return {value: label in every site language} of a Choices class or a module-level list of choices.

    Computed once per process: translating a label costs more than building the rest of a document.
    """
    key = id(choices)
    if key not in _bilingual:
        pairs = choices.choices if hasattr(choices, "choices") else choices
        _bilingual[key] = {value: both_languages(label) for value, label in pairs}
    return _bilingual[key]


# Stand-ins that every URL converter accepts (int and slug), replaced by the real value after reversing.
URL_PLACEHOLDERS = {int: "9081726354453627", str: "search-url-placeholder"}


@functools.cache
def _url_template(name: str, kwarg: str, kind: type, language: str) -> str:
    with translation.override(language):
        return reverse(name, kwargs={kwarg: URL_PLACEHOLDERS[kind]})


def url_for(name: str, **kwargs) -> str:
    """Return reverse(name, kwargs) in the site's default language, reversing each URL pattern only once.

    Documents are shared by every language; the reader's language is added when results are shown.
    A rebuild reverses a URL per document, which costs more than the rest of building it otherwise.
    """
    ((kwarg, value),) = kwargs.items()
    kind = int if isinstance(value, int) else str
    return _url_template(name, kwarg, kind, settings.LANGUAGE_CODE).replace(URL_PLACEHOLDERS[kind], str(value))


class DocumentSource:
    """Where documents of one type come from.

    `queryset()` is every row that has a document (public or not: visibility is stored and filtered
    at query time), loaded for `build()`. `version()` is the expression the sweeper compares with
    what was indexed. `triggers` maps "app.model" (or "app.model.field" for a foreign key's value)
    to the function that turns those changed ids into this source's ids.
    """

    doc_type: str
    label: Promise  # plural, for the type facet
    label_singular: Promise  # for a result's badge
    model: type[Model]
    triggers: dict[str, Callable[[list[int]], Iterable[int]]] = {}

    def queryset(self) -> QuerySet:
        raise NotImplementedError

    def related(self, rows: list) -> dict:
        """Return what the rows' documents need besides the rows (tags, taxonomy terms), read per chunk."""
        return {}

    def build(self, obj, related: dict) -> SearchDocument:
        raise NotImplementedError

    def version(self) -> Expression:
        raise NotImplementedError

    def affected_ids(self, changes: dict[str, list[int]]) -> set[int]:
        """Return the ids of this source's rows whose documents the changed rows affect."""
        affected = set()
        for trigger, ids in changes.items():
            if ids and trigger in self.triggers:
                affected.update(self.triggers[trigger](ids))
        return affected

    def rows(self, ids: Iterable[int] | None = None, *, chunk_size: int = 1000) -> Iterator[list]:
        """Yield the rows with these ids (every row when `ids` is None) in chunks, in primary key order."""
        rows = self.queryset().order_by("pk")
        if ids is not None:
            ids = sorted(set(ids))
            for start in range(0, len(ids), chunk_size):
                yield list(rows.filter(pk__in=ids[start : start + chunk_size]))
            return
        # Keyset pagination: each chunk is an index range scan, however deep into the table.
        last = None
        while chunk := list((rows if last is None else rows.filter(pk__gt=last))[:chunk_size]):
            yield chunk
            last = chunk[-1].pk

    def documents(self, ids: Iterable[int] | None = None, *, chunk_size: int = 1000) -> Iterator[SearchDocument]:
        """Yield the documents of the rows with these ids (of every row when `ids` is None)."""
        for chunk in self.rows(ids, chunk_size=chunk_size):
            related = self.related(chunk)
            for obj in chunk:
                yield self.build(obj, related)


def related_values(relation, owner_ids: list[int], value: str | None = None) -> dict[int, list]:
    """Return {owner id: [target ids, or the targets' `value`]} of a many-to-many relation, in one flat query.

    Prefetching would build a model instance per row and relation; a rebuild reads millions of them.
    """
    field = relation.field
    owner, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    column = f"{target}__{value}" if value else f"{target}_id"
    values: dict[int, list] = {}
    pairs = relation.through.objects.filter(**{f"{owner}_id__in": owner_ids}).values_list(f"{owner}_id", column)
    for owner_id, target_value in pairs.order_by(f"{owner}_id", column):
        values.setdefault(owner_id, []).append(target_value)
    return values


def identity(ids: list[int]) -> list[int]:
    return ids
