"""Hypothesis runs without its example database: no .hypothesis/ folder in the work tree."""

from hypothesis import settings

settings.register_profile("helix-matching", database=None, deadline=None)
settings.load_profile("helix-matching")
