"""The JSONL output: whole lines only, and what an earlier run left in it (for --resume).

Each line is written with one ``write`` call on an unbuffered append-mode descriptor, so
Ctrl-C or a kill at any moment leaves whole lines; should a write ever be cut short (a full
disk, a power cut), ``--resume`` drops the partial last line before appending.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from checker.batch.jobs import Digest, JobKey, digest_of
from checker.model import InputError

Identity = tuple[str, str, tuple[int, ...]]


class LineWriter:
    """Writes JSONL lines to a file (appending) or to stdout, each whole and at once."""

    def __init__(self, path: Path | None, fresh: bool) -> None:
        self.path = path
        self._stream: BinaryIO | None = None
        self._fd: int | None = None
        if path is None:
            self._stream = sys.stdout.buffer
            return
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (os.O_TRUNC if fresh else 0)
        try:
            self._fd = os.open(path, flags, 0o644)
        except OSError as error:
            raise InputError(f"cannot write {path}: {error.strerror or error}") from None

    def write(self, line: str) -> None:
        data = line.encode("utf-8")
        if self._fd is None:
            assert self._stream is not None
            self._stream.write(data)
            self._stream.flush()
            return
        written = os.write(self._fd, data)
        while written < len(data):  # a short write: only on a full disk or a signal
            written += os.write(self._fd, data[written:])

    def close(self) -> None:
        if self._fd is not None:
            os.fsync(self._fd)  # the finished output survives a power cut too
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> LineWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@dataclass
class PriorOutput:
    """The records an earlier run left that this run keeps, and what it dropped."""

    done: dict[JobKey, Digest] = field(default_factory=dict)  # jobs of this batch, finished
    foreign: int = 0  # records of jobs not in this batch: kept, not counted in the summary
    retried: int = 0  # error records of jobs of this batch: dropped, the jobs run again
    superseded: int = 0  # records of files changed since: dropped, the jobs run again
    duplicates: int = 0  # a second record of one job: dropped
    partial_tail: bool = False  # a last line cut short: dropped
    whole_lines_bytes: int = 0  # where the complete lines end


def take_prior_output(path: Path, current: dict[Identity, str | None]) -> PriorOutput:
    """Read what an earlier run wrote to ``path`` and leave there only what this run keeps.

    ``current`` maps each job of this run to its content hash. A record is kept when its
    job is not part of this batch, or when it is a report on the same content; error records
    are dropped so that their jobs are tried again, as are records of changed files. When
    anything is dropped the file is rewritten atomically (a temporary file renamed over it).
    InputError when the file holds a line that is not a batch record: better to stop than to
    append to some other file.
    """
    prior = PriorOutput()
    if not path.exists():
        return prior
    keep: list[bool] = []
    for number, line in _lines(path, prior):
        digest = _parse_record(line, path, number)
        keep.append(_decide(digest, current, prior))
    if not all(keep):
        _rewrite(path, keep)
    elif prior.partial_tail:
        os.truncate(path, prior.whole_lines_bytes)  # one system call: nothing else changes
    return prior


def _lines(path: Path, prior: PriorOutput) -> Iterator[tuple[int, bytes]]:
    """Complete lines with their numbers; notes a partial last line instead of yielding it."""
    try:
        with path.open("rb") as stream:
            for number, line in enumerate(stream, start=1):
                if not line.endswith(b"\n"):
                    prior.partial_tail = True
                    return
                prior.whole_lines_bytes += len(line)
                yield number, line
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None


def _parse_record(line: bytes, path: Path, number: int) -> Digest:
    try:
        record = json.loads(line)
        return digest_of(record)
    except (ValueError, TypeError, KeyError):
        raise InputError(f"{path}: line {number} is not a batch record; not resuming into "
                         "this file (move it away, or run without --resume)") from None


def _decide(digest: Digest, current: dict[Identity, str | None], prior: PriorOutput) -> bool:
    identity, sha256 = digest.key[:3], digest.key[3]
    if identity not in current:
        prior.foreign += 1
        return True
    if digest.error is not None:
        prior.retried += 1
        return False
    if sha256 != current[identity]:
        prior.superseded += 1
        return False
    if digest.key in prior.done:
        prior.duplicates += 1
        return False
    prior.done[digest.key] = digest
    return True


def _rewrite(path: Path, keep: list[bool]) -> None:
    """Copy the kept lines to a temporary file beside ``path`` and rename it over ``path``."""
    directory = path.resolve().parent
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out, path.open("rb") as stream:
            for kept, line in zip(keep, stream, strict=False):
                if kept:
                    out.write(line)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

