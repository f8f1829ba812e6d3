"""Turn themes and vocabularies into records: people, organisations, profiles, capabilities, needs, mentors.

Pure Python with one seeded `random.Random`: the same seed and date give the same records, and
nothing here touches the database. An organisation writes everything in its own language:
Vietnamese, except the few that really work in English (foreign-owned firms, international
programmes), about one in seven. Every record keeps the key of the theme it was written from.
"""

import random
from datetime import date, timedelta

from demo import sentences as s
from demo import vocabularies as v
from demo.records import (
    CapabilityRecord,
    MentorRecord,
    NeedRecord,
    OrganisationRecord,
    PersonRecord,
    ProfileRecord,
)
from demo.text import UniqueSlugs, cap, example_url, fit, join_words
from demo.themes import Theme
from ecosystem import taxonomy_data
from ecosystem.slugs import slug_from
from kernel.text import strip_diacritics

# Foreign-owned startups and SMEs, and mentors back from abroad, write in English; everyone else in Vietnamese.
ENGLISH_SHARE = 0.15
CAPABILITY_ITEMS = {
    "expertise": "expertise",
    "facility": "facilities",
    "licensing": "inventions",
    "service": "services",
}
LOCATION_NAMES = {slug: (name_vi, name_en) for slug, _kind, name_vi, name_en, _aliases in taxonomy_data.LOCATIONS}

# (TRL range, team size range, age range in years, funding sought range in VND) per stage.
STAGE_SHAPES = {
    "idea": ((1, 3), (1, 4), (0, 1), (200_000_000, 1_000_000_000)),
    "prototype": ((3, 5), (2, 8), (0, 2), (500_000_000, 3_000_000_000)),
    "mvp": ((4, 6), (3, 15), (1, 3), (1_000_000_000, 5_000_000_000)),
    "early-revenue": ((6, 8), (5, 40), (2, 6), (3_000_000_000, 20_000_000_000)),
    "growth": ((7, 9), (20, 150), (4, 10), (10_000_000_000, 80_000_000_000)),
}
STARTUP_STAGE_WEIGHTS = {"idea": 10, "prototype": 20, "mvp": 30, "early-revenue": 25, "growth": 15}
SEEKING_KINDS = ("funding", "mentoring", "rnd_partner", "pilot_customer", "facilities", "talent")
RESPONDENT_CHOICES = (
    [],
    ["startup"],
    ["startup", "enterprise"],
    ["university", "research_institute"],
    ["startup", "university", "research_institute"],
)


class Generator:
    """Makes records from one seeded random source; `tag` keeps slugs and e-mails of separate runs apart."""

    def __init__(self, *, seed, today: date, tag: str = "", reserved_names=()):
        self.rng = random.Random(seed)
        self.today = today
        # Reserved names (organisations created elsewhere) are neither repeated nor slugged over.
        self.slugs = UniqueSlugs(taken={slug_from(name) for name in reserved_names}, suffix=f"-{tag}" if tag else "")
        self._names = {name.removesuffix(" (demo)") for name in reserved_names}
        self._tag = f"{tag}-" if tag else ""
        self._people = 0

    # --- small choices ---------------------------------------------------------------------------
    def language(self) -> str:
        return "en" if self.rng.random() < ENGLISH_SHARE else "vi"

    @staticmethod
    def institution_language(name_en: str) -> str:
        return "en" if name_en in v.ENGLISH_INSTITUTIONS else "vi"

    def pick(self, items, k: int | tuple[int, int] = 1) -> list:
        count = self.rng.randint(*k) if isinstance(k, tuple) else k
        return self.rng.sample(list(items), min(count, len(items)))

    def location(self, theme: Theme | None = None) -> str:
        # Half the time an organisation sits where its field is concentrated (shrimp in the Mekong Delta).
        if theme and theme.locations and self.rng.random() < 0.5:
            return self.rng.choice(theme.locations)
        return self.rng.choices(list(v.LOCATION_WEIGHTS), weights=list(v.LOCATION_WEIGHTS.values()))[0]

    def place(self, location: str, language: str) -> str:
        places = v.PLACES.get(location) or (LOCATION_NAMES[location][0],)
        place = self.rng.choice(places)
        return place if language == "vi" else strip_diacritics(place)

    def technology_words(self, names: list[str], language: str) -> list[str]:
        return [v.TECHNOLOGY_VI.get(name, name) if language == "vi" else name for name in names]

    def amount(self, low: int, high: int, step: int = 100_000_000) -> int:
        return max(step, round(self.rng.uniform(low, high) / step) * step)

    def days_ago(self, low: int, high: int) -> date:
        return self.today - timedelta(days=self.rng.randint(low, high))

    # --- people ----------------------------------------------------------------------------------
    def person(self, *, language: str = "vi", academic: bool = False) -> PersonRecord:
        gender = self.rng.choice("mf")
        family = self.rng.choices([n for n, _ in v.FAMILY_NAMES], weights=[w for _, w in v.FAMILY_NAMES])[0]
        middle, given = self.rng.choice(v.MIDDLE_NAMES[gender]), self.rng.choice(v.GIVEN_NAMES[gender])
        full_name = f"{family} {middle} {given}"
        self._people += 1
        email = f"{slug_from(full_name)}-{self._tag}{self._people}@{v.PERSON_EMAIL_DOMAIN}"
        title = f"{self.rng.choice(v.ACADEMIC_TITLES)} " if academic else ""
        return PersonRecord(
            email=email,
            display_name=f"{title}{full_name}",
            first_name=f"{middle} {given}",
            last_name=family,
            language=language,
        )

    # --- organisations ---------------------------------------------------------------------------
    def _unique_name(self, make) -> str:
        # Repeated names are legal but confusing in a demo; a few tries nearly always find a new one.
        for _attempt in range(12):
            name = make()
            if name not in self._names:
                break
        self._names.add(name)
        return name

    def organisation(
        self, *, name: str, kind: str, language: str, themes: tuple[str, ...], location: str, summary: str
    ) -> OrganisationRecord:
        slug = self.slugs.take(name)
        return OrganisationRecord(
            name=name,
            slug=slug,
            kind=kind,
            language=language,
            summary=fit(summary, 300),
            website=example_url(slug),
            contact_email=f"{slug}@{v.PERSON_EMAIL_DOMAIN}",
            owner=self.person(language=language),
            themes=themes,
            location=location,
        )

    def startup(
        self,
        *,
        theme: Theme,
        kind: str = "startup",
        language: str = "",
        stage: str = "",
        location: str = "",
        story: tuple[int, int, int, int] | None = None,
    ) -> OrganisationRecord:
        """Return a startup (or, with kind="enterprise", an SME) with its profile, on the theme's topic.

        `language`, `stage`, `location` and `story` fix what is otherwise drawn at random (the demo's personas).
        """
        language = language or self.language()
        words = theme.words(language)
        location = location or self.location(theme)
        place = self.place(location, language)
        if kind == "enterprise":
            form = self.rng.choice(v.ENTERPRISE_FORMS[language])
            name = self._unique_name(lambda: form.format(industry=self.rng.choice(words.industries), place=place))
        elif language == "vi":
            name = self._unique_name(
                lambda: self.rng.choice(v.VI_NAME_FORMS).format(brand=self.rng.choice(words.brands), place=place)
            )
        else:
            name = self._unique_name(lambda: self.rng.choice(words.brands) + self.rng.choice(v.BRAND_SUFFIXES))
        profile = self.profile(
            theme=theme,
            language=language,
            name=name,
            location=location,
            place=place,
            kind=kind,
            stage=stage,
            story=story,
        )
        record = self.organisation(
            name=f"{name} (demo)",
            kind=kind,
            language=language,
            themes=(theme.key,),
            location=location,
            summary=profile.pitch,
        )
        record.profile = profile
        return record

    def profile(
        self, *, theme: Theme, language: str, name: str, location: str, place: str, kind: str, stage="", story=None
    ):
        words = theme.words(language)
        if stage:
            pass  # fixed by the caller
        elif kind == "enterprise":
            stage = self.rng.choice(("early-revenue", "growth", "growth"))
        else:
            stage = self.rng.choices(list(STARTUP_STAGE_WEIGHTS), weights=list(STARTUP_STAGE_WEIGHTS.values()))[0]
        (trl_low, trl_high), (team_low, team_high), (age_low, age_high), funding = STAGE_SHAPES[stage]
        if kind == "enterprise":
            team_low, team_high, age_low, age_high = 30, 400, 5, 25
        founded_on = self.days_ago(age_low * 365 + 30, age_high * 365 + 364)
        team_size = self.rng.randint(team_low, team_high)
        technologies = self.pick(theme.technologies, (2, 4))
        sectors = [theme.sectors[0], *self.pick(theme.sectors[1:], (0, 2))]
        seeking = sorted(self.pick(SEEKING_KINDS, (1, 3)), key=SEEKING_KINDS.index)
        # One story: the problem, solution, customer and outcome that belong together. Drawn even when
        # fixed by the caller, so that a persona's story leaves every later draw of the plan as it was.
        drawn = self.rng.choice(theme.stories)
        problem, solution, customer, outcome = (
            items[i]
            for i, items in zip(
                story or drawn,
                (words.problems, words.solutions, words.customers, words.outcomes),
                strict=True,
            )
        )
        pitches = [
            template.format(solution=cap(solution), customer=customer, outcome=outcome)
            for template in s.STARTUP_PITCHES[language]
        ]
        pitch = self.rng.choice([p for p in pitches if len(p) <= 200] or [fit(pitches[0], 200)])
        tech_words = self.technology_words(technologies, language)
        keywords = self.pick(words.keywords, 3)
        fields = {
            "name": name,
            "place": place,
            "problem": problem,
            "solution": solution,
            "customer": customer,
            "outcome": outcome,
            "tech1": tech_words[0],
            "tech2": tech_words[1],
            "kw1": keywords[0],
            "kw2": keywords[1],
            "kw3": keywords[2],
            "team": team_size,
            "year": founded_on.year,
            "seeking": join_words([s.SEEKING_WORDS[language][kind] for kind in seeking], language),
        }
        sentences = s.STARTUP_SENTENCES[language]
        # An opener, the solution, then one to four of the rest in a fixed order: 3–6 sentences.
        optional = ("customer", "focus", "team", "seeking")
        chosen = set(self.pick(optional, (1, len(optional))))
        keys = ["solution", *(key for key in optional if key in chosen)]
        parts = [self.rng.choice(s.STARTUP_OPENERS[language]), *(self.rng.choice(sentences[key]) for key in keys)]
        return ProfileRecord(
            pitch=pitch,
            description=" ".join(cap(part.format(**fields)) for part in parts),
            sectors=sectors,
            technologies=technologies,
            stage=stage,
            trl=self.rng.randint(trl_low, trl_high),
            founded_on=founded_on,
            team_size=team_size,
            location=location,
            seeking=seeking,
            funding_amount=self.amount(*funding) if "funding" in seeking else None,
            theme=theme.key,
        )

    def institution(
        self, *, kind: str, names: tuple[str, str], location: str, themes: tuple[Theme, ...], language: str
    ) -> OrganisationRecord:
        """Return a university, institute, agency, support organisation or investor (no content yet)."""
        # Sorted: a set's order changes with Python's hash seed, and the demo must not.
        keywords = self.pick(sorted({kw for theme in themes for kw in theme.words(language).keywords}), 3)
        summary = s.ORGANISATION_SUMMARIES[language][kind].format(kw1=keywords[0], kw2=keywords[1], kw3=keywords[2])
        name_vi, name_en = names
        return self.organisation(
            name=f"{name_vi if language == 'vi' else name_en} (demo)",
            kind=kind,
            language=language,
            themes=tuple(theme.key for theme in themes),
            location=location,
            summary=summary,
        )

    # --- content ---------------------------------------------------------------------------------
    def capability(
        self, *, organisation: OrganisationRecord, theme: Theme, kind: str, owner: PersonRecord, contact: PersonRecord
    ) -> CapabilityRecord:
        language = organisation.language
        words = theme.words(language)
        item = self.rng.choice(getattr(words, CAPABILITY_ITEMS[kind]))
        place = self.place(organisation.location, language)
        title = self.rng.choice(s.CAPABILITY_TITLES[language][kind]).format(item=item, Item=cap(item), place=place)
        technologies = self.pick(theme.technologies, (1, 3))
        tech_words = self.technology_words(technologies, language)
        keywords = self.pick(words.keywords, 3)
        trl = self.rng.randint(4, 8) if kind == "licensing" else None
        org_name = organisation.name.removesuffix(" (demo)")
        sentences = s.CAPABILITY_SENTENCES[language]
        parts = [sentences["intro"][kind], self.rng.choice(sentences["fit"]), self.rng.choice(sentences["focus"])]
        if trl:
            parts.append(sentences["trl"][0])
        if self.rng.random() < 0.6:
            parts.append(self.rng.choice(sentences["collab"]))
        fields = {
            "org": org_name,
            "item": item,
            "problem": self.rng.choice(words.problems),
            "customer": self.rng.choice(words.customers),
            "kw1": keywords[0],
            "kw2": keywords[1],
            "kw3": keywords[2],
            "techs": join_words(tech_words, language),
            "trl": trl,
            "place": place,
        }
        return CapabilityRecord(
            kind=kind,
            title=fit(cap(title), 200),
            description=" ".join(cap(part.format(**fields)) for part in parts),
            research_areas=[theme.sectors[0], *self.pick(theme.sectors[1:], (0, 1))],
            technologies=technologies,
            trl=trl,
            availability=self.rng.choice(s.AVAILABILITY[language]),
            terms="" if kind == "expertise" and self.rng.random() < 0.5 else self.rng.choice(s.TERMS[language]),
            owner=owner,
            contact_person=contact,
            is_public=self.rng.random() < 0.95,
            theme=theme.key,
        )

    def need(self, *, organisation: OrganisationRecord, theme: Theme, poster: PersonRecord) -> NeedRecord:
        language = organisation.language
        words = theme.words(language)
        need = self.rng.choice(words.needs)
        place = self.place(organisation.location, language)
        fields = {
            "org": organisation.name.removesuffix(" (demo)"),
            "need": need,
            "problem": self.rng.choice(words.problems),
            "place": place,
            "kw1": self.rng.choice(words.keywords),
            "months": self.rng.choice((3, 6, 9, 12)),
            "outcome": self.rng.choice(words.outcomes),
        }
        sentences = s.NEED_SENTENCES[language]
        problem = " ".join(cap(self.rng.choice(sentences[key]).format(**fields)) for key in ("context", "ask"))
        budget_min = self.amount(100_000_000, 2_000_000_000)
        # About one need in ten has already passed its deadline, as on any real board.
        deadline = self.today + timedelta(days=self.rng.randint(-30, -1) if self.rng.random() < 0.1 else
                                          self.rng.randint(14, 150))  # fmt: skip
        return NeedRecord(
            title=fit(self.rng.choice(s.NEED_TITLES[language]).format(need=need), 200),
            problem=problem,
            desired_outcome=cap(self.rng.choice(sentences["outcome"]).format(**fields)),
            budget_min=budget_min,
            budget_max=self.amount(budget_min * 1.5, budget_min * 4),
            deadline=deadline,
            respondent_kinds=list(self.rng.choice(RESPONDENT_CHOICES)),
            sectors=[theme.sectors[0], *self.pick(theme.sectors[1:], (0, 1))],
            technologies=self.pick(theme.technologies, (1, 3)),
            posted_by=poster,
            theme=theme.key,
        )

    def mentor(self, *, themes: tuple[Theme, ...], active: bool = False) -> MentorRecord:
        """Return a mentor of `themes` (the first is the main one); `active` ones are never paused and have room."""
        language = self.language()
        main = themes[0]
        words = main.words(language)
        area = self.rng.choice(words.expertise)
        topics = self.pick(s.MENTOR_TOPICS[language], 2)
        keywords = self.pick(words.keywords, 2)
        role = self.rng.choice(s.MENTOR_ROLES[language])
        problem, solution, customer, _outcome = (
            items[i]
            for i, items in zip(
                self.rng.choice(main.stories),
                (words.problems, words.solutions, words.customers, words.outcomes),
                strict=True,
            )
        )
        fields = {
            "years": self.rng.randint(5, 25),
            "area": area,
            "problem": problem,
            "solution": solution,
            "customer": customer,
            "topic1": topics[0],
            "topic2": topics[1],
            "kw1": keywords[0],
            "kw2": keywords[1],
        }
        texts = s.MENTOR_TEXT[language]
        expertise = " ".join(cap(t.format(**fields)) for t in texts[: self.rng.randint(2, 3)])
        location = self.location(main)
        other = "en" if language == "vi" else "vi"
        return MentorRecord(
            person=self.person(language=language),
            headline=fit(f"{role} · {cap(area)}", 200),
            expertise=expertise,
            sectors=list(dict.fromkeys(sector for theme in themes for sector in theme.sectors[:2])),
            languages=[language] if self.rng.random() < 0.4 else [language, other],
            capacity=self.rng.randint(3, 6) if active else self.rng.randint(1, 5),
            availability=self.rng.choice(s.MENTOR_AVAILABILITY[language]).format(place=self.place(location, language)),
            is_paused=self.rng.random() < 0.15 and not active,
            themes=tuple(theme.key for theme in themes),
        )
