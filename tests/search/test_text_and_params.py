"""Folding, snippets and reading a query string: the pure parts every backend and view relies on."""

import pytest
from django.http import QueryDict

from search.highlight import MARK_END, MARK_START, from_markers, highlight
from search.params import LAST_PAGE, parse_search, query_string_of
from search.text import (
    MAX_QUERY_TERMS,
    MAX_TERM_LENGTH,
    folded_text,
    query_exact_terms,
    query_terms,
    words,
)


def test_words_fold_case_diacritics_and_punctuation():
    assert words("Đại học, Thủ-Dầu-Một!") == ["dai", "hoc", "thu", "dau", "mot"]
    assert words("IoT_4.0 «cảm biến»") == ["iot", "4", "0", "cam", "bien"]
    assert folded_text("Đà Nẵng", None, "  ĐỒNG   Nai ") == "da nang dong nai"


def test_query_terms_are_bounded_and_clean():
    assert query_terms("cảm\x00biến\x01 <script>") == ["cam", "bien", "script"]
    assert len(query_terms(" ".join(["từ"] * 100))) == MAX_QUERY_TERMS
    assert query_terms("a" * 500) == ["a" * MAX_TERM_LENGTH]
    assert query_terms("' OR 1=1; --") == ["or", "1", "1"]
    assert query_terms("!@#$%^&*()") == []


def test_exact_terms_only_when_the_query_has_diacritics():
    assert query_exact_terms("Thủ Dầu") == ["thủ", "dầu"]
    assert query_exact_terms("thu dau") == []
    # Decomposed input (as some keyboards send it) is the same word.
    assert query_exact_terms("Thu\u0309") == ["thủ"]


def test_snippets_escape_everything_but_the_marks():
    snippet = highlight("<b>Cảm biến</b> & đo mặn", ["cam", "bien"])
    assert snippet == "&lt;b&gt;<mark>Cảm</mark> <mark>biến</mark>&lt;/b&gt; &amp; đo mặn"


def test_snippets_show_the_passage_with_the_matches():
    text = "Mở đầu. " + "chữ " * 200 + "cuối cùng có cảm biến ở đây. " + "đuôi " * 100
    snippet = highlight(text, ["cam", "bien"], length=120)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>cảm</mark> <mark>biến</mark>" in snippet
    assert len(snippet) < 200
    assert highlight("ngắn", []) == "ngắn"


def test_engine_markers_become_marks_and_nothing_else_does():
    assert from_markers(f"<i>x</i> {MARK_START}đại{MARK_END}") == "&lt;i&gt;x&lt;/i&gt; <mark>đại</mark>"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["binh-duong", "Bình Dương", "BINH DUONG", "ho-chi-minh", "Thành phố Hồ Chí Minh", "HCMC"]
)
def test_a_location_is_found_by_any_of_its_names(taxonomies, name):
    params = QueryDict(mutable=True)
    params["location"] = name
    parsed = parse_search(params, language="vi")
    assert parsed.query.filters == {"location": ("ho-chi-minh",)} and parsed.ignored == {}


@pytest.mark.django_db
def test_unknown_values_are_set_aside(taxonomies):
    params = QueryDict("type=startup&type=bogus&sector=mobility&sector=nope&stage=mvp&kind=grant&status=open"
                       "&status=soonish&location=atlantis&sort=upside-down&q=%00iot%01")  # fmt: skip
    parsed = parse_search(params, language="en")
    assert parsed.query.filters == {
        "type": ("startup",),
        "sector": ("mobility",),
        "stage": ("mvp",),
        "kind": ("grant",),
        "status": ("open",),
    }
    assert parsed.ignored == {
        "type": ["bogus"],
        "sector": ["nope"],
        "status": ["soonish"],
        "location": ["atlantis"],
        "sort": ["upside-down"],
    }
    assert parsed.query.text == "iot" and parsed.query.sort == "relevance" and parsed.query.language == "en"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("raw", "page"), [("2", 2), ("abc", 1), ("-4", 1), ("0", 1), ("99999999", LAST_PAGE), ("", 1)]
)
def test_page_numbers(raw, page):
    assert parse_search(QueryDict(f"page={raw}"), language="vi").query.page == page


@pytest.mark.django_db
def test_a_search_is_saved_as_understood(taxonomies):
    parsed = parse_search(QueryDict("q=iot&location=Bình Dương&sector=nope&sort=newest&page=4"), language="vi")
    assert query_string_of(parsed.query) == "q=iot&location=ho-chi-minh&sort=newest"
