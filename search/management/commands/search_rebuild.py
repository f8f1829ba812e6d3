"""`python manage.py search_rebuild`: rebuild the search index from the database, with a progress bar."""

import time

from django.core.management.base import BaseCommand, CommandError

from infra.progress import Progress, duration
from search.backends import SearchUnavailable, get_search_backend
from search.services import search_document_count, search_index_rebuild, search_index_sweep


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the database without downtime (Elasticsearch: into a new index, "
        "then the alias moves). With --changed-only, index only what changed since it was last indexed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--changed-only",
            action="store_true",
            help="Run the sweeper once instead of a full rebuild (what the periodic task does).",
        )

    def handle(self, *args, **options):
        backend = get_search_backend()
        started = time.monotonic()
        try:
            if options["changed_only"]:
                outcome = search_index_sweep(backend=backend)
                self.stdout.write(
                    self.style.SUCCESS(
                        f"search_rebuild --changed-only: {outcome.indexed:,} indexed, {outcome.deleted:,} removed "
                        f"({backend.name} backend) in {duration(time.monotonic() - started)}."
                    )
                )
                return
            progress = Progress(
                search_document_count(), stream=self.stderr, label="search_rebuild", enabled=options["verbosity"] > 0
            )
            count = search_index_rebuild(backend=backend, progress=progress.advance)
            progress.close()
        except SearchUnavailable as exc:
            raise CommandError(f"The search engine is unavailable: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"search_rebuild: {count:,} documents indexed ({backend.name} backend) "
                f"in {duration(time.monotonic() - started)}."
            )
        )
