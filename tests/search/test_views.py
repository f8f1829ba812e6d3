"""The search page, the JSON API and suggestions, as people and programs use them over HTTP."""

import pytest
from django.urls import reverse
from django.utils import timezone

from search.services import search_index_rebuild
from tests.factories import NeedFactory
from tests.search.conftest import build_ecosystem
from tests.search.contract import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db

API = "/api/search/"
SUGGEST = "/api/search/suggest/"
ENGINE_DOWN = {
    "default": {
        "BACKEND": "search.backends.elasticsearch",
        "OPTIONS": {"URLS": ["http://127.0.0.1:9"], "INDEX": "helix-down", "TIMEOUT": 1},
    }
}


@pytest.fixture
def ecosystem(taxonomies):
    ecosystem = build_ecosystem()
    search_index_rebuild()
    return ecosystem


def test_the_page_shows_results_facets_and_marked_snippets(client, ecosystem):
    response = client.get("/search/", {"q": "dai hoc thu dau mot"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Đại học Thủ Dầu Một" in page
    assert "<mark>" in page
    assert 'role="search"' in page and 'role="combobox"' in page
    assert "js/search.js" in page


def test_the_page_works_in_english_with_english_labels(client, ecosystem):
    response = client.get("/en/search/", {"sector": "mobility"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'lang="en"' in page
    assert "Smart mobility" in page and "Giao thông thông minh" not in page
    assert "Giao Thông Xanh" in page  # a startup tagged with the sector
    assert f'href="/en/startups/{ecosystem.traffic_startup.organisation.slug}/"' in page  # links stay in English


def test_the_api_answers_with_results_and_every_facet(client, ecosystem):
    body = client.get(API, {"q": "khoi nghiep", "type": "program"}).json()
    assert body["count"] == 2
    assert set(body["facets"]) == {"type", "sector", "location", "stage", "status", "kind"}
    result = body["results"][0]
    assert {"type", "type_label", "title", "url", "snippet", "status", "status_label"} <= set(result)
    assert result["type"] == "program" and result["status"] in ("open", "closing_soon")
    selected = [option for option in body["facets"]["type"] if option["selected"]]
    assert [(option["value"], option["count"]) for option in selected] == [("program", 2)]
    assert selected[0]["label"]


def test_former_province_names_work_as_location_filters(client, ecosystem):
    for name in ("binh-duong", "Bình Dương", "ho-chi-minh"):
        body = client.get(API, {"location": name}).json()
        assert body["query"]["filters"] == {"location": ["ho-chi-minh"]}, name
        assert {r["title"] for r in body["results"]} == {"AquaSense", ecosystem.open_program.title}
        assert body["ignored"] == {}


def test_values_nobody_offers_are_ignored_and_reported(client, ecosystem):
    body = client.get(API, {"sector": ["nope", "mobility"], "sort": "sideways", "page": "abc", "type": "x"}).json()
    assert body["ignored"] == {"sector": ["nope"], "type": ["x"], "sort": ["sideways"]}
    assert body["query"]["filters"] == {"sector": ["mobility"]}
    assert body["page"] == 1


def test_a_page_past_the_end_shows_the_last_page(client, ecosystem):
    body = client.get(API, {"page": "999999"}).json()
    assert body["page"] == body["num_pages"] == 1 and body["results"]


def test_hostile_queries_get_ordinary_answers(client, ecosystem, subtests):
    for text in HOSTILE_QUERIES:
        with subtests.test(text=text[:40]):
            params = {"q": text, "sector": text, "location": text, "page": text, "sort": text, "type": text}
            assert client.get(API, params).status_code == 200
            assert client.get("/search/", params).status_code == 200
            assert client.get(SUGGEST, {"q": text}).status_code == 200
            assert client.get("/en/search/", {"q": text, "page": "-1"}).status_code == 200


def test_user_text_is_escaped_and_only_highlights_are_markup(client, taxonomies):
    NeedFactory(title="Cảm biến <img src=x onerror=alert(1)>", problem="<script>alert('x')</script> cảm biến nước")
    search_index_rebuild()
    page = client.get("/search/", {"q": "cam bien"}).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page and "<mark>cảm</mark>" in page
    body = client.get(API, {"q": "cam bien"}).json()
    assert "&lt;script&gt;" in body["results"][0]["snippet"]


def test_suggestions_complete_public_titles(client, ecosystem):
    response = client.get(SUGGEST, {"q": "dai hoc th", "lang": "en"})
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    first = response.json()["suggestions"][0]
    assert first == {
        "title": "Đại học Thủ Dầu Một",
        "url": f"/en{ecosystem.university.get_absolute_url()}",  # the reader's language
        "type": "organisation",
        "type_label": "Organisation",
    }
    vietnamese = client.get(SUGGEST, {"q": "dai hoc th", "lang": "vi"}).json()["suggestions"][0]
    assert vietnamese["url"] == ecosystem.university.get_absolute_url()
    assert client.get(SUGGEST, {"q": "stealthy"}).json()["suggestions"] == []


def test_did_you_mean_links_to_the_corrected_search(client, ecosystem):
    page = client.get("/search/", {"q": "giam satt"}).content.decode()
    assert "giam sat" in page and "?q=giam+sat" in page
    assert "Giám sát tiêu thụ điện nhà xưởng" in page


def test_an_unreachable_engine_gets_a_polite_page_not_an_error(client, settings, db):
    settings.SEARCH_BACKENDS = ENGINE_DOWN
    response = client.get("/search/", {"q": "iot"})
    assert response.status_code == 503 and 'role="alert"' in response.content.decode()
    english = client.get("/en/search/", {"q": "iot"})
    assert english.status_code == 503 and "Search is unavailable right now" in english.content.decode()
    assert client.get(API, {"q": "iot"}).json()["error"] == "search_unavailable"
    assert client.get(SUGGEST, {"q": "iot"}).status_code == 503
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["checks"]["search"]["ok"] is False


def test_health_check_reports_the_search_engine(client, ecosystem, settings):
    settings.HEALTHZ_TOKEN = "monitor"
    search = client.get("/healthz", headers={"Authorization": "Bearer monitor"}).json()["checks"]["search"]
    assert search["ok"] is True and search["backend"] == "database"
    assert search["documents"] == len(ecosystem.documents)


# -- Saved searches -------------------------------------------------------------------------------


def test_anonymous_visitors_are_invited_to_sign_in_to_save(client, ecosystem):
    page = client.get("/search/", {"q": "iot"}).content.decode()
    assert reverse("search:saved_search_create") not in page and reverse("account_login") in page
    response = client.post(reverse("search:saved_search_create"), {"query_string": "q=iot"})
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_saving_listing_alerting_and_deleting_a_search(client, user, ecosystem):
    client.force_login(user)
    assert reverse("search:saved_search_create") in client.get("/search/", {"q": "iot"}).content.decode()
    response = client.post(
        reverse("search:saved_search_create"),
        {"name": "IoT ở Bình Dương", "alert": "on", "query_string": "q=iot&location=Bình Dương&sector=nope&page=3"},
    )
    assert response.status_code == 302
    saved = user.saved_searches.get()
    assert saved.query_string == "q=iot&location=ho-chi-minh" and saved.alert
    listing = client.get(reverse("search:saved_search_list")).content.decode()
    assert "IoT ở Bình Dương" in listing and "?q=iot&amp;location=ho-chi-minh" in listing

    client.post(reverse("search:saved_search_alert", args=[saved.pk]), {})
    saved.refresh_from_db()
    assert not saved.alert
    client.post(reverse("search:saved_search_delete", args=[saved.pk]))
    assert not user.saved_searches.exists()


def test_nobody_touches_someone_elses_saved_search(client, user, ecosystem):
    from search.services import saved_search_save
    from tests.factories import UserFactory

    saved = saved_search_save(user=UserFactory(), name="Theirs", query_string="q=iot")
    client.force_login(user)
    assert client.post(reverse("search:saved_search_delete", args=[saved.pk])).status_code == 404
    assert client.post(reverse("search:saved_search_alert", args=[saved.pk]), {"alert": "on"}).status_code == 404


def test_new_results_of_a_saved_search_are_those_published_since(user, taxonomies):
    from search.selectors import saved_search_new_results
    from search.services import saved_search_mark_alerted, saved_search_save

    NeedFactory(title="Cảm biến cũ")
    search_index_rebuild()
    saved = saved_search_save(user=user, name="Cảm biến", query_string="q=cam+bien", alert=True)
    saved_search_mark_alerted(saved_search=saved, at=timezone.now())
    NeedFactory(title="Cảm biến mới")
    search_index_rebuild()
    assert [hit.title for hit in saved_search_new_results(saved_search=saved).hits] == ["Cảm biến mới"]
