"""Digest benchmark: 10,000 recipients with matches, rendered and delivered by two Celery workers.

    .venv/bin/python bench/digests.py                        # 10,000 recipients
    .venv/bin/python bench/digests.py --recipients 500       # a quick check
    PG_URL=postgres://user@host:5432 REDIS_URL=redis://127.0.0.1:6379/12 .venv/bin/python bench/digests.py --keep

Creates a throwaway PostgreSQL database (--database, default helix_bench_digests), migrates it and
bulk-inserts the recipients (each a startup owner with three funding matches, half of them reading
English) plus programs closing soon. A local aiosmtpd sink records every Message-ID it accepts. Two
solo Celery workers on Redis run what beat runs every morning (`digests_plan`): the plan writes one
outbox row per recipient and fans out batches; each batch renders and sends its digests over one
SMTP connection. The clock runs from sending the plan until every digest is marked sent.
Reported: seconds, duplicates (Message-IDs accepted twice), missing (recipients who got nothing),
peak RSS of the worker processes (VmHWM). The database is dropped afterwards unless --keep. The
last line of output is one JSON object.

Targets: under 120 seconds for 10,000 recipients, under 8 minutes for 100,000.
"""

import argparse
import json
import os
import re
import sys
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from support import create_database, drop_database, log, start_worker, stop_workers, wait_until_ready  # noqa: E402

MATCHES_PER_RECIPIENT = 3
PROGRAMS = 30
TIMEOUT = 1800
REASONS = [{"code": "shared_terms", "params": {"terms": ["giao thông", "camera"]}, "weight": 0.5}]
MESSAGE_ID = re.compile(rb"^Message-ID:\s*(<[^>]+>)", re.IGNORECASE | re.MULTILINE)
TO = re.compile(rb"^To:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


class Sink:
    """An SMTP handler that keeps only what the report needs: Message-IDs and recipients."""

    def __init__(self):
        self.message_ids: Counter = Counter()
        self.recipients: Counter = Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        message_id = MESSAGE_ID.search(content)
        with self.lock:
            self.message_ids[message_id.group(1) if message_id else b"?"] += 1
            for address in envelope.rcpt_tos:
                self.recipients[address] += 1
        return "250 Message accepted for delivery"

    @property
    def count(self) -> int:
        return sum(self.message_ids.values())


def load(recipients: int) -> None:
    """Bulk-insert programs, recipients, their startups, memberships and matches (no signals, no save())."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from ecosystem.models import Membership, Organisation, OrganisationKind, Program, ProgramKind, Role
    from matching.models import Match, MatchKind, match_key

    now = timezone.now()
    agency = Organisation.objects.create(
        name="Sở Khoa học và Công nghệ", slug="so-khcn", kind=OrganisationKind.GOVERNMENT_AGENCY
    )
    programs = Program.objects.bulk_create(
        Program(
            agency=agency, title=f"Chương trình hỗ trợ đổi mới sáng tạo {number}", slug=f"program-{number}",
            kind=ProgramKind.GRANT, summary="Grants for startups piloting smart-city solutions.", live=True,
            opens_at=now - timedelta(days=10),
            # A few close within two weeks: they appear as "eligible, closing soon" where not matched.
            closes_at=now + timedelta(days=7 if number % 10 == 0 else 40 + number),
            eligible_kinds=["startup"] if number % 10 == 0 else [],
        )
        for number in range(PROGRAMS)
    )  # fmt: skip
    password = make_password(None)
    User = get_user_model()
    batch = 2000
    for start in range(0, recipients, batch):
        numbers = range(start, min(start + batch, recipients))
        users = User.objects.bulk_create(
            User(
                email=f"reader{number}@bench.example", display_name=f"Reader {number}", password=password,
                preferred_language="en" if number % 2 else "vi",
            )
            for number in numbers
        )  # fmt: skip
        EmailAddress.objects.bulk_create(
            EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
        )
        startups = Organisation.objects.bulk_create(
            Organisation(name=f"Startup {number}", slug=f"startup-{number}", kind=OrganisationKind.STARTUP)
            for number in numbers
        )
        Membership.objects.bulk_create(
            Membership(organisation=startup, user=user, role=Role.OWNER)
            for user, startup in zip(users, startups, strict=True)
        )
        matches = []
        for index, startup in enumerate(startups):
            for offset in range(MATCHES_PER_RECIPIENT):
                program = programs[(start + index * 7 + offset * 11) % PROGRAMS]
                matches.append(
                    Match(
                        key=match_key(MatchKind.FUNDING, startup.pk, program.pk), kind=MatchKind.FUNDING,
                        organisation=startup, program=program, score=0.9 - offset * 0.1, model_version="bench",
                        reasons=REASONS, seeker_rank=offset + 1, seeker_listed_at=now,
                    )
                )  # fmt: skip
        Match.objects.bulk_create(matches, ignore_conflicts=True)
        log(f"  loaded {numbers.stop:,} / {recipients:,} recipients")


def peak_rss_mib(pid: int) -> float:
    """Return the process's peak resident set (VmHWM) in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """Return the CPU time (user + system) the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(args, pg_url: str, redis_url: str) -> dict:
    import django
    from aiosmtpd.controller import Controller

    django.setup()
    from django.core.management import call_command

    from notifications.models import DIGEST, Delivery, DeliveryStatus
    from tests.smtp import free_port

    log(f"migrating {args.database} …")
    call_command("migrate", verbosity=0)
    log(f"loading {args.recipients:,} recipients …")
    load(args.recipients)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would have by morning: bulk loads leave no statistics

    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    env = {**os.environ, "EMAIL_URL": f"smtp://127.0.0.1:{port}", "EMAIL_TIMEOUT": "30"}
    os.environ["EMAIL_URL"] = env["EMAIL_URL"]

    from infra.celery_app import app

    app.control.purge()
    logs = Path(args.logs)
    logs.mkdir(parents=True, exist_ok=True)
    workers = [start_worker(f"bench{number}", env, logs / f"worker{number}.log") for number in (1, 2)]
    try:
        wait_until_ready(app, ["bench1", "bench2"])
        log("two workers ready; planning the digests …")
        cpu_before = sum(cpu_seconds(worker.pid) for worker in workers)
        started = time.monotonic()
        app.send_task("notifications.tasks.digests_plan")
        sent = 0
        while sent < args.recipients:
            time.sleep(0.5)
            sent = Delivery.objects.filter(kind=DIGEST, status=DeliveryStatus.SENT).count()
            elapsed = time.monotonic() - started
            print(f"\r  {sent:,} / {args.recipients:,} sent, {elapsed:5.1f} s", end="", flush=True)
            if elapsed > TIMEOUT:
                break
        seconds = time.monotonic() - started
        print()
        time.sleep(1)  # let anything sent twice arrive before counting
        rss = max(peak_rss_mib(worker.pid) for worker in workers)
        cpu = sum(cpu_seconds(worker.pid) for worker in workers) - cpu_before
        log(
            f"workers used {cpu:.1f} CPU seconds ({cpu / max(args.recipients, 1) * 1000:.1f} ms per digest); "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
    finally:
        stop_workers(workers)
        controller.stop()
    statuses = dict(Counter(Delivery.objects.filter(kind=DIGEST).values_list("status", flat=True)))
    log(f"outbox: {statuses}; SMTP sink accepted {sink.count:,} messages")
    duplicates = sum(count - 1 for count in sink.message_ids.values() if count > 1)
    missing = args.recipients - len(sink.recipients)
    return {
        "recipients": args.recipients,
        "seconds": round(seconds, 1),
        "duplicates": duplicates,
        "missing": missing,
        "peak_rss_mib": round(rss, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--database", default="helix_bench_digests")
    parser.add_argument("--logs", default="/tmp/helix-bench-digests", help="where the workers' logs go")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()

    pg_url = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/12")
    create_database(pg_url, args.database)
    os.environ.update(
        {
            "DATABASE_URL": f"{pg_url}/{args.database}",
            "CELERY_BROKER_URL": redis_url,
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            "DEBUG": "False",  # no query log growing in the workers' memory
            "LOG_LEVEL": "WARNING",
            "SEARCH_BACKEND": "database",
        }
    )
    try:
        result = run(args, pg_url, redis_url)
    finally:
        if not args.keep:
            drop_database(pg_url, args.database)
    target = "under 120 s" if result["recipients"] <= 10_000 else "under 8 minutes at 100,000"
    log(
        f"{result['recipients']:,} digests in {result['seconds']} s; duplicates {result['duplicates']}, "
        f"missing {result['missing']}, peak worker RSS {result['peak_rss_mib']} MiB (target {target})"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
