"""`python manage.py matches_rebuild`: refit the models and recompute every match, with a progress bar."""

import time

from celery.result import AsyncResult
from django.core.management.base import BaseCommand, CommandError

from infra.progress import Progress, duration
from matching.pipeline import profiles
from matching.pipeline.recompute import matches_rebuild_all
from matching.tasks import matches_refit


class Command(BaseCommand):
    help = (
        "Renew the matching models (fit them anew with --refit, or once the texts have changed by "
        "MATCHING_REFIT_DRIFT) and recompute every match on this machine, writing the lists that "
        "changed. (The nightly task does the same sharded across the Celery workers.) Saved and "
        "dismissed matches keep their state."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--workers",
            action="store_true",
            help="Send the recompute to the Celery workers as a chord of shards instead of running it here.",
        )
        parser.add_argument(
            "--refit",
            action="store_true",
            help="Fit the text features and the meaning space anew even if the texts barely changed.",
        )
        parser.add_argument(
            "--processes",
            type=int,
            default=1,
            help="Compute the shards in this many processes on this machine (PostgreSQL; default 1).",
        )
        parser.add_argument(
            "--wait",
            action="store_true",
            help="With --workers: wait until the workers have finished (needs CELERY_RESULT_BACKEND).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        if options["workers"]:
            self._on_workers(wait=options["wait"], refit=options["refit"], started=started)
            return
        # Every seeker and provider is one step: each builds its own list.
        querysets = (
            profiles.startup_queryset,
            profiles.need_queryset,
            profiles.capability_queryset,
            profiles.mentor_queryset,
        )
        total = sum(queryset().count() for queryset in querysets) + profiles.program_queryset().count()
        progress = Progress(total, stream=self.stderr, label="matches_rebuild", enabled=options["verbosity"] > 0)
        outcome = matches_rebuild_all(
            progress=progress.advance, processes=max(options["processes"], 1), refit=options["refit"]
        )
        progress.close()
        self.stdout.write(
            self.style.SUCCESS(
                f"matches_rebuild: {outcome['written']:,} matches written, {outcome['retired']:,} retired "
                f"in {duration(time.monotonic() - started)}."
            )
        )

    def _on_workers(self, *, wait: bool, refit: bool, started: float) -> None:
        if wait and not matches_refit.app.conf.result_backend:
            raise CommandError("--wait needs a result backend: set CELERY_RESULT_BACKEND (e.g. the Redis URL).")
        result = matches_refit.delay(refit=refit)
        self.stdout.write(f"matches_rebuild: sent to the workers (task {result.id}).")
        if not wait:
            return
        finish = result.get()["finish"]
        outcome = AsyncResult(finish, app=matches_refit.app).get() if finish else {}
        self.stdout.write(
            self.style.SUCCESS(
                f"matches_rebuild: the workers wrote {outcome.get('written', 0):,} matches, retired "
                f"{outcome.get('retired', 0):,} in {duration(time.monotonic() - started)}."
            )
        )
