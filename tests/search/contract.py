"""The contract every search backend keeps: run it with `class TestXBackend(BackendContract)`.

A subclass provides the `backend` fixture (an empty backend). The documents come from real
ecosystem rows through the real document sources, so what is tested is what users search.
"""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from search.documents import SearchDocument
from search.query import SearchQuery
from search.text import clean
from tests.search.conftest import build_ecosystem

HOSTILE_QUERIES = [
    "a" * 5000,
    " ".join(["từ"] * 500),
    "!@#$%^&*()_+{}|:<>?~`-=[]\\;',./",
    "' OR 1=1; DROP TABLE search_entry; --",
    '"unclosed quote',
    "title:(foo OR bar) AND NOT baz~2^3 /regex/ field:[* TO *]",
    "foo && bar || !baz",
    "NEAR(a b) {title_folded}: x* ^",
    "cảm\x00biến\x00",
    "\x00\x01\x02\x1b[31m",
    "<script>alert(1)</script>",
    "%s %d %(name)s {0} ${x}",
    "😀🚀 漢字 العربية",
    "   ",
    "",
]


def document(doc_type="organisation", object_id=1, title="", body="", **extra) -> SearchDocument:
    now = extra.pop("published_at", timezone.now())
    return SearchDocument(
        doc_type=doc_type,
        object_id=object_id,
        title=title,
        url=f"/{doc_type}/{object_id}/",
        body=body,
        published_at=now,
        version=now,
        **extra,
    )


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


def counts(results, facet: str) -> dict[str, int]:
    return {option.value: option.count for option in results.facets[facet]}


class BackendContract:
    """What every search backend must do, whatever engine is behind it."""

    @pytest.fixture
    def backend(self):
        raise NotImplementedError("a backend test class provides an empty backend")

    @pytest.fixture
    def ecosystem(self, backend, taxonomies):
        ecosystem = build_ecosystem()
        backend.index_documents(ecosystem.documents)
        return ecosystem

    @staticmethod
    def search(backend, **kwargs):
        return backend.search(SearchQuery(**kwargs))

    # -- words, diacritics, ranking ---------------------------------------------------------------

    @pytest.mark.parametrize(
        "text", ["dai hoc thu dau mot", "Đại học Thủ Dầu Một", "ĐẠI HỌC THỦ DẦU MỘT", "mot dau thu hoc dai"]
    )
    def test_diacritics_case_and_word_order_do_not_matter(self, backend, ecosystem, text):
        results = self.search(backend, text=text)
        assert titles(results)[0] == "Đại học Thủ Dầu Một"

    def test_words_in_the_body_and_in_labels_are_found(self, backend, ecosystem):
        assert "AquaSense" in titles(self.search(backend, text="oxy hoa tan"))
        # The sector's English label is matched though the startup never wrote it.
        assert "AquaSense" in titles(self.search(backend, text="aquaculture"))
        assert "AquaSense" in titles(self.search(backend, text="internet of things"))

    def test_every_word_must_match(self, backend, ecosystem):
        assert self.search(backend, text="aquasense zzzzqqq").count == 0

    def test_title_matches_rank_above_body_matches(self, backend):
        backend.index_documents(
            [
                document(object_id=1, title="Nông trại xanh", body="Chúng tôi dùng cảm biến độ ẩm."),
                document(object_id=2, title="Cảm biến độ ẩm đất", body="Thiết bị cho nông trại."),
            ]
        )
        assert titles(self.search(backend, text="cảm biến")) == ["Cảm biến độ ẩm đất", "Nông trại xanh"]

    def test_exact_spelling_ranks_first(self, backend):
        backend.index_documents(
            [
                document(object_id=1, title="Thu hoạch lúa"),
                document(object_id=2, title="Thủ công mỹ nghệ"),
            ]
        )
        assert titles(self.search(backend, text="thủ"))[0] == "Thủ công mỹ nghệ"
        assert set(titles(self.search(backend, text="thu"))) == {"Thu hoạch lúa", "Thủ công mỹ nghệ"}

    def test_former_province_names_find_their_current_location(self, backend, ecosystem):
        found = titles(self.search(backend, text="Bình Dương"))
        assert "AquaSense" in found  # located in Ho Chi Minh City, which Bình Dương joined in 2025
        assert ecosystem.open_program.title in found  # open to Ho Chi Minh City
        assert "Giao Thông Xanh" not in found
        assert titles(self.search(backend, text="binh duong")) == found

    # -- facets and filters -----------------------------------------------------------------------

    def test_facet_counts_describe_the_public_documents(self, backend, ecosystem):
        results = self.search(backend)
        public = ecosystem.public()
        assert results.count == len(public)
        assert counts(results, "type") == Counter(d.doc_type for d in public)
        for facet in ("sector", "location", "stage", "kind"):
            expected = Counter(value for d in public for value in d.facet_values(facet))
            assert counts(results, facet) == expected, facet
        assert counts(results, "sector")["agriculture"] == 1  # the parent counts its children's documents
        assert counts(results, "location")["ho-chi-minh"] == 2
        assert counts(results, "status") == {"open": 1, "closing_soon": 1, "forthcoming": 1}

    def test_program_status_is_computed_when_searching(self, backend, ecosystem):
        later = ecosystem.now + timedelta(days=20)
        results = self.search(backend, now=later)
        assert counts(results, "status") == {"closing_soon": 1, "closed": 1, "open": 1}
        closed = self.search(backend, filters={"status": ("closed",)}, now=later)
        assert titles(closed) == [ecosystem.closing_program.title]

    def test_filters_combine(self, backend, ecosystem):
        startups_in_hcmc = self.search(backend, filters={"type": ("startup",), "location": ("ho-chi-minh",)})
        assert titles(startups_in_hcmc) == ["AquaSense"]
        either_type = self.search(
            backend, filters={"type": ("startup", "program"), "location": ("ho-chi-minh",)}, sort="newest"
        )
        assert set(titles(either_type)) == {"AquaSense", ecosystem.open_program.title}
        with_words = self.search(backend, text="khoi nghiep", filters={"type": ("program",)})
        assert set(titles(with_words)) == {ecosystem.open_program.title, ecosystem.closing_program.title}

    def test_a_parent_sector_finds_its_children(self, backend, ecosystem):
        assert titles(self.search(backend, filters={"sector": ("agriculture",)})) == ["AquaSense"]

    def test_facet_counts_ignore_their_own_filter(self, backend, ecosystem):
        results = self.search(backend, filters={"type": ("startup",)})
        assert results.count == 2
        type_counts = counts(results, "type")
        assert type_counts["startup"] == 2 and type_counts["program"] == 3  # the other choices stay visible
        assert [option.value for option in results.facets["type"] if option.selected] == ["startup"]
        assert counts(results, "location") == {"ho-chi-minh": 1, "ha-noi": 1}  # other facets follow the filter

    @pytest.mark.parametrize(
        ("status", "program"),
        [("open", "open_program"), ("closing_soon", "closing_program"), ("forthcoming", "forthcoming_program")],
    )
    def test_status_filter(self, backend, ecosystem, status, program):
        results = self.search(backend, filters={"status": (status,)})
        assert titles(results) == [getattr(ecosystem, program).title]

    def test_unknown_filter_values_match_nothing(self, backend, ecosystem):
        assert self.search(backend, filters={"sector": ("'; DROP TABLE search_entry; --",)}).count == 0
        assert self.search(backend).count == len(ecosystem.public())

    # -- sorting and pagination -------------------------------------------------------------------

    def test_sort_newest_and_closing_soon(self, backend):
        now = timezone.now()
        backend.index_documents(
            [
                document("program", 1, "Closes in ten days", published_at=now - timedelta(days=3),
                         opens_at=now - timedelta(days=20), closes_at=now + timedelta(days=10)),
                document("program", 2, "Closed yesterday", published_at=now - timedelta(days=1),
                         opens_at=now - timedelta(days=20), closes_at=now - timedelta(days=1)),
                document("need", 3, "Deadline in two days", published_at=now - timedelta(days=2),
                         closes_at=now + timedelta(days=2)),
                document("organisation", 4, "No deadline", published_at=now),
            ]
        )  # fmt: skip
        newest = titles(self.search(backend, sort="newest"))
        assert newest == ["No deadline", "Closed yesterday", "Deadline in two days", "Closes in ten days"]
        closing = titles(self.search(backend, sort="closing", now=now))
        assert closing == ["Deadline in two days", "Closes in ten days", "Closed yesterday", "No deadline"]

    def test_pagination(self, backend):
        now = timezone.now()
        backend.index_documents(
            [document(object_id=i, title=f"Trang {i}", published_at=now - timedelta(hours=i)) for i in range(1, 8)]
        )
        pages = [self.search(backend, sort="newest", page=page, page_size=3) for page in (1, 2, 3)]
        assert [titles(page) for page in pages] == [
            ["Trang 1", "Trang 2", "Trang 3"],
            ["Trang 4", "Trang 5", "Trang 6"],
            ["Trang 7"],
        ]
        assert {page.count for page in pages} == {7}
        beyond = self.search(backend, sort="newest", page=4, page_size=3)
        assert beyond.count == 7 and beyond.hits == []

    def test_without_words_the_newest_come_first(self, backend):
        now = timezone.now()
        backend.index_documents(
            [
                document(object_id=1, title="Older", published_at=now - timedelta(days=1)),
                document(object_id=2, title="Newer"),
            ]
        )
        assert titles(self.search(backend)) == ["Newer", "Older"]

    def test_since_keeps_documents_published_after(self, backend):
        now = timezone.now()
        backend.index_documents(
            [
                document(object_id=1, title="Old news", published_at=now - timedelta(days=9)),
                document(object_id=2, title="Fresh news"),
            ]
        )
        assert titles(self.search(backend, text="news", since=now - timedelta(days=1))) == ["Fresh news"]

    # -- who sees what ----------------------------------------------------------------------------

    def test_private_hidden_and_draft_content_is_never_found(self, backend, ecosystem):
        private_titles = {
            "Stealthy Sensors",
            "Máy đo cảm biến quarantined",
            "Kiểm tra nội bộ zyxwvut",
            "Bản nháp zyxwvut",
        }
        assert private_titles <= {d.title for d in ecosystem.documents if not d.is_public}
        for text in ("zyxwvut", "stealthy", "quarantined", "cảm biến", ""):
            results = self.search(backend, text=text, page_size=100)
            assert not private_titles & set(titles(results)), text
        assert self.search(backend, text="zyxwvut").count == 0
        assert not backend.suggest(text="stealthy", language="vi")
        assert not backend.suggest(text="ban nhap", language="vi")
        # A word found only in private documents is never offered as a correction.
        assert self.search(backend, text="zyxwvuu").suggestion is None

    def test_pages_show_in_their_own_language_only(self, backend):
        backend.index_documents(
            [
                document("page", 1, "Giới thiệu về Helix", language="vi"),
                document("page", 2, "About Helix", language="en"),
                document("organisation", 3, "Helix Labs"),
            ]
        )
        assert set(titles(self.search(backend, text="helix", language="vi"))) == {"Giới thiệu về Helix", "Helix Labs"}
        assert set(titles(self.search(backend, text="helix", language="en"))) == {"About Helix", "Helix Labs"}

    # -- writing ----------------------------------------------------------------------------------

    def test_reindexing_replaces_and_deleting_removes(self, backend):
        backend.index_documents([document(object_id=1, title="Tên cũ")])
        backend.index_documents([document(object_id=1, title="Tên mới")])
        assert titles(self.search(backend)) == ["Tên mới"]
        backend.delete_documents([("organisation", 1), ("organisation", 999)])
        assert self.search(backend).count == 0

    def test_rebuild_replaces_everything(self, backend):
        backend.index_documents([document(object_id=1, title="Stale")])
        progress = []
        assert backend.rebuild(iter([document(object_id=2, title="Fresh")]), progress=progress.append) == 1
        assert titles(self.search(backend)) == ["Fresh"]
        assert sum(progress) == 1

    # -- snippets and suggestions -----------------------------------------------------------------

    def test_snippets_mark_the_words_and_escape_everything_else(self, backend):
        body = "Mở đầu. <script>alert('x')</script> Cảm biến đo độ mặn <b>chính xác</b>."
        backend.index_documents([document(object_id=1, title="Đo độ mặn", body=body)])
        snippet = self.search(backend, text="cam bien").hits[0].snippet
        assert "<mark>Cảm</mark> <mark>biến</mark>" in snippet
        assert "<script>" not in snippet and "&lt;script&gt;" in snippet and "<b>" not in snippet

    def test_autocomplete_completes_titles(self, backend, ecosystem):
        suggestions = backend.suggest(text="dai hoc th", language="vi")
        assert suggestions[0].title == "Đại học Thủ Dầu Một"
        assert suggestions[0].url == ecosystem.university.get_absolute_url()
        assert "Giám sát tiêu thụ điện nhà xưởng" in [s.title for s in backend.suggest(text="giám s", language="vi")]
        assert backend.suggest(text="", language="vi") == []
        assert len(backend.suggest(text="c", language="vi", limit=2)) <= 2

    def test_did_you_mean(self, backend, ecosystem):
        misspelt = self.search(backend, text="giam satt")
        assert misspelt.suggestion == "giam sat"
        # Nothing matched as typed, so the results are those of the correction, and say so.
        assert misspelt.corrected and titles(misspelt) == ["Giám sát tiêu thụ điện nhà xưởng"]
        assert self.search(backend, text="giam sat").suggestion is None

    # -- hostile input ----------------------------------------------------------------------------

    def test_hostile_queries_get_ordinary_answers(self, backend, ecosystem, subtests):
        for text in HOSTILE_QUERIES:
            with subtests.test(text=text[:40]):
                assert self.search(backend, text=text).count >= 0
                filtered = self.search(backend, text=text, filters={"kind": (text,), "sector": (text,)})
                assert filtered.count == 0 or not clean(text)  # a blank filter value is no filter
                assert isinstance(backend.suggest(text=text, language="vi"), list)
