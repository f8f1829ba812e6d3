"""Create the demo ecosystem in the database: the entry point `seed_demo` calls."""

from collections import Counter
from datetime import date

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from demo.loader import BulkLoader, Taxonomy, programs_load, taxonomies_ensure
from demo.plan import DEMO_SEED, demo_plan
from demo.themes import THEMES

ORGANISATION_WORDS = {
    "startup": "startups",
    "enterprise": "SMEs / enterprises",
    "university": "universities",
    "research_institute": "research institutes",
    "government_agency": "government agencies",
    "support_organisation": "support organisations",
    "investor": "investors",
}
CONTENT_WORDS = ("profiles", "capabilities", "needs", "mentor offers")


def technology_names() -> list[str]:
    """Return every technology tag the themes use."""
    return sorted({name for theme in THEMES for name in theme.technologies})


def demo_ecosystem_seed(
    *, admin, password: str, reserved_names=(), today: date | None = None, seed: int = DEMO_SEED
) -> list[str]:
    """Create whatever part of the demo ecosystem is missing; return one line per kind of thing created.

    `reserved_names` are organisation names the plan must not use (the hand-written demo ones).
    People get `password`, hashed once; organisations are verified by `admin`.
    """
    log = []
    if taxonomies_ensure():
        log.append("installed the starting taxonomies")
    plan = demo_plan(today=today or timezone.localdate(), seed=seed, reserved_names=reserved_names)
    taxonomy = Taxonomy.load(technology_names())
    loader = BulkLoader(taxonomy=taxonomy, password_hash=make_password(password), verified_by_id=admin.pk)
    created = loader.load(plan.organisations, plan.mentors)
    created.update(programs_load(plan.programs, taxonomy=taxonomy, user=admin))
    return log + describe(created)


def describe(created: Counter) -> list[str]:
    """Return log lines for the counts of created rows (nothing for what was not created)."""
    lines = []
    kinds = [f"{created[kind]:,} {words}" for kind, words in ORGANISATION_WORDS.items() if created[kind]]
    if kinds:
        total = sum(created[kind] for kind in ORGANISATION_WORDS)
        lines.append(f"created {total:,} demo organisations: {', '.join(kinds)}")
    content = [f"{created[word]:,} {word}" for word in CONTENT_WORDS if created[word]]
    if content:
        lines.append(f"created {', '.join(content)}")
    if created["users"] or created["memberships"]:
        lines.append(f"created {created['users']:,} demo people and {created['memberships']:,} memberships")
    if created["programs published"]:
        lines.append(f"published {created['programs published']:,} programs")
    if created["program drafts"]:
        lines.append(f"saved {created['program drafts']:,} program drafts")
    return lines
