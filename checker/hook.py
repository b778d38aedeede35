"""``checker hook FILE…``: check the document pairs that a commit touches.

A pre-commit hook passes the changed files. Each one pairs by the same conventions as a
batch directory (``NAME.zh.EXT`` beside ``NAME.en.EXT``, ``zh/PATH`` beside ``en/PATH``); a
partner that did not change is read from disk all the same, and a pair named twice is
checked once. Files that are not one side of a pair are left alone.

Start-up matters here: this module imports only the pairing code, and the pipeline is
imported when there is a pair to check.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checker.batch.inputs import JobSpec, Unpaired, pair_files
from checker.model import InputError, Severity

if TYPE_CHECKING:
    from rich.console import Console

    from checker.pipeline import CheckOptions

_NOT_A_LANGUAGE_FILE = "no .zh. or .en. language tag in its name"


@dataclass
class HookPairs:
    pairs: list[JobSpec]
    alone: list[Unpaired]  # a language file whose partner does not exist (yet)


def find_pairs(paths: list[Path]) -> HookPairs:
    """The pairs among ``paths``; InputError for a path that is not a file."""
    specs, unpaired = pair_files(paths)
    return HookPairs(specs, [u for u in unpaired if u.reason != _NOT_A_LANGUAGE_FILE])


@dataclass
class HookOutcome:
    checked: int
    errors: int
    findings: Counter[Severity]
    exit_code: int  # 0, 1 by fail_on, or 2 when a pair could not be read


def check_pairs(pairs: list[JobSpec], options: CheckOptions, fail_on: str,
                console: Console, errors: Console) -> HookOutcome:
    """Check each pair and print its text report; a pair that cannot be read gets a
    one-line error and the others are still checked."""
    from checker.pipeline import check_paths
    from checker.report.text_report import render_text

    threshold = None if fail_on == "never" else Severity(fail_on).rank
    outcome = HookOutcome(0, 0, Counter(), 0)
    for number, pair in enumerate(pairs):
        try:
            report = check_paths(pair.source, pair.target, options)
        except InputError as error:
            errors.print(f"checker: error: {error}", markup=False, highlight=False)
            outcome.errors += 1
            continue
        if number:
            console.print()
        render_text(report, console)
        outcome.checked += 1
        outcome.findings.update(f.severity for f in report.findings)
        if threshold is not None and any(f.severity.rank >= threshold
                                         for f in report.findings):
            outcome.exit_code = 1
    if outcome.errors:
        outcome.exit_code = 2
    return outcome


def totals_line(outcome: HookOutcome) -> str:
    total = sum(outcome.findings.values())
    parts = [f"{outcome.findings[s]} {s.value}" for s in Severity if outcome.findings[s]]
    detail = f" ({', '.join(parts)})" if parts else ""
    errors = f", {outcome.errors} not readable" if outcome.errors else ""
    pairs = "pair" if outcome.checked == 1 else "pairs"
    findings = "finding" if total == 1 else "findings"
    return f"checker hook: {outcome.checked} {pairs} checked{errors}: {total} {findings}{detail}"
