"""The shape of a theme: the words of one field of work in one language."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """The phrases of one theme in one language; each entry is a fragment the templates fill in."""

    brands: tuple[str, ...]  # name roots for startups ("Tôm Xanh" / "Aqua")
    problems: tuple[str, ...]  # full clauses, lower-case start, no final full stop
    solutions: tuple[str, ...]  # noun phrases: what a startup builds
    customers: tuple[str, ...]  # noun phrases: who it serves
    outcomes: tuple[str, ...]  # verb phrases: what customers gain ("cut losses by 30%")
    keywords: tuple[str, ...]  # the field's own words, repeated across items on purpose
    expertise: tuple[str, ...]  # research areas (capabilities of kind "expertise", mentors)
    facilities: tuple[str, ...]  # labs and equipment
    inventions: tuple[str, ...]  # technologies offered for licensing
    services: tuple[str, ...]  # services a lab sells
    needs: tuple[str, ...]  # what an enterprise or agency wants solved ("đặt hàng")
    industries: tuple[str, ...]  # kinds of companies in the field, for enterprise names


@dataclass(frozen=True)
class Theme:
    key: str
    sectors: tuple[str, ...]  # sector slugs; the first is the theme's own sector
    technologies: tuple[str, ...]  # technology tag names (tags are language-neutral)
    locations: tuple[str, ...]  # location slugs where this field is concentrated
    vi: Words
    en: Words

    def words(self, language: str) -> Words:
        return self.vi if language == "vi" else self.en
