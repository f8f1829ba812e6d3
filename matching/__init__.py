"""The recommender: a pure engine (engine/), its evaluation on real benchmarks (evaluation/)."""
