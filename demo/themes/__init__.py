"""Topical vocabularies: one theme per field of work, in Vietnamese and English.

A theme keeps the words of one field together so that everything generated from it hangs
together: a startup in aquaculture talks about shrimp ponds and dissolved oxygen, and so does the
lab that offers water-quality testing and the province that wants a monitoring network. That
shared vocabulary is what gives search and the matcher real signal in the demo.
"""

from demo.themes import city_digital, farm_food, finance_culture, health_education, industry_energy
from demo.themes.base import Theme, Words

# The order is part of the seeded plan: changing it changes which theme each random draw picks.
THEMES: tuple[Theme, ...] = (
    *farm_food.THEMES,
    *health_education.THEMES,
    *industry_energy.THEMES,
    *city_digital.THEMES,
    *finance_culture.THEMES,
)
THEMES_BY_KEY = {theme.key: theme for theme in THEMES}

__all__ = ["THEMES", "THEMES_BY_KEY", "Theme", "Words"]
