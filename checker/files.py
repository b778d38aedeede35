"""Writing output files so that a reader never sees half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, content: str | bytes, newline: str | None = None) -> None:
    """Write to a temporary file beside ``path`` and rename it over ``path``: an interrupted
    run leaves the old file (or none), never a half-written one. Text is written as UTF-8;
    ``newline=""`` writes its line endings exactly as they are in ``content``."""
    directory = path.resolve().parent
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if isinstance(content, bytes):
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as stream:
                stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
