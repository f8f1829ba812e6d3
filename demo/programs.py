"""Generate program and funding-call records with a spread of deadlines and eligibility rules."""

from datetime import timedelta
from html import escape

from demo import sentences as s
from demo.generators import Generator
from demo.records import OrganisationRecord, ProgramRecord
from demo.text import at, cap, example_url, fit, lower_label, sector_label
from demo.themes import Theme

STATUSES = ("forthcoming", "open", "closing_soon", "closed")
# Which rules each kind of program tends to set; each is then kept or dropped at random so that no
# two programs ask the same questions. (kinds, stages, team size cap, TRL range)
KIND_RULES = {
    "grant": (["startup", "enterprise"], ["mvp", "early-revenue", "growth"], 100, (3, 7)),
    "loan": (["startup", "enterprise"], ["early-revenue", "growth"], 300, None),
    "tax_incentive": (["enterprise", "startup"], ["early-revenue", "growth"], None, (6, 9)),
    "accelerator": (["startup"], ["prototype", "mvp", "early-revenue"], 30, (3, 7)),
    "mentoring": (["startup"], ["idea", "prototype", "mvp"], 20, None),
    "competition": (["startup", "university", "research_institute"], [], None, (2, 6)),
    "training": (["startup", "enterprise"], [], None, None),
}
AWARDS = {  # (lowest, highest) maximum award in VND
    "grant": (300_000_000, 2_000_000_000),
    "loan": (1_000_000_000, 10_000_000_000),
    "tax_incentive": (500_000_000, 5_000_000_000),
    "accelerator": (100_000_000, 500_000_000),
    "mentoring": (0, 0),
    "competition": (50_000_000, 300_000_000),
    "training": (0, 0),
}
NEARBY = {  # a regional call is open to the unit and its neighbours
    "ho-chi-minh": ["ho-chi-minh", "dong-nai", "tay-ninh"],
    "can-tho": ["can-tho", "vinh-long", "an-giang", "ca-mau", "dong-thap"],
    "da-nang": ["da-nang", "hue", "quang-ngai"],
    "ha-noi": ["ha-noi", "bac-ninh", "hung-yen"],
}


def _dates(gen: Generator, status: str, kind: str):
    """Return (opens_at, closes_at) that give `status` for the whole of `gen.today`."""
    today, days = gen.today, gen.rng.randint
    if status == "forthcoming":
        opens = at(today + timedelta(days=days(7, 60)), 8)
        return opens, opens + timedelta(days=days(30, 90))
    if status == "open":
        opens = at(today - timedelta(days=days(3, 60)), 8)
        # Tax incentives run until further notice: no closing date at all.
        closes = None if kind == "tax_incentive" else at(today + timedelta(days=days(21, 120)), 17)
        return opens, closes
    if status == "closing_soon":  # closes 2–12 days ahead: within the 14-day window whatever the hour
        return at(today - timedelta(days=days(20, 90)), 8), at(today + timedelta(days=days(2, 12)), 17)
    closes = at(today - timedelta(days=days(3, 150)), 17)
    return closes - timedelta(days=days(30, 90)), closes


def program(
    gen: Generator, *, agency: OrganisationRecord, theme: Theme, kind: str, status: str, cohort: int, publish: bool
) -> ProgramRecord:
    """Return a program of `agency` on `theme` whose dates give `status` today."""
    rng = gen.rng
    # A program is written in its publisher's language, like everything else the publisher posts.
    language = agency.language
    words = theme.words(language)
    label = sector_label(theme.sectors[0], language)
    focus = rng.choice(words.programs) if words.programs else lower_label(label)
    opens_at, closes_at = _dates(gen, status, kind)
    title = cap(s.PROGRAM_TITLES[language][kind].format(focus=focus, year=opens_at.year, cohort=cohort))
    slug = gen.slugs.take(title)
    place = gen.place(agency.location, language)
    keywords = gen.pick(words.keywords, 3)
    fields = {
        "agency": agency.name.removesuffix(" (demo)"),
        "need": rng.choice(words.needs),
        "label": lower_label(label),
        "problem": rng.choice(words.problems),
        "kw1": keywords[0],
        "kw2": keywords[1],
        "kw3": keywords[2],
        "place": place,
        "customer": rng.choice(words.customers),
        "solution": rng.choice(words.solutions),
    }
    paragraphs = [cap(text.format(**fields)) for text in s.PROGRAM_PARAGRAPHS[language]]
    kinds, stages, team_cap, trl_range = KIND_RULES[kind]
    low, high = AWARDS[kind]
    max_award = gen.amount(low, high) if high else 0

    def keep(share: float) -> bool:
        return rng.random() < share

    return ProgramRecord(
        slug=slug,
        title=fit(title, 255),
        agency_slug=agency.slug,
        kind=kind,
        summary=fit(cap(s.PROGRAM_SUMMARIES[language].format(**fields)), 500),
        description="".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs),
        how_to_apply=f"<p>{escape(s.PROGRAM_HOW_TO_APPLY[language])}</p>",
        apply_url=example_url(agency.slug, f"/apply/{slug}"),
        budget_total=max(max_award * rng.randint(5, 20), gen.amount(500_000_000, 3_000_000_000)),
        max_award=max_award or None,
        opens_at=opens_at,
        closes_at=closes_at,
        eligible_kinds=list(kinds) if keep(0.85) else [],
        eligible_stages=list(stages) if stages and keep(0.7) else [],
        eligible_sectors=list(theme.sectors[:2]) if keep(0.7) else [],
        eligible_locations=NEARBY.get(agency.location, [agency.location]) if keep(0.4) else [],
        founded_after=gen.today.replace(year=gen.today.year - rng.choice((3, 5, 7)), month=1, day=1)
        if "startup" in kinds and keep(0.5)
        else None,
        founded_before=gen.today.replace(year=gen.today.year - 1, month=12, day=31)
        if kind in ("loan", "tax_incentive") and keep(0.6)
        else None,
        max_team_size=team_cap if team_cap and keep(0.6) else None,
        trl_min=trl_range[0] if trl_range and keep(0.7) else None,
        trl_max=trl_range[1] if trl_range and keep(0.5) else None,
        other_conditions=" ".join(gen.pick(s.PROGRAM_CONDITIONS[language], (0, 2))),
        publish=publish,
        theme=theme.key,
    )
