"""Configuration mistakes and requests a backend cannot serve fail loudly, at once."""

import importlib
from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured

from search.backends import get_search_backend, load_backend
from search.backends.database.dialects import dialect_for
from search.query import MAX_RESULT_WINDOW, SearchQuery, UnsupportedFeature


def test_the_default_backend_is_the_database_and_is_kept(settings):
    backend = get_search_backend()
    assert backend.name == "database" and get_search_backend() is backend
    settings.SEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database", "OPTIONS": {"DATABASE": "default"}}}
    assert get_search_backend() is not backend  # a settings change gives a fresh backend


@pytest.mark.parametrize(
    ("config", "error"),
    [
        ({"BACKEND": "search.backends.nowhere"}, ImproperlyConfigured),
        ({"BACKEND": "search.query"}, ImproperlyConfigured),
        ({"BACKEND": "search.backends.database", "OPTIONS": {"SPEED": "ludicrous"}}, UnsupportedFeature),
        ({"BACKEND": "search.backends.elasticsearch", "OPTIONS": {}}, ImproperlyConfigured),
    ],
)
def test_configuration_mistakes_are_refused(settings, config, error):
    settings.SEARCH_BACKENDS = {"default": config}
    with pytest.raises(error):
        load_backend()
    with pytest.raises(ImproperlyConfigured):
        load_backend("missing")


def test_engines_without_full_text_search_are_refused():
    with pytest.raises(ImproperlyConfigured, match="PostgreSQL and SQLite"):
        dialect_for(SimpleNamespace(vendor="mysql"))


@pytest.mark.parametrize(
    "kwargs",
    [{"filters": {"colour": ("red",)}}, {"sort": "random"}, {"page": 0}, {"page_size": 1000},
     {"page": MAX_RESULT_WINDOW, "page_size": 20}],
)  # fmt: skip
def test_queries_a_backend_cannot_serve_are_refused(kwargs):
    with pytest.raises(UnsupportedFeature):
        SearchQuery(**kwargs)


@pytest.mark.parametrize(
    ("environment", "outcome"),
    [
        ({"SEARCH_BACKEND": "database"}, "search.backends.database"),
        ({"SEARCH_BACKEND": "elasticsearch", "ELASTICSEARCH_URL": "http://es:9200"}, "search.backends.elasticsearch"),
        ({"SEARCH_BACKEND": "elasticsearch", "ELASTICSEARCH_URL": ""}, ImproperlyConfigured),
        ({"SEARCH_BACKEND": "solr"}, ImproperlyConfigured),
    ],
)
def test_settings_from_the_environment(monkeypatch, environment, outcome):
    import config.settings.search as search_settings

    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    try:
        if isinstance(outcome, str):
            assert importlib.reload(search_settings).SEARCH_BACKENDS["default"]["BACKEND"] == outcome
        else:
            with pytest.raises(outcome):
                importlib.reload(search_settings)
    finally:
        monkeypatch.undo()
        importlib.reload(search_settings)
