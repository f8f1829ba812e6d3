"""Ids collected while a transaction runs and handed over once, when it commits.

Receivers of model signals record what changed here instead of queueing a task per save; a
rolled-back transaction queues nothing. Search indexing and match recomputes both use it.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db import connection, transaction


class CommitBuffer:
    """Collect {label: ids} until the current transaction commits, then call `send` with them once."""

    def __init__(self, name: str, send: Callable[[dict[str, set[int]]], None]):
        self.attribute = f"{name}_pending"
        self.send = send

    def add(self, changes: dict[str, Iterable[int]]) -> None:
        """Record changed ids (None ignored) for when the current transaction commits."""
        pending = self._pending()
        for label, ids in changes.items():
            pending[label].update(i for i in ids if i is not None)
        transaction.on_commit(self._flush, robust=True)

    def _pending(self) -> dict[str, set[int]]:
        # One buffer per transaction: if no flush is waiting for this commit, earlier changes were rolled back.
        waiting = any(callback == self._flush for _sids, callback, _robust in connection.run_on_commit)
        if not waiting or not hasattr(connection, self.attribute):
            setattr(connection, self.attribute, defaultdict(set))
        return getattr(connection, self.attribute)

    def _flush(self) -> None:
        pending = {label: ids for label, ids in getattr(connection, self.attribute, {}).items() if ids}
        setattr(connection, self.attribute, defaultdict(set))
        if pending:
            self.send(pending)
