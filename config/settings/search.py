"""Search: the database's own full-text search by default, Elasticsearch when SEARCH_BACKEND says so.

SEARCH_BACKEND=database                      PostgreSQL (or SQLite FTS5 under `make run`)
SEARCH_BACKEND=elasticsearch ELASTICSEARCH_URL=https://user:pass@es.example.org:9200
"""

import environ
from django.core.exceptions import ImproperlyConfigured

env = environ.Env()

SEARCH_BACKEND = env("SEARCH_BACKEND", default="database")
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")

# Searches per client address (infra/throttle.py): the page and /api/search/ run the same search and
# share one allowance; suggestions are asked for at each pause in typing and have their own.
SEARCH_RATE_LIMIT = env("SEARCH_RATE_LIMIT", default="120/m")
SEARCH_SUGGEST_RATE_LIMIT = env("SEARCH_SUGGEST_RATE_LIMIT", default="300/m")

if SEARCH_BACKEND == "database":
    SEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
elif SEARCH_BACKEND == "elasticsearch":
    if not ELASTICSEARCH_URL:
        raise ImproperlyConfigured("SEARCH_BACKEND=elasticsearch needs ELASTICSEARCH_URL.")
    SEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "OPTIONS": {
                "URLS": env.list("ELASTICSEARCH_URL"),
                # The alias readers use; each rebuild fills "<alias>-<timestamp>" and then moves the alias.
                "INDEX": env("ELASTICSEARCH_INDEX", default="helix-search"),
                "TIMEOUT": env.float("ELASTICSEARCH_TIMEOUT", default=5.0),
            },
        }
    }
else:
    raise ImproperlyConfigured(f"SEARCH_BACKEND must be 'database' or 'elasticsearch', not {SEARCH_BACKEND!r}.")
