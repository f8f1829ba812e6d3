"""`python manage.py matches_rebuild`: refit the models and recompute every match, with a progress bar."""

import time

from django.core.management.base import BaseCommand

from infra.progress import Progress, duration
from matching.pipeline import profiles
from matching.pipeline.recompute import matches_rebuild_all
from matching.tasks import matches_refit


class Command(BaseCommand):
    help = (
        "Refit the matching models on the whole database and recompute every match in this process. "
        "(The nightly task does the same sharded across the Celery workers.) Saved and dismissed "
        "matches keep their state."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--workers",
            action="store_true",
            help="Send the recompute to the Celery workers as a chord of shards instead of running it here.",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        if options["workers"]:
            result = matches_refit.delay()
            self.stdout.write(self.style.SUCCESS(f"matches_rebuild: sent to the workers (task {result.id})."))
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
        outcome = matches_rebuild_all(progress=progress.advance)
        progress.close()
        self.stdout.write(
            self.style.SUCCESS(
                f"matches_rebuild: {outcome['written']:,} matches written, {outcome['retired']:,} retired "
                f"in {duration(time.monotonic() - started)}."
            )
        )
