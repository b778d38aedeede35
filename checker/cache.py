"""An on-disk cache for data the checker derives from its bundled files at start-up.

Building the entity table from CC-CEDICT and the curated TSV takes about 0.4 s and loading
the spelling word list 0.15 s: more than the rest of a check of a short pair, which a
pre-commit hook pays on every commit. The derived objects are pickled once into the user's
cache folder (``$CHECKER_CACHE_DIR``, else ``$XDG_CACHE_HOME/checker``, else
``~/.cache/checker``) under a key made of the size and modification time of every
file they derive from, code included; loading one takes a few tens of ms.

Only files this module wrote are ever unpickled (they live in the user's own folder, named
by that key); a cache that cannot be read or written is ignored, never an error.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")

#: Bump to invalidate every cache file when the pickled types change shape.
FORMAT = 1


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is switched off (CHECKER_CACHE_DIR=off)."""
    configured = os.environ.get("CHECKER_CACHE_DIR")
    if configured:
        return None if configured.lower() in ("off", "0", "none") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "checker"


def _key(name: str, sources: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"{FORMAT}:{name}".encode())
    for source in sources:
        stat = source.stat()
        digest.update(f"|{source}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or its result from an earlier run while ``sources`` are unchanged."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{_key(name, sources)}.pickle"
    except OSError:
        return build()
    with contextlib.suppress(Exception), path.open("rb") as handle:  # damaged: rebuild it
        return _load(handle)
    value = build()
    _store(path, value)
    return value


def _load(handle: BinaryIO) -> object:
    """Unpickle with the cyclic garbage collector paused: the entity table is tens of
    thousands of small objects, and collections triggered while they are created double the
    load (140 → 80 ms), a tenth of a check of the seed pair."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(handle)
    finally:
        if enabled:
            gc.enable()


def _store(path: Path, value: object) -> None:
    """Write atomically, so that parallel batch workers never read half a file."""
    from checker.files import write_atomically

    with contextlib.suppress(OSError, pickle.PicklingError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
