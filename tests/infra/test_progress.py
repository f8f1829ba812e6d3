"""The progress bar of long management commands (seed_demo --scale, search_rebuild, matches_rebuild)."""

from io import StringIO

from infra.progress import Progress


def test_progress_shows_counts_and_time_left_without_flooding_a_log():
    times = iter([0.0, 30.0, 60.0, 90.0, 120.0])
    stream = StringIO()  # not a terminal: plain lines, one per tenth of the way at most
    progress = Progress(400, stream=stream, label="seeding", clock=lambda: next(times))

    progress.advance(100)
    progress.advance(100)
    progress.advance(200)

    lines = stream.getvalue().splitlines()
    assert lines[0] == "seeding [#######.......................] 100/400  25% elapsed 30.0 s, ETA 0:01:30"
    assert lines[-1].startswith("seeding [##############################] 400/400 100% elapsed 0:01:30, ETA 0.0 s")
    assert len(lines) == 3
