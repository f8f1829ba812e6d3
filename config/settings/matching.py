"""Matching: how many matches are kept, where the fitted index lives, and how long introductions wait."""

import os

import environ

env = environ.Env()

MATCHING_INTRODUCTION_EXPIRY_DAYS = env.int("MATCHING_INTRODUCTION_EXPIRY_DAYS", default=14)

# How many matches each seeker keeps per kind, and how long a provider's list (outreach, mentees) is.
MATCHING_TOP_K = env.int("MATCHING_TOP_K", default=20)
MATCHING_PROVIDER_TOP_K = env.int("MATCHING_PROVIDER_TOP_K", default=50)
# Where the fitted match index is kept; every worker must see the same folder (a shared volume
# when workers run on several machines).
MATCHING_ARTEFACTS_DIR = env("MATCHING_ARTEFACTS_DIR", default=str(environ.Path(__file__) - 3) + "/var/matching")
# Seekers per unit of work in a full recompute (one Celery task each, run as a chord).
MATCHING_SHARD_SIZE = env.int("MATCHING_SHARD_SIZE", default=2000)
# Processes a refit segments and tokenises the corpus in (the segmenter is its costliest step).
# Inside a Celery prefork worker joblib runs them in the worker itself.
MATCHING_FIT_JOBS = env.int("MATCHING_FIT_JOBS", default=min(os.cpu_count() or 1, 4))
# A nightly recompute fits the text features and the meaning space anew only once this share of
# the profiles has changed, been added or gone since the last fit; until then it patches the saved
# index (`matches_rebuild --refit` always fits anew).
MATCHING_REFIT_DRIFT = env.float("MATCHING_REFIT_DRIFT", default=0.05)
