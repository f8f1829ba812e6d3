"""A small progress bar with counts and an ETA, for long management commands.

Redraws one line on a terminal; elsewhere (logs, CI, tests) writes a plain line every tenth of the
way, so captured output stays readable.
"""

import time
from datetime import timedelta
from functools import partial

from django.core.management.base import OutputWrapper


def duration(seconds: float) -> str:
    """Return seconds as "1:02:03" (or "12.3 s" under a minute)."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    return str(timedelta(seconds=round(seconds)))


class Progress:
    WIDTH = 30

    def __init__(self, total: int, *, stream, label: str = "", enabled: bool = True, clock=time.monotonic):
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream
        self.label = label
        self.enabled = enabled
        self.clock = clock
        self.started = clock()
        self._tty = enabled and callable(getattr(stream, "isatty", None)) and stream.isatty()
        # A command's self.stderr ends every write with a newline unless told otherwise.
        self._write = partial(stream.write, ending="") if isinstance(stream, OutputWrapper) else stream.write
        self._next_plain_line = 0.1

    def advance(self, count: int = 1) -> None:
        self.done = min(self.done + count, self.total)
        if not self.enabled:
            return
        if self._tty:
            self._write(f"\r{self.line()}")
            self.stream.flush()
        elif self.done / self.total >= self._next_plain_line or self.done == self.total:
            self._write(f"{self.line()}\n")
            while self._next_plain_line <= self.done / self.total:
                self._next_plain_line += 0.1

    def close(self) -> None:
        if self.enabled and self._tty:
            self._write("\n")
            self.stream.flush()

    def line(self) -> str:
        """Return the bar as text: label, bar, counts, percentage, elapsed and estimated time left."""
        share = self.done / self.total
        filled = int(share * self.WIDTH)
        elapsed = self.clock() - self.started
        eta = duration(elapsed / share - elapsed) if share else "?"
        bar = "#" * filled + "." * (self.WIDTH - filled)
        return (
            f"{self.label} [{bar}] {self.done:,}/{self.total:,} {share:4.0%} elapsed {duration(elapsed)}, ETA {eta}"
        ).strip()
