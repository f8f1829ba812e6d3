"""Benchmark volumes: N organisations with profiles, capabilities, mentors, needs and programs, in bulk.

The same generators as the demo, written batch by batch with bulk inserts (a few dozen queries per
batch of thousands of rows). Each run gets a tag in its slugs and e-mails, so runs add up instead of
colliding, and the same seed on the same database state gives the same data.
"""

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db.models import Max
from django.utils import timezone

from demo import programs as program_generator
from demo import vocabularies as v
from demo.generators import Generator
from demo.loader import BATCH_SIZE, BulkLoader, Taxonomy, programs_load, taxonomies_ensure
from demo.plan import CAPABILITY_KINDS, DEMO_SEED, PROGRAM_KINDS
from demo.programs import STATUSES
from demo.records import OrganisationRecord
from demo.seed import technology_names
from demo.themes import THEMES, THEMES_BY_KEY
from ecosystem.models import Organisation

# Share of each kind among the N organisations; startups take the rest (about 84%).
MIX = {
    "university": 0.05,
    "research_institute": 0.05,
    "enterprise": 0.04,
    "investor": 0.004,
    "government_agency": 0.003,
    "support_organisation": 0.003,
}
INSTITUTIONS = {
    "university": v.UNIVERSITIES,
    "research_institute": v.RESEARCH_INSTITUTES,
    "government_agency": v.GOVERNMENT_AGENCIES,
    "support_organisation": v.SUPPORT_ORGANISATIONS,
    "investor": v.INVESTORS,
}
BRANCH = {"vi": "{name} – phân hiệu {place}", "en": "{name} – {place} branch"}
CAPABILITIES_PER_ORGANISATION = 1 / 5
MENTORS_PER_ORGANISATION = 1 / 50
NEEDS_PER_ORGANISATION = 1 / 100
PROGRAMS_PER_ORGANISATION = 1 / 500


@dataclass
class ScaleResult:
    created: Counter
    seconds: float
    tag: str


def spread(total: int, holders: int, index: int) -> int:
    """Return how many of `total` items the holder at `index` gets when shared as evenly as possible."""
    if holders <= 0:
        return 0
    base, extra = divmod(total, holders)
    return base + (1 if index < extra else 0)


def kinds_for(count: int, rng) -> list[str]:
    """Return `count` organisation kinds in the MIX proportions, shuffled."""
    kinds = [kind for kind, share in MIX.items() for _ in range(round(count * share))][:count]
    kinds += ["startup"] * (count - len(kinds))
    rng.shuffle(kinds)
    return kinds


def _run_tag() -> str:
    # Ids only grow, so the next id names this run uniquely (and identically on identical databases).
    last = Organisation.objects.aggregate(last=Max("pk"))["last"] or 0
    return f"s{last + 1:x}"


class ScaleSeeder:
    """Generates and loads one scale run; `progress(count)` is called as rows of each step are written."""

    def __init__(self, *, count: int, seed: int = DEMO_SEED, batch_size: int = BATCH_SIZE):
        self.count = count
        self.batch_size = batch_size
        self.tag = _run_tag()
        self.gen = Generator(seed=f"{seed}:{self.tag}", today=timezone.localdate(), tag=self.tag)
        self.kinds = kinds_for(count, self.gen.rng)
        self.totals = {
            "capabilities": round(count * CAPABILITIES_PER_ORGANISATION),
            "mentors": round(count * MENTORS_PER_ORGANISATION),
            "needs": round(count * NEEDS_PER_ORGANISATION),
            "programs": max(1, round(count * PROGRAMS_PER_ORGANISATION)) if count else 0,
        }
        self._academic = self._needers = 0  # running indexes, to spread capabilities and needs
        self._academics = sum(kind in ("university", "research_institute") for kind in self.kinds)
        self._needing = sum(kind in ("enterprise", "government_agency") for kind in self.kinds)
        self.publishers: list[OrganisationRecord] = []

    @property
    def steps(self) -> int:
        """Return the number of units `progress` will count: organisations, mentors and programs."""
        return self.count + self.totals["mentors"] + (self.totals["programs"] if self._can_publish else 0)

    @property
    def _can_publish(self) -> bool:
        return any(kind in PROGRAM_KINDS for kind in self.kinds)

    def run(self, progress: Callable[[int], None] = lambda _count: None) -> ScaleResult:
        started = time.monotonic()
        taxonomies_ensure()
        taxonomy = Taxonomy.load(technology_names())
        admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        loader = BulkLoader(
            taxonomy=taxonomy,
            # Benchmark people never sign in: an unusable password, and no verified address rows.
            password_hash=make_password(None),
            verified_by_id=admin.pk if admin else None,
            verify_addresses=False,
        )
        for start in range(0, self.count, self.batch_size):
            batch = [self._organisation(kind) for kind in self.kinds[start : start + self.batch_size]]
            loader.load(batch)
            progress(len(batch))
        for start in range(0, self.totals["mentors"], self.batch_size):
            size = min(self.batch_size, self.totals["mentors"] - start)
            loader.load([], [self.gen.mentor(themes=tuple(self.gen.pick(THEMES, (1, 2)))) for _ in range(size)])
            progress(size)
        created = loader.created
        if self._can_publish:
            created.update(programs_load(list(self._programs()), taxonomy=taxonomy, user=admin))
            progress(self.totals["programs"])
        return ScaleResult(created=created, seconds=time.monotonic() - started, tag=self.tag)

    def _organisation(self, kind: str) -> OrganisationRecord:
        gen = self.gen
        if kind in ("startup", "enterprise"):
            record = gen.startup(theme=gen.rng.choice(THEMES), kind=kind)
        else:
            name_vi, name_en, location, theme_keys = gen.rng.choice(INSTITUTIONS[kind])
            language = gen.institution_language(name_en)
            location = gen.location(THEMES_BY_KEY[theme_keys[0]]) if gen.rng.random() < 0.7 else location
            place = gen.place(location, language)
            record = gen.institution(
                kind=kind,
                names=(BRANCH["vi"].format(name=name_vi, place=place), BRANCH["en"].format(name=name_en, place=place)),
                location=location,
                themes=tuple(THEMES_BY_KEY[key] for key in theme_keys),
                language=language,
            )
        # Agencies act as agencies only once verified; other kinds are verified now and then.
        verified = kind == "government_agency" or gen.rng.random() < 0.2
        record.verified_at = timezone.now() if verified else None
        if kind in ("university", "research_institute"):
            self._add_capabilities(record)
        if kind in ("enterprise", "government_agency"):
            for _ in range(spread(self.totals["needs"], self._needing, self._needers)):
                theme = THEMES_BY_KEY[gen.rng.choice(record.themes)]
                record.needs.append(gen.need(organisation=record, theme=theme, poster=record.owner))
            self._needers += 1
        if kind in PROGRAM_KINDS:
            self.publishers.append(record)
        return record

    def _add_capabilities(self, record: OrganisationRecord) -> None:
        # One researcher per institution keeps the user count near N; they own and answer for every capability.
        gen = self.gen
        for index in range(spread(self.totals["capabilities"], self._academics, self._academic)):
            theme = THEMES_BY_KEY[record.themes[index % len(record.themes)]]
            kind = CAPABILITY_KINDS[(self._academic + index) % len(CAPABILITY_KINDS)]
            record.capabilities.append(
                gen.capability(organisation=record, theme=theme, kind=kind, owner=record.owner, contact=record.owner)
            )
        self._academic += 1

    def _programs(self):
        gen = self.gen
        for index in range(self.totals["programs"]):
            publisher = self.publishers[index % len(self.publishers)]
            yield program_generator.program(
                gen,
                agency=publisher,
                theme=THEMES_BY_KEY[gen.rng.choice(publisher.themes)],
                kind=gen.rng.choice(PROGRAM_KINDS[publisher.kind]),
                status=STATUSES[index % len(STATUSES)],
                cohort=index // len(self.publishers) + 1,
                publish=True,
            )
