"""`python manage.py matches_rebuild`: refit the models and recompute every match, with a progress bar."""

import time

from django.core.management.base import BaseCommand

from ecosystem.demo.progress import Progress, duration
from matching.services import feeds
from matching.services.recompute import matches_rebuild_all


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
            from matching.tasks import matches_refit

            result = matches_refit.delay()
            self.stdout.write(self.style.SUCCESS(f"matches_rebuild: sent to the workers (task {result.id})."))
            return
        # Every seeker and provider is one step: each builds its own list.
        querysets = (feeds.startup_queryset, feeds.need_queryset, feeds.capability_queryset, feeds.mentor_queryset)
        total = sum(queryset().count() for queryset in querysets) + feeds.program_queryset().count()
        progress = Progress(total, stream=self.stderr, label="matches_rebuild", enabled=options["verbosity"] > 0)
        outcome = matches_rebuild_all(progress=progress.advance)
        progress.close()
        self.stdout.write(
            self.style.SUCCESS(
                f"matches_rebuild: {outcome['written']:,} matches written, {outcome['retired']:,} retired "
                f"in {duration(time.monotonic() - started)}."
            )
        )
