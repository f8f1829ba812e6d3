"""Measure the matching engine on a public benchmark folder (see shared/benchmarks/README.md).

    python manage.py evaluate_matching funding --data ../shared/benchmarks/funding-sbir --json out.json
    python manage.py evaluate_matching partners --data ../shared/benchmarks/partners-cordis
    python manage.py evaluate_matching profiles --data ../shared/benchmarks/profiles-vntc --json out.json

Runs the same engine classes the portal uses, beside the baselines, in one run; nothing is
downloaded. `--validation-years N` holds out the last N training years instead of the test file,
for tuning without looking at test labels.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from matching.evaluation import funding, partners, profiles

EVALUATIONS = {"funding": funding.evaluate, "partners": partners.evaluate, "profiles": profiles.evaluate}
FILES = {
    "funding": ("programs.jsonl", "train.jsonl.gz", "test.jsonl.gz"),
    "partners": ("train.csv.gz", "test.csv.gz"),
    "profiles": ("queries.jsonl.gz", "corpus.jsonl.gz"),
}


class Command(BaseCommand):
    help = "Evaluate the matching engine on a benchmark folder and print (and optionally write) the metrics."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(EVALUATIONS))
        parser.add_argument("--data", required=True, type=Path, help="the benchmark folder")
        parser.add_argument("--json", dest="json_path", type=Path, help="also write the result to this file")
        parser.add_argument(
            "--validation-years", type=int, default=0, help="evaluate on the last N training years instead of test"
        )

    def handle(self, *args, kind, data, json_path: Path | None = None, validation_years=0, **options):
        missing = [name for name in FILES[kind] if not (data / name).is_file()]
        if missing:
            raise CommandError(f"{data} is not a {kind} benchmark folder: missing {', '.join(missing)}")
        result = EVALUATIONS[kind](data, validation_years=validation_years)
        self.stdout.write(_table(result))
        text = _dumps(result)
        self.stdout.write(text)
        if json_path is not None:
            json_path.parent.mkdir(parents=True, exist_ok=True)
            json_path.write_text(text + "\n", encoding="utf-8")


def _dumps(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False)


def _table(result: dict) -> str:
    """Return the metrics as aligned text: the engine first, then each baseline."""
    rows = [("engine", result["engine"]), *result["baselines"].items()]
    names = list(result["engine"])
    width = max(len(label) for label, _ in rows) + 2
    lines = [
        f"{result['kind']} ({result.get('split', 'test')}): {result['n_test']} queries, "
        f"fitted in {result['fit_seconds']} s",
        " " * width + "".join(f"{name:>10}" for name in names),
    ]
    for label, metrics in rows:
        lines.append(f"{label:<{width}}" + "".join(f"{metrics[name]:>10.4f}" for name in names))
    return "\n".join(lines)
