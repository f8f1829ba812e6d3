"""The Elasticsearch index: its analysers, its one document class and the source of each document.

Text is analysed twice: `helix_folded` folds Vietnamese diacritics (đ → d by a char filter,
the tone and vowel marks by asciifolding, which also keeps the original token) so "dai hoc"
finds "Đại học"; the `.exact` sub-fields keep the words as written, so a query typed with its
diacritics ranks documents spelt that way first.
"""

from django.conf import settings
from elasticsearch.dsl import (
    Boolean,
    Completion,
    Date,
    Document,
    Index,
    Keyword,
    Long,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

from search.documents import SearchDocument

vietnamese_d = char_filter("helix_vietnamese_d", type="mapping", mappings=["đ => d", "Đ => D"])
ascii_folding = token_filter("helix_ascii_folding", type="asciifolding", preserve_original=True)

folded = analyzer(
    "helix_folded", tokenizer="standard", char_filter=[vietnamese_d], filter=["lowercase", ascii_folding]
)
exact = analyzer("helix_exact", tokenizer="standard", filter=["lowercase"])
# Suggestions and spelling compare folded words only: keeping originals would offer both spellings.
folded_only = analyzer(
    "helix_folded_only", tokenizer="standard", char_filter=[vietnamese_d], filter=["lowercase", "asciifolding"]
)

# Completion inputs: the title, and the title from each later word, so "thu dau" completes "Đại học Thủ Dầu Một".
MAX_SUGGEST_INPUTS = 6


class HelixDocument(Document):
    doc_type = Keyword()
    object_id = Long()
    title = Text(analyzer=folded, fields={"exact": Text(analyzer=exact)})
    body = Text(analyzer=folded, fields={"exact": Text(analyzer=exact)})
    extra_text = Text(analyzer=folded)
    url = Keyword(index=False)
    language = Keyword()
    is_public = Boolean()
    sector = Keyword()
    location = Keyword()
    stage = Keyword()
    kind = Keyword()
    opens_at = Date()
    closes_at = Date()
    published_at = Date()
    # Filled for public documents only: private words never reach completions or "did you mean".
    suggest = Completion(analyzer=folded_only, contexts=[{"name": "language", "type": "category"}])
    spelling = Text(analyzer=folded_only)


def index_definition(name: str) -> Index:
    """Return the index `name` with Helix's settings, analysers and mapping (not created yet)."""
    index = Index(name)
    # One shard is plenty for a region's ecosystem; a replica wherever a second node exists.
    index.settings(number_of_shards=1, auto_expand_replicas="0-1")
    index.document(HelixDocument)
    return index


def document_id(doc_type: str, object_id: int) -> str:
    return f"{doc_type}-{object_id}"


def suggest_inputs(title: str) -> list[str]:
    words = title.split()
    return [" ".join(words[start:]) for start in range(min(len(words), MAX_SUGGEST_INPUTS))]


def source_of(document: SearchDocument) -> dict:
    """Return what Elasticsearch stores for a document."""
    languages = [document.language] if document.language else [code for code, _name in settings.LANGUAGES]
    source = {
        "doc_type": document.doc_type,
        "object_id": document.object_id,
        "title": document.title,
        "body": document.snippet_text,
        "extra_text": document.extra_text,
        "url": document.url,
        "language": document.language,
        "is_public": document.is_public,
        **{facet: document.facet_values(facet) for facet in ("sector", "location", "stage", "kind")},
        "opens_at": document.opens_at,
        "closes_at": document.closes_at,
        "published_at": document.published_at,
    }
    if document.is_public:
        source["suggest"] = {"input": suggest_inputs(document.title), "contexts": {"language": languages}}
        source["spelling"] = f"{document.title} {document.body} {document.extra_text}"
    return source
