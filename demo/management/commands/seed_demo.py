"""Fill the database with a fictional, bilingual demo ecosystem, or with benchmark volumes.

`seed_demo`: site pages, a demo admin, hand-written demo organisations, then the generated
ecosystem (demo/): 200+ startups and SMEs, universities and institutes with their
capabilities, mentors, needs and programs in every status. Idempotent: everything is looked up
before it is created and existing rows are left as they are, so running it twice changes nothing.
Deterministic: a fixed seed, so two empty databases seeded on the same day hold the same data.
Demo passwords come from the environment (with fixed defaults) because the point is to sign in
and look around, never to protect real data.

`seed_demo --scale N`: adds N organisations with profiles (plus capabilities, mentors, needs and
programs in proportion) with bulk inserts, for benchmarks; each run adds a new batch.
"""

import argparse
import logging
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from accounts.sites import site_sync
from demo.loader import BATCH_SIZE
from demo.pages import seed_site_pages
from demo.plan import DEMO_SEED
from demo.scale import ScaleSeeder
from demo.seed import ORGANISATION_WORDS, demo_ecosystem_seed
from ecosystem.models import Capability, MentorOffer, Need, Organisation, OrganisationKind, Program, StartupProfile
from ecosystem.permissions import MODERATORS_GROUP, OFFICERS_GROUP
from ecosystem.services import organisations as services
from infra.progress import Progress, duration

DEMO_ADMIN_EMAIL = "admin@helix.local"
DEMO_MODERATOR_EMAIL = "moderator@helix.local"
DEMO_OFFICER_EMAIL = "owner.government@helix.local"
# Wagtail and django-tasks log every page save; the command's own lines say the same in one line each.
CHATTY_LOGGERS = ("wagtail", "django_tasks", "modelsearch", "ecosystem.services.organisations")


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    kind: OrganisationKind
    summary: str
    owner_email: str


# One or more of every kind, so lists, filters and the helix colours all have something to show.
DEMO_ORGANISATIONS = [
    DemoOrganisation(
        "Đại học Thủ Dầu Một (demo)",
        OrganisationKind.UNIVERSITY,
        "Đại học đa ngành với phòng thí nghiệm IoT và đô thị thông minh. "
        "Multidisciplinary university with IoT and smart-city labs.",
        "owner.university@helix.local",
    ),
    DemoOrganisation(
        "Viện Nghiên cứu Đô thị Thông minh (demo)",
        OrganisationKind.RESEARCH_INSTITUTE,
        "Nghiên cứu dữ liệu giao thông, năng lượng và quy hoạch. Research on mobility data, energy and planning.",
        "owner.institute@helix.local",
    ),
    DemoOrganisation(
        "Sở Khoa học và Công nghệ (demo)",
        OrganisationKind.GOVERNMENT_AGENCY,
        "Đặt hàng bài toán đô thị thông minh và quản lý quỹ hỗ trợ đổi mới. "
        "Commissions smart-city challenges and runs the innovation fund.",
        "owner.government@helix.local",
    ),
    DemoOrganisation(
        "Trung tâm Đổi mới Sáng tạo Bình Dương (demo)",
        OrganisationKind.SUPPORT_ORGANISATION,
        "Ươm tạo, cố vấn và kết nối startup với doanh nghiệp. Incubation, mentoring and startup-industry matching.",
        "owner.hub@helix.local",
    ),
    DemoOrganisation(
        "Quỹ Đầu tư Sông Bé Ventures (demo)",
        OrganisationKind.INVESTOR,
        "Đầu tư giai đoạn sớm vào công nghệ sản xuất và logistics. "
        "Early-stage investor in manufacturing and logistics.",
        "owner.investor@helix.local",
    ),
    DemoOrganisation(
        "Công ty Cơ khí Chính xác Tân Uyên (demo)",
        OrganisationKind.ENTERPRISE,
        "Gia công cơ khí chính xác, cần giải pháp bảo trì dự đoán. "
        "Precision machining; looking for predictive maintenance.",
        "owner.enterprise@helix.local",
    ),
    DemoOrganisation(
        "GreenLogix Việt Nam (demo)",
        OrganisationKind.STARTUP,
        "Tối ưu tuyến giao hàng và xe điện cho khu công nghiệp. "
        "Route optimisation and EV fleets for industrial parks.",
        "owner.greenlogix@helix.local",
    ),
    DemoOrganisation(
        "AgriSense (demo)",
        OrganisationKind.STARTUP,
        "Cảm biến IoT cho nông nghiệp công nghệ cao. IoT sensors for high-tech farming.",
        "owner.agrisense@helix.local",
    ),
]


def _ensure_verified_address(user, log: list[str]) -> None:
    # allauth lets only people with a verified address sign in (ACCOUNT_EMAIL_VERIFICATION=mandatory).
    address, created = EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if not created and not (address.verified and address.primary):
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])
        log.append(f"verified {user.email}")


def ensure_user(*, email: str, password: str, display_name: str, log: list[str], superuser: bool = False):
    """Return the user with this e-mail address, creating it (verified) if missing; never resets a password."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        create = User.objects.create_superuser if superuser else User.objects.create_user
        user = create(email=email, password=password, display_name=display_name)
        log.append(f"created {'superuser' if superuser else 'user'} {email}")
    _ensure_verified_address(user, log)
    return user


def ensure_moderators_group(log: list[str]) -> Group:
    # Wagtail's migrations create "Moderators" with page permissions; create it only if it is gone.
    group, created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    if created:
        log.append(f"created group {MODERATORS_GROUP!r}")
    return group


def ensure_demo_staff(*, moderators: Group, password: str, log: list[str]) -> None:
    """A moderator to approve officers' submissions, and the demo agency's owner among the officers."""
    moderator = ensure_user(email=DEMO_MODERATOR_EMAIL, password=password, display_name="Demo moderator", log=log)
    if not moderator.groups.filter(pk=moderators.pk).exists():
        moderator.groups.add(moderators)
        log.append(f"added {DEMO_MODERATOR_EMAIL} to {moderators.name!r}")
    officers = Group.objects.filter(name=OFFICERS_GROUP).first()
    owner = get_user_model().objects.filter(email=DEMO_OFFICER_EMAIL).first()
    if officers is not None and owner is not None and not owner.groups.filter(pk=officers.pk).exists():
        owner.groups.add(officers)
        log.append(f"added {DEMO_OFFICER_EMAIL} to {officers.name!r}")


def ensure_demo_organisations(*, password: str, log: list[str]) -> list[Organisation]:
    """Return the demo organisations, creating each missing one with its own demo owner."""
    organisations = []
    for demo in DEMO_ORGANISATIONS:
        organisation = Organisation.objects.filter(name=demo.name).first()
        if organisation is None:
            owner = ensure_user(
                email=demo.owner_email, password=password, display_name=f"Demo owner · {demo.name}", log=log
            )
            organisation = services.organisation_create(
                user=owner, name=demo.name, kind=demo.kind, summary=demo.summary
            )
            # The programme office seeds these itself: verified, so the demo agency's officer has
            # the powers a real, verified agency's officers have.
            organisation.is_verified, organisation.verified_at = True, timezone.now()
            organisation.save(update_fields=["is_verified", "verified_at", "updated_at"])
            log.append(f"created organisation {demo.name!r} ({demo.kind.label})")
        organisations.append(organisation)
    return organisations


@contextmanager
def _quiet(logger_names, *, enabled: bool):
    loggers = [logging.getLogger(name) for name in logger_names] if enabled else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


class Command(BaseCommand):
    help = (
        "Create the bilingual demo: site pages, a demo admin and a fictional ecosystem (idempotent). "
        "With --scale N, add N organisations with profiles for benchmarks instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=_positive,
            metavar="N",
            help="Add N benchmark organisations (with profiles, capabilities, mentors, needs, programs) in bulk.",
        )
        parser.add_argument(
            "--seed", type=int, default=DEMO_SEED, help=f"Random seed of the generated data (default {DEMO_SEED})."
        )
        parser.add_argument(
            "--batch-size",
            type=_positive,
            default=BATCH_SIZE,
            help=f"Organisations per bulk insert with --scale (default {BATCH_SIZE}).",
        )

    def handle(self, *args, **options):
        if options["scale"] is not None:
            return self.handle_scale(
                count=options["scale"],
                seed=options["seed"],
                batch_size=options["batch_size"],
                verbosity=options["verbosity"],
            )
        admin_password = os.environ.get("DEMO_ADMIN_PASSWORD", "helix-demo-admin")
        owner_password = os.environ.get("DEMO_USER_PASSWORD", "helix-demo-user")
        started = time.monotonic()
        # The quiet block also covers the commit, where Wagtail's on-commit handlers log.
        with _quiet(CHATTY_LOGGERS, enabled=options["verbosity"] < 2), transaction.atomic():
            log = seed_site_pages()
            site, renamed = site_sync()
            if renamed:
                log.append(f"site named {site.name!r} at {site.domain}")
            moderators = ensure_moderators_group(log)
            admin = ensure_user(
                email=DEMO_ADMIN_EMAIL,
                password=admin_password,
                display_name="Helix demo admin",
                superuser=True,
                log=log,
            )
            ensure_demo_organisations(password=owner_password, log=log)
            ensure_demo_staff(moderators=moderators, password=owner_password, log=log)
            log += demo_ecosystem_seed(
                admin=admin,
                password=owner_password,
                reserved_names=[demo.name for demo in DEMO_ORGANISATIONS],
                seed=options["seed"],
            )

        for line in log:
            self.stdout.write(f"  {line}")
        note = "" if admin.check_password(admin_password) else " (password changed since it was created; not reset)"
        self.stdout.write(f"demo admin: {DEMO_ADMIN_EMAIL} / {admin_password}{note}")
        self.stdout.write(f"demo organisation owners: owner.*@helix.local / {owner_password}")
        self.stdout.write(
            f"demo people (owners, researchers, officers, mentors): *@demo.helix.local / {owner_password}"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"seed_demo: {len(log) or 'no'} change(s) in {duration(time.monotonic() - started)}; "
                f"{_database_counts()} in the database."
            )
        )

    def handle_scale(self, *, count: int, seed: int, batch_size: int, verbosity: int) -> None:
        seeder = ScaleSeeder(count=count, seed=seed, batch_size=batch_size)
        progress = Progress(seeder.steps, stream=self.stderr, label="seed_demo --scale", enabled=verbosity > 0)
        with _quiet(CHATTY_LOGGERS, enabled=verbosity < 2), transaction.atomic():
            result = seeder.run(progress=progress.advance)
        progress.close()
        created = result.created
        kinds = ", ".join(f"{created[kind]:,} {words}" for kind, words in ORGANISATION_WORDS.items() if created[kind])
        self.stdout.write(
            self.style.SUCCESS(
                f"seed_demo --scale: created {count:,} organisations ({kinds}) with {created['profiles']:,} "
                f"profiles, {created['capabilities']:,} capabilities, {created['mentor offers']:,} mentor offers, "
                f"{created['needs']:,} needs, {created['programs published']:,} programs and "
                f"{created['users']:,} people (run {result.tag}) in {duration(result.seconds)}."
            )
        )


def _database_counts() -> str:
    counts = {
        "pages": Page.objects.filter(depth__gt=1).count(),
        "organisations": Organisation.objects.count(),
        "startup profiles": StartupProfile.objects.count(),
        "capabilities": Capability.objects.count(),
        "mentor offers": MentorOffer.objects.count(),
        "needs": Need.objects.count(),
        "programs": Program.objects.count(),
        "users": get_user_model().objects.count(),
    }
    return ", ".join(f"{count:,} {name}" for name, count in counts.items())
