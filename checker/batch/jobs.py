"""Jobs: a spec with the bytes to check and their hash; checking one, in any worker.

The parent reads every job's bytes and ships them to the worker, so the content hash in a
record is the hash of exactly what was checked, and a Dask worker on another machine needs
no shared file system. Whatever goes wrong with one job becomes that job's error record.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from checker.batch.inputs import JobSpec
from checker.load import (
    BilingualFile,
    bilingual_from_pairs,
    decode_text,
    document_from_bytes,
    is_tmx,
    parse_tmx,
    parse_tsv,
    require_both_languages,
)
from checker.model import Document, InputError
from checker.pipeline import CheckOptions, check_bilingual, check_documents
from checker.report.json_report import report_to_dict

DEFAULT_MAX_BYTES = 10_000_000  # per file: far beyond any report, and a minute of checking
ERROR_MESSAGE_LIMIT = 500
WORKER_DIED = "the worker process died while checking this pair (out of memory, or a crash)"

# (source, target, lines of a chunk or (), content hash or None): a record is resumable
# when a job of the new run has the same key
JobKey = tuple[str, str, tuple[int, ...], str | None]


@dataclass(frozen=True)
class Job:
    """A spec with its content: a pair's two files as bytes, or a bilingual job's text in
    UTF-8 (one part)."""

    spec: JobSpec
    sha256: str
    data: tuple[bytes, ...]


@dataclass(frozen=True)
class Digest:
    """What the summary and --resume need from a record, without keeping the record."""

    key: JobKey
    error: str | None
    score: float | None
    findings: tuple[tuple[str, str], ...]  # (rule, severity) of each finding


@dataclass(frozen=True)
class Outcome:
    """A finished job: its JSONL line (newline included) and the digest of that line."""

    line: str
    digest: Digest
    worker_pid: int | None = None  # None: settled in the parent, e.g. a missing file
    worker_rss: int | None = None  # the worker's resident memory after the job, bytes


# checks a job in a worker: check_job, or in tests a function that misbehaves
CheckFunction = Callable[[Job, CheckOptions], Outcome]


def content_hash(parts: Sequence[bytes]) -> str:
    """SHA-256 of the parts, each length-prefixed so that ("ab", "c") ≠ ("a", "bc")."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def job_fields(spec: JobSpec, sha256: str | None) -> dict:
    """The record's ``job`` field: which files (and lines), and the hash of their content."""
    fields: dict = {"source": spec.source, "target": spec.target}
    if spec.lines:
        fields["lines"] = list(spec.lines)
    if spec.reference:
        fields["reference"] = spec.reference
    fields["sha256"] = sha256
    return fields


def record_key(job: dict) -> JobKey:
    """The resume key of a record's ``job`` field."""
    return (str(job["source"]), str(job["target"]), tuple(job.get("lines") or ()),
            job.get("sha256"))


def spec_key(spec: JobSpec, sha256: str | None) -> JobKey:
    return (*spec.identity, sha256)


# ---------------------------------------------------------------- records


def one_line(message: str) -> str:
    """An error message as one line of bounded length: a record line must stay a line."""
    text = " ".join(message.split())
    return text if len(text) <= ERROR_MESSAGE_LIMIT else text[: ERROR_MESSAGE_LIMIT - 1] + "…"


def error_outcome(spec: JobSpec, sha256: str | None, message: str) -> Outcome:
    record = {"job": job_fields(spec, sha256), "error": one_line(message)}
    return Outcome(serialise(record), digest_of(record))


def serialise(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def digest_of(record: dict) -> Digest:
    """The digest of a record, as written by a worker or read back from the output."""
    key = record_key(record["job"])
    if "error" in record:
        return Digest(key, str(record["error"]), None, ())
    findings = tuple((str(f["rule"]), str(f["severity"])) for f in record["findings"])
    return Digest(key, None, float(record["score"]["overall"]), findings)


# ---------------------------------------------------------------- loading (in the parent)


def jobs_only(items: Iterable[Job | Outcome], settled: deque[Outcome]) -> Iterator[Job]:
    """The jobs among ``items``, lazily; outcomes settled in the parent (a missing file, a
    file too large) are put in ``settled`` for the engine to pass on."""
    for item in items:
        if isinstance(item, Outcome):
            settled.append(item)
        else:
            yield item


class JobLoader:
    """Reads each job's content and hashes it; a file that cannot be read, or is too large,
    settles its job as an error record here, without a worker."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        # the chunks of one bilingual file are consecutive jobs: decode the file once
        self._last_file: tuple[str, list[str] | str] | None = None

    def load(self, spec: JobSpec) -> Job | Outcome:
        try:
            data = self._bilingual_text(spec) if spec.bilingual else self._pair_bytes(spec)
        except InputError as error:
            return error_outcome(spec, None, str(error))
        return Job(spec, content_hash(data), data)

    def _pair_bytes(self, spec: JobSpec) -> tuple[bytes, bytes]:
        source, target = Path(spec.source), Path(spec.target)
        if source.resolve() == target.resolve():
            raise InputError(f"the same file was given twice: {spec.source}")
        return self._read(source), self._read(target)

    def _bilingual_text(self, spec: JobSpec) -> tuple[bytes]:
        if spec.lines is None:
            text = decode_text(self._read(Path(spec.source)), spec.source)[0]
        else:
            first, last = spec.lines
            text = "\n".join(self._lines_of(spec.source)[first - 1 : last])
        data = text.encode("utf-8")
        if len(data) > self.max_bytes:
            raise InputError(f"{spec.source}: too large ({len(data):,} bytes of text; the "
                             f"limit is {self.max_bytes:,}, see --max-bytes, or use --chunk)")
        return (data,)

    def _lines_of(self, path: str) -> list[str]:
        if self._last_file is None or self._last_file[0] != path:
            try:
                text = decode_text(Path(path).read_bytes(), path)[0]
                self._last_file = (path, text.split("\n"))
            except InputError as error:
                self._last_file = (path, str(error))
            except OSError as error:
                self._last_file = (path, f"cannot read {path}: {error.strerror or error}")
        found = self._last_file[1]
        if isinstance(found, str):
            raise InputError(found)
        return found

    def _read(self, path: Path) -> bytes:
        try:
            if not path.is_file():
                what = "a directory, not a file" if path.is_dir() else "missing"
                raise InputError(f"{path}: {what}")
            size = path.stat().st_size
            if size > self.max_bytes:
                raise InputError(f"{path}: too large ({size:,} bytes; the limit is "
                                 f"{self.max_bytes:,}, see --max-bytes)")
            return path.read_bytes()
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror or error}") from None


# ---------------------------------------------------------------- checking (in a worker)


def warm_up(options: CheckOptions) -> None:
    """Load the dictionaries a check needs, once per worker process, before the first job."""
    from checker.lexicon import load_lexicon
    from checker.names.romanize import readings
    from checker.names.table import build_table, common_words

    build_table(options.glossary)
    load_lexicon()
    common_words()
    readings("中")


def check_job(job: Job, options: CheckOptions) -> Outcome:
    """Check one job and return its record line; a bad pair, or a bug the pair triggers,
    becomes an error record: it costs that pair, never the batch."""
    try:
        report = _check(job, options)
    except InputError as error:
        outcome = error_outcome(job.spec, job.sha256, str(error))
    except Exception as error:  # a bug (or MemoryError): recorded with its type, batch goes on
        outcome = error_outcome(job.spec, job.sha256,
                                f"internal error: {type(error).__name__}: {error}")
    else:
        record = {"job": job_fields(job.spec, job.sha256), **report_to_dict(report)}
        outcome = Outcome(serialise(record), digest_of(record))
    return Outcome(outcome.line, outcome.digest, os.getpid(), _resident_memory())


def check_jobs(jobs: list[Job], options: CheckOptions, check: CheckFunction = check_job
               ) -> list[Outcome]:
    """Several jobs in one task (for Dask, where a task has a fixed cost)."""
    return [check(job, options) for job in jobs]


def _check(job: Job, options: CheckOptions):
    loaded = job_documents(job)
    if isinstance(loaded, BilingualFile):
        return check_bilingual(loaded, options, label=job.spec.source)
    return check_documents(*loaded, options, labels=(job.spec.source, job.spec.target))


def job_documents(job: Job) -> BilingualFile | tuple[Document, Document]:
    """A job's content loaded as it is checked: a bilingual job's columns, or two documents;
    InputError for content that cannot be checked."""
    spec = job.spec
    if spec.bilingual:
        text = job.data[0].decode("utf-8")
        first_line = spec.lines[0] if spec.lines else 1
        pairs = parse_tmx(text, spec.source) if is_tmx(spec.source) else parse_tsv(
            text, spec.source, first_line, header=spec.lines is None)
        return bilingual_from_pairs(pairs, spec.source)
    source = document_from_bytes(job.data[0], spec.source)
    target = document_from_bytes(job.data[1], spec.target)
    require_both_languages(source, target)
    return source, target


def _resident_memory() -> int | None:
    import psutil

    try:
        return _this_process().memory_info().rss
    except psutil.Error:
        return None


@cache
def _this_process():
    import psutil

    return psutil.Process()
