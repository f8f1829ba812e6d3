"""The recompute pipeline: from the facts in the database to stored, ranked matches.

Each module is one step, and imports only the steps before it:

1. `profiles`     reads startups, needs, capabilities, mentor offers and programs as engine records.
2. `partners`     reads the collaboration record and fits the partner recommender on it.
3. `reranking`    re-scores pools and pairs with a fitted feedback re-ranker (pure numpy).
4. `index`        the fitted match index: every profile's rows, patched when a profile changes.
5. `scoring`      scores blocks of seekers against providers and picks each list's pairs.
6. `training`     fits one feedback re-ranker per kind on what people did with matches.
7. `refit`        fits the whole index and keeps one loaded copy per process.
8. `storing`      writes match rows in bulk, keeping saved and dismissed states.
9. `score_scales` refits the strength labels' score quantiles after a full recompute.
10. `freshness`   finds entities whose matches are older than their facts (for the sweeper).
11. `recompute`   one changed entity within seconds, or everything in shards.

Celery tasks (`matching.tasks`) and the `matches_rebuild` command drive it; nothing in the
pipeline imports a task.
"""
