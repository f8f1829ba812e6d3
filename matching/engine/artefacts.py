"""Fitted models as versioned artefacts: joblib files with the library versions they were made with.

Loading is lazy (`LazyArtefact.get()` on first use, never at import) and refuses a file written by
other numpy/scipy/scikit-learn versions, because a pickled estimator may silently misbehave
across versions: the portal then refits instead (`evaluate_matching` and the recompute task do).
"""

from __future__ import annotations

import platform
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeAlias

# 2: Vietnamese words (the fitted vectorizer carries its lexicon and segmented texts), the collaboration
# record's recommender, and its column in the collaboration re-ranker's features.
# 3: the meaning space (semantic.py) in the match index, and the score's parts in profile re-rankers' features.
FORMAT = 3

# An artefact's header: plain JSON-like values (format, name, version, libraries, created_at, metadata),
# read back from a pickle, so its values are whatever the file holds.
Header: TypeAlias = dict[str, Any]


class ArtefactMismatch(RuntimeError):
    """The artefact was written by other library versions (or another format): refit it."""


def library_versions() -> dict[str, str]:
    """Return the versions that decide whether a pickled model can be trusted."""
    from importlib.metadata import version

    import joblib
    import numpy
    import scipy
    import sklearn

    return {
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "scikit-learn": sklearn.__version__,
        "joblib": joblib.__version__,
        # The segmenter's model decides a text's words: another one reads the vocabulary differently.
        "underthesea": version("underthesea"),
    }


def save(model: object, path: Path, *, name: str, version: str, metadata: dict[str, object] | None = None) -> Header:
    """Write `model` with its header (name, version, library versions, time); return the header."""
    import joblib

    header: Header = {
        "format": FORMAT,
        "name": name,
        "version": version,
        "libraries": library_versions(),
        "created_at": datetime.now(UTC).isoformat(),
        "metadata": metadata or {},
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    # Level 1: as small as level 3 for these files (85 against 83 MB at 20,000 organisations) and
    # three times faster to write, which a nightly refit at 100,000 organisations waits for.
    joblib.dump({"header": header, "model": model}, temporary, compress=1)
    temporary.replace(path)  # readers never see a half-written file
    return header


def load(path: Path, *, name: str | None = None) -> tuple[Any, Header]:
    """Return (model, header) from `path`; raise ArtefactMismatch when it cannot be trusted here.

    The model is whatever was saved (an unpickled object: Any to the type checker).
    """
    import joblib

    payload = joblib.load(Path(path))
    header = payload.get("header", {})
    if header.get("format") != FORMAT or (name is not None and header.get("name") != name):
        raise ArtefactMismatch(f"{path}: not a {name or 'matching'} artefact of format {FORMAT}")
    expected = library_versions()
    recorded = header.get("libraries", {})
    differing = {
        lib: (recorded.get(lib), v) for lib, v in expected.items() if lib != "python" and recorded.get(lib) != v
    }
    if differing:
        raise ArtefactMismatch(f"{path}: written with other library versions {differing}")
    return payload["model"], header


class LazyArtefact:
    """A model file loaded on first use and kept; safe to share between threads."""

    def __init__(self, path: Path, *, name: str) -> None:
        self.path = Path(path)
        self.name = name
        self._model: Any = None
        self._header: Header | None = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        """Return the model, loading it the first time."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model, self._header = load(self.path, name=self.name)
        return self._model

    @property
    def header(self) -> Header | None:
        return self._header
