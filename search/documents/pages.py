"""Documents from the CMS: every live page anyone may read, in its own language."""

from datetime import UTC, datetime

from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search import index

from search.documents.base import DocumentSource, SearchDocument, join_text

# Pages created outside the editor (Wagtail's first page) may never have been published through it.
NEVER_PUBLISHED = datetime(2000, 1, 1, tzinfo=UTC)


def page_ids_with_descendants(ids: list[int]) -> list[int]:
    """Return the pages and everything below them: moving or restricting a page changes its subtree."""
    paths = list(Page.objects.filter(pk__in=ids).values_list("path", flat=True))
    if not paths:
        return ids
    below = Q()
    for path in paths:
        below |= Q(path__startswith=path)
    return [*ids, *Page.objects.filter(below).values_list("pk", flat=True)]


def _searchable_text(page) -> list[str]:
    # The same fields Wagtail's own search reads (`search_fields`), the title aside: it is the title.
    texts = [page.search_description]
    for search_field in page.search_fields:
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        value = search_field.get_value(page)
        for item in value if isinstance(value, list | tuple) else [value]:
            if item:
                texts.append(strip_tags(str(item)))
    return texts


class PageSource(DocumentSource):
    doc_type = "page"
    label = _("Pages")
    label_singular = _("Page")
    model = Page
    triggers = {"wagtailcore.page": page_ids_with_descendants}

    def queryset(self):
        # Only live pages without view restrictions: the rest never enter the index at all.
        return Page.objects.live().public().filter(depth__gt=1).select_related("locale")

    def version(self):
        return Coalesce(
            "last_published_at", "latest_revision_created_at", "first_published_at", Value(NEVER_PUBLISHED)
        )

    def documents(self, ids=None, *, chunk_size: int = 200):
        rows = self.queryset() if ids is None else self.queryset().filter(pk__in=list(ids))
        for page in rows.order_by("pk").specific().iterator(chunk_size=chunk_size):
            yield self.build(page, {})

    def build(self, page, related):
        return SearchDocument(
            doc_type=self.doc_type,
            object_id=page.pk,
            title=page.seo_title or page.title,
            url=page.get_url() or "",
            body=join_text(*_searchable_text(page)),
            language=page.locale.language_code,
            is_public=True,
            published_at=page.first_published_at or page.last_published_at or NEVER_PUBLISHED,
            version=(
                page.last_published_at or page.latest_revision_created_at or page.first_published_at or NEVER_PUBLISHED
            ),
        )
