"""The Elasticsearch backend: mapping and queries checked through the DSL objects, answers parsed from
canned responses, an unreachable cluster, and the shared contract when ELASTICSEARCH_URL names a cluster."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from elasticsearch.dsl.faceted_search_base import FacetedResponse
from elasticsearch.dsl.response import Response

from search.backends import SearchUnavailable
from search.backends.elasticsearch import SearchBackend
from search.backends.elasticsearch.documents import index_definition, source_of
from search.backends.elasticsearch.faceted import (
    HelixFacetedSearch,
    completion_search,
    spelling_search,
    status_query,
)
from search.highlight import MARK_END, MARK_START
from search.query import SearchQuery
from tests.search.contract import BackendContract, document

NOW = timezone.now()


def built(**kwargs) -> dict:
    return HelixFacetedSearch(SearchQuery(now=NOW, **kwargs), index="helix-search")._s.to_dict()


def test_the_index_folds_vietnamese_and_keeps_the_original():
    definition = index_definition("helix-search-1").to_dict()
    analysis = definition["settings"]["analysis"]
    assert analysis["char_filter"]["helix_vietnamese_d"] == {"type": "mapping", "mappings": ["đ => d", "Đ => D"]}
    assert analysis["filter"]["helix_ascii_folding"] == {"type": "asciifolding", "preserve_original": True}
    assert analysis["analyzer"]["helix_folded"] == {
        "type": "custom",
        "tokenizer": "standard",
        "char_filter": ["helix_vietnamese_d"],
        "filter": ["lowercase", "helix_ascii_folding"],
    }
    properties = definition["mappings"]["properties"]
    assert properties["title"]["analyzer"] == "helix_folded"
    assert properties["title"]["fields"]["exact"]["analyzer"] == "helix_exact"  # the original, for ranking
    assert properties["suggest"]["type"] == "completion"
    assert properties["suggest"]["contexts"] == [{"name": "language", "type": "category"}]
    for facet in ("doc_type", "sector", "location", "stage", "kind", "language"):
        assert properties[facet] == {"type": "keyword"}
    assert properties["url"] == {"type": "keyword", "index": False}
    assert "status" not in properties  # computed at query time, never stored


def test_the_query_matches_folded_words_and_ranks_exact_spelling():
    body = built(text="Đại học THỦ")
    query = body["query"]["bool"]
    assert query["must"][0]["multi_match"] == {
        "query": "dai hoc thu",
        "fields": ["title^3", "body", "extra_text"],
        "type": "cross_fields",
        "operator": "and",
    }
    assert query["should"][0]["multi_match"]["query"] == "đại học thủ"
    assert {"term": {"is_public": True}} in query["filter"]
    assert {"terms": {"language": ["", "vi"]}} in query["filter"]
    assert body["highlight"]["pre_tags"] == [MARK_START] and body["highlight"]["post_tags"] == [MARK_END]
    assert body["track_total_hits"] is True and (body["from"], body["size"]) == (0, 20)


def test_facets_ignore_their_own_filter_and_results_obey_all():
    body = built(filters={"type": ("program",), "status": ("open",)}, page=3, page_size=10)
    assert body["from"] == 20 and body["size"] == 10
    post_filter = str(body["post_filter"])
    assert "'terms': {'doc_type': ['program']}" in post_filter and "opens_at" in post_filter
    assert "doc_type" not in str(body["aggs"]["_filter_type"]["filter"]).replace("'doc_type': 'program'", "")
    assert body["aggs"]["_filter_status"]["filter"] == {"terms": {"doc_type": ["program"]}}
    statuses = body["aggs"]["_filter_status"]["aggs"]["status"]["filters"]["filters"]
    assert set(statuses) == {"forthcoming", "open", "closing_soon", "closed"}
    for facet in ("sector", "location", "stage", "kind"):
        assert body["aggs"][f"_filter_{facet}"]["aggs"][facet]["terms"]["field"] == facet


def test_program_status_is_a_date_condition_for_the_moment_of_the_query():
    later = NOW + timedelta(days=3)
    condition = status_query("closing_soon", later).to_dict()
    text = str(condition)
    assert later.isoformat() in text and (later + timedelta(days=14)).isoformat() in text
    assert {"term": {"doc_type": "program"}} in condition["bool"]["must"]


def test_sorts():
    assert built(text="iot")["sort"][0] == "_score"
    assert built(text="iot", sort="newest")["sort"][0] == {"published_at": {"order": "desc"}}
    assert built()["sort"][0] == {"published_at": {"order": "desc"}}  # no words: newest first
    closing = built(sort="closing")["sort"]
    assert closing[0]["_script"]["script"]["params"]["now"] == int(NOW.timestamp() * 1000)


def test_no_aggregations_when_facets_are_not_wanted():
    assert "aggs" not in built(text="iot", with_facets=False)


def test_completion_asks_for_titles_in_the_readers_language():
    from elasticsearch.dsl import Search

    body = completion_search(Search(index="helix-search"), "dai hoc", language="en", limit=5).to_dict()
    completion = body["suggest"]["titles"]["completion"]
    assert body["suggest"]["titles"]["prefix"] == "dai hoc"
    assert completion["field"] == "suggest" and completion["size"] == 5
    assert completion["contexts"] == {"language": ["en"]}


def test_spelling_suggestions_read_only_the_words_of_public_documents():
    from elasticsearch.dsl import Search

    body = spelling_search(Search(index="helix-search"), "dai hocc").to_dict()
    assert body["suggest"]["spelling"]["term"]["field"] == "spelling"  # filled for public documents only


def test_private_documents_give_no_suggestions_or_spelling_words():
    public = source_of(document(title="Đại học Thủ Dầu Một", body="Trường"))
    assert public["suggest"]["input"][:2] == ["Đại học Thủ Dầu Một", "học Thủ Dầu Một"]
    assert public["suggest"]["contexts"] == {"language": ["vi", "en"]}
    assert "Trường" in public["spelling"]
    private = source_of(document(title="Secret", is_public=False))
    assert "suggest" not in private and "spelling" not in private and private["is_public"] is False
    assert source_of(document("page", title="About", language="en"))["suggest"]["contexts"] == {"language": ["en"]}


def test_answers_are_parsed_into_hits_facets_and_safe_snippets(monkeypatch):
    raw = {
        "took": 1,
        "timed_out": False,
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "max_score": 2.0,
            "hits": [
                {
                    "_index": "helix-search-1",
                    "_id": "need-7",
                    "_score": 2.0,
                    "_source": {
                        "doc_type": "need",
                        "object_id": 7,
                        "title": "Cảm biến",
                        "url": "/needs/7/",
                        "body": "x",
                        "published_at": NOW.isoformat(),
                        "closes_at": None,
                    },
                    "highlight": {"body": [f"<b>bold</b> {MARK_START}cảm{MARK_END} biến"]},
                }
            ],
        },
        "aggregations": {
            **{
                f"_filter_{facet}": {"doc_count": 1, facet: {"buckets": [{"key": key, "doc_count": 1}]}}
                for facet, key in (("type", "need"), ("sector", "water"), ("location", "hue"))
            },
            **{f"_filter_{facet}": {"doc_count": 1, facet: {"buckets": []}} for facet in ("stage", "kind")},
            "_filter_status": {
                "doc_count": 0,
                "status": {
                    "buckets": {s: {"doc_count": 0} for s in ("forthcoming", "open", "closing_soon", "closed")}
                },
            },
        },
    }

    def execute(self):
        response = FacetedResponse(self._s, raw)
        response._faceted_search = self
        return response

    monkeypatch.setattr(HelixFacetedSearch, "execute", execute)
    monkeypatch.setattr(SearchBackend, "_suggest_spelling", lambda self, query, results: None)
    backend = SearchBackend("test", URLS=["http://127.0.0.1:9"])
    results = backend.search(SearchQuery(text="cam bien", filters={"sector": ("water",)}))
    assert results.count == 1
    hit = results.hits[0]
    assert (hit.doc_type, hit.object_id, hit.url) == ("need", 7, "/needs/7/")
    assert hit.snippet == "&lt;b&gt;bold&lt;/b&gt; <mark>cảm</mark> biến"
    assert hit.published_at == NOW
    assert [(o.value, o.count, o.selected) for o in results.facets["sector"]] == [("water", 1, True)]
    assert results.facets["status"] == [] and results.facets["location"][0].value == "hue"


def test_did_you_mean_comes_from_the_term_suggester(monkeypatch):
    answers = iter([{"value": 0}, {"value": 3}])

    def search(self, query):
        from search.query import SearchResults

        return SearchResults(count=next(answers)["value"], hits=[])

    def execute(self, ignore_cache=False):
        return Response(
            self,
            {
                "hits": {"total": {"value": 0}, "hits": []},
                "suggest": {
                    "spelling": [
                        {"text": "giam", "offset": 0, "length": 4, "options": []},
                        {"text": "satt", "offset": 5, "length": 4, "options": [{"text": "sat", "score": 0.7}]},
                    ]
                },
            },
        )

    from elasticsearch.dsl import Search

    monkeypatch.setattr(SearchBackend, "_search", search)
    monkeypatch.setattr(Search, "execute", execute)
    results = SearchBackend("test", URLS=["http://127.0.0.1:9"]).search(SearchQuery(text="giam satt"))
    assert (results.suggestion, results.corrected, results.count) == ("giam sat", True, 3)


def test_an_unreachable_cluster_is_reported_not_raised_raw():
    backend = SearchBackend("down", URLS=["http://127.0.0.1:9"], TIMEOUT=1)
    with pytest.raises(SearchUnavailable):
        backend.search(SearchQuery(text="iot"))
    with pytest.raises(SearchUnavailable):
        backend.suggest(text="iot", language="vi")
    with pytest.raises(SearchUnavailable):
        backend.index_documents([document(title="x")])
    with pytest.raises(Exception):  # noqa: B017 - /healthz reports whatever the client raises
        backend.check()


@pytest.mark.django_db
@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="set ELASTICSEARCH_URL to run against a cluster")
class TestElasticsearchBackend(BackendContract):
    @pytest.fixture
    def backend(self):
        backend = SearchBackend(
            "contract",
            URLS=[os.environ["ELASTICSEARCH_URL"]],
            INDEX=f"helix-contract-{os.getpid()}",
            REFRESH=True,
        )
        backend.clear()
        yield backend
        backend.clear()
