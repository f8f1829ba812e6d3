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
    programs: tuple[str, ...] = ()  # what a support programme in the field is about, for program titles


# Which problem, solution, customer and outcome (by position in Words) belong together. Positions, not
# phrases, so that one table serves both languages: the Vietnamese and English lists are translations.
Story = tuple[int, int, int, int]


@dataclass(frozen=True)
class Theme:
    key: str
    sectors: tuple[str, ...]  # sector slugs; the first is the theme's own sector
    technologies: tuple[str, ...]  # technology tag names (tags are language-neutral)
    locations: tuple[str, ...]  # location slugs where this field is concentrated
    stories: tuple[Story, ...]  # a pitch picks one, so a solution never meets an unrelated customer
    vi: Words
    en: Words

    def __post_init__(self):
        # A story pointing past the end of a list would only fail when the dice land on it.
        for words in (self.vi, self.en):
            lists = (words.problems, words.solutions, words.customers, words.outcomes)
            for story in self.stories:
                assert all(i < len(items) for i, items in zip(story, lists, strict=True)), (self.key, story)

    def words(self, language: str) -> Words:
        return self.vi if language == "vi" else self.en
