"""Baselines: today's findings, recorded so that a later run reports only the new ones.

A finding is recorded by what it is about, not by where: its rule, the text of its source
and target spans and its suggestion, each with whitespace collapsed and NFKC-normalised. No
offset, segment number or message goes in (a message may count other mentions in the
document), so an edit elsewhere in the document does not break the baseline. The same key
found several times is recorded with its count; a later run hides at most that many, in
document order, and reports the rest.

The file is JSON, sorted, one entry per key, so that it reads and diffs well under review.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

from checker.model import Finding, InputError, Report

FORMAT = "checker-baseline"
VERSION = 1
Key = tuple[str, str, str, str]  # rule, source text, target text, suggestion
_FIELDS = ("rule", "source", "target", "suggestion")


def finding_key(finding: Finding) -> Key:
    return (finding.rule,
            _normalise(finding.source.text if finding.source else ""),
            _normalise(finding.target.text if finding.target else ""),
            _normalise(finding.suggestion or ""))


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def render_baseline(report: Report) -> str:
    """The baseline of a report as JSON text (the caller writes it atomically)."""
    counts = Counter(finding_key(f) for f in report.findings)
    entries = [dict(zip(_FIELDS, key, strict=True)) | {"count": count}
               for key, count in sorted(counts.items())]
    content = {
        FORMAT: VERSION,
        "source": report.source_label,
        "target": report.target_label,
        "findings": entries,
    }
    return json.dumps(content, ensure_ascii=False, indent=2) + "\n"


def read_baseline(path: Path) -> Counter[Key]:
    """The recorded keys and their counts; InputError for a file that is not a baseline."""
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"cannot read baseline {path}: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: not a checker baseline (invalid JSON: {error})") from None
    if not isinstance(content, dict) or content.get(FORMAT) != VERSION:
        raise InputError(f"{path}: not a checker baseline (no \"{FORMAT}\": {VERSION}; "
                         f"write one with --write-baseline)")
    entries = content.get("findings")
    if not isinstance(entries, list):
        raise InputError(f"{path}: a baseline needs a \"findings\" array")
    counts: Counter[Key] = Counter()
    for number, entry in enumerate(entries, start=1):
        key, count = _entry(entry, path, number)
        counts[key] += count
    return counts


def _entry(entry: object, path: Path, number: int) -> tuple[Key, int]:
    bad = InputError(f"{path}: finding {number}: expected an object with rule, source, "
                     f"target, suggestion (strings) and count (a positive integer)")
    if not isinstance(entry, dict):
        raise bad
    texts = [entry.get(name) for name in _FIELDS]
    count = entry.get("count", 1)
    if not all(isinstance(t, str) for t in texts) or not texts[0]:
        raise bad
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise bad
    rule, source, target, suggestion = texts
    return (rule, _normalise(source), _normalise(target), _normalise(suggestion)), count


def apply_baseline(findings: list[Finding], baseline: Counter[Key]
                   ) -> tuple[list[Finding], int]:
    """The findings the baseline does not cover, and how many it covered."""
    remaining = Counter(baseline)
    new: list[Finding] = []
    for finding in findings:
        key = finding_key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(finding)
    return new, len(findings) - len(new)
