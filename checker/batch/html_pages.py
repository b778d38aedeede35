"""``checker batch … --html DIR``: an HTML page per report and an index linking them.

The pages are built from the JSONL output once the batch is done, so a resumed batch gets
pages for the jobs of earlier runs too. A record holds the findings, segments and scores but
not the text: each job's files are read again and must hash to the record's ``sha256``
(otherwise they changed since the check and the index lists the job without a page); the
sentences are cut again exactly as the check cut them, and every finding's text is checked
against the document before the page is written.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from checker.batch.inputs import JobSpec
from checker.batch.jobs import Job, JobLoader, job_documents
from checker.files import write_atomically
from checker.load import BilingualFile
from checker.model import (
    Document,
    Finding,
    InputError,
    Report,
    Segment,
    Sentence,
    Severity,
    Span,
)
from checker.report.html_report import IndexEntry, render_html, render_index
from checker.segment import segment, segment_lines

INDEX = "index.html"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class PagesWritten:
    pages: int
    without_page: int  # reports whose files changed since (or could not be read again)
    errors: int  # error records: listed, no page


def write_html_pages(jsonl: Path, directory: Path) -> PagesWritten:
    """Write a page for every report in ``jsonl`` and ``index.html`` into ``directory``
    (created if need be); each file atomically. InputError when the directory cannot be
    made or written."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot create {directory}: {error.strerror or error}") from None
    loader = JobLoader(max_bytes=2**62)  # the batch already refused the files too large
    entries: list[IndexEntry] = []
    pages = without_page = 0
    try:
        for record in _records(jsonl):
            entry = _entry(record, loader, directory)
            entries.append(entry)
            pages += entry.href is not None
            without_page += entry.href is None and entry.error is None
        index = render_index(entries, title=f"Batch report: {jsonl.name}")
        write_atomically(directory / INDEX, index)
    except OSError as error:
        raise InputError(f"cannot write the HTML pages in {directory}: "
                         f"{error.strerror or error}") from None
    return PagesWritten(pages, without_page, len(entries) - pages - without_page)


def _records(jsonl: Path) -> Iterator[dict]:
    """The batch records of a JSONL file; a line cut short by a crash is skipped."""
    try:
        with jsonl.open(encoding="utf-8") as stream:
            for line in stream:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict) and isinstance(record.get("job"), dict):
                    yield record
    except OSError as error:
        raise InputError(f"cannot read {jsonl}: {error.strerror or error}") from None


def _entry(record: dict, loader: JobLoader, directory: Path) -> IndexEntry:
    job = record["job"]
    spec = JobSpec(source=str(job["source"]), target=str(job["target"]),
                   bilingual=job["source"] == job["target"],
                   lines=tuple(job["lines"]) if job.get("lines") else None)
    lines = tuple(spec.lines or ())
    if "error" in record:
        return IndexEntry(spec.source, spec.target, error=str(record["error"]), lines=lines)
    findings = [_finding(f) for f in record["findings"]]
    severities = tuple((s.value, sum(f.severity == s for f in findings)) for s in Severity)
    score = float(record["score"]["overall"])
    try:
        report = _report(record, spec, findings, loader)
    except _NoPage as reason:
        return IndexEntry(spec.source, spec.target, None, score, severities, lines=lines,
                          note=f"no page: {reason}")
    name = page_name(spec)
    write_atomically(directory / name, render_html(report, index_href=INDEX))
    return IndexEntry(spec.source, spec.target, quote(name), score, severities, lines=lines)


class _NoPage(Exception):
    """Why a report gets no page (its files changed since, or cannot be read)."""


def page_name(spec: JobSpec) -> str:
    """A file name that says which pair it is and cannot collide with another job's."""
    stem = _UNSAFE.sub("_", Path(spec.source).name).strip("._") or "pair"
    if spec.lines:
        stem += f"-lines{spec.lines[0]}-{spec.lines[1]}"
    key = json.dumps([spec.source, spec.target, list(spec.lines or ())])
    return f"{stem[:80]}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:8]}.html"


def _report(record: dict, spec: JobSpec, findings: list[Finding], loader: JobLoader
            ) -> Report:
    loaded = loader.load(spec)
    if not isinstance(loaded, Job):
        raise _NoPage(f"cannot read the files again: {loaded.digest.error}")
    if loaded.sha256 != record["job"].get("sha256"):
        raise _NoPage("the files changed since this check; run the batch again for a page")
    try:
        documents = job_documents(loaded)
    except InputError as error:
        raise _NoPage(str(error)) from None
    if isinstance(documents, BilingualFile):
        source, target = documents.source, documents.target
        sentences = (segment_lines(source, documents.source_cells),
                     segment_lines(target, documents.target_cells))
    else:
        source, target = documents
        sentences = (segment(source), segment(target))
    segments = [Segment(tuple(s["source"]), tuple(s["target"]), float(s["similarity"]),
                        float(s["score"])) for s in record["segments"]]
    _require_consistent(source, target, sentences, segments, findings)
    return Report(source, target, sentences[0], sentences[1], segments, findings,
                  float(record["score"]["overall"]), spec.source, spec.target)


def _require_consistent(source: Document, target: Document,
                        sentences: tuple[list[Sentence], list[Sentence]],
                        segments: list[Segment], findings: list[Finding]) -> None:
    """The record must fit the documents read again: else the page would mark wrong text."""
    for segment_ in segments:
        if any(i >= len(sentences[0]) for i in segment_.src) or any(
                i >= len(sentences[1]) for i in segment_.tgt):
            raise _NoPage("the record's segments do not fit the documents")
    for finding in findings:
        for span, document in ((finding.source, source), (finding.target, target)):
            if span is not None and document.text[span.start:span.end] != span.text:
                raise _NoPage(f"the text of a {finding.rule} finding is not where the record "
                              "says")


def _finding(data: dict) -> Finding:
    return Finding(rule=str(data["rule"]), name=str(data["name"]),
                   category=str(data["category"]), severity=Severity(data["severity"]),
                   message=str(data["message"]), source=_span(data.get("source")),
                   target=_span(data.get("target")), suggestion=data.get("suggestion"),
                   segment=data.get("segment"))


def _span(data: dict | None) -> Span | None:
    if data is None:
        return None
    return Span(int(data["start"]), int(data["end"]), str(data["text"]))
