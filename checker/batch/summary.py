"""The summary of a batch: counts, findings per rule and severity, the score distribution,
the worst documents, errors and unpaired files — on the terminal and as JSON.

It is built from record digests, one at a time, so a batch of millions of pairs keeps only
counters, the scores and a short list of the worst documents in memory.
"""

from __future__ import annotations

import heapq
import statistics
from array import array
from collections import Counter
from dataclasses import dataclass, field

from checker.batch.inputs import Unpaired
from checker.batch.jobs import Digest
from checker.model import Severity

SUMMARY_SCHEMA = 1
WORST_SHOWN = 10
ERRORS_KEPT = 1000  # listed in the JSON summary; every error is in the JSONL anyway
LISTED_ON_TERMINAL = 10
# score bins, high to low, ten points wide where documents fall: faithful translations score
# about 70-85, a planted error or two takes them into the 50s and 60s; a perfect 100 apart
SCORE_BINS = ((100.0, 100.0), (90.0, 100.0), (80.0, 90.0), (70.0, 80.0), (60.0, 70.0),
              (50.0, 60.0), (0.0, 50.0))


@dataclass
class BatchTally:
    """Digests added one by one; ``fail_rank`` is the --fail-on threshold (None: never)."""

    fail_rank: int | None
    reports: int = 0
    earlier: int = 0  # of the reports and errors, those an earlier run wrote
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (source, target, error)
    error_count: int = 0
    by_rule: Counter = field(default_factory=Counter)
    by_severity: Counter = field(default_factory=Counter)
    scores: array = field(default_factory=lambda: array("d"))
    failing: int = 0  # reports with a finding at or above --fail-on
    # the lowest scores, as a min-heap on -score: its top, the best of them, goes first
    _worst: list[tuple[float, int, str, str]] = field(default_factory=list)

    def add(self, digest: Digest, earlier: bool = False) -> None:
        self.earlier += earlier
        source, target = digest.key[0], _with_lines(digest.key[1], digest.key[2])
        if digest.error is not None:
            self.error_count += 1
            if len(self.errors) < ERRORS_KEPT:
                self.errors.append((source, target, digest.error))
            return
        self.reports += 1
        assert digest.score is not None
        self.scores.append(digest.score)
        for rule, severity in digest.findings:
            self.by_rule[rule] += 1
            self.by_severity[severity] += 1
        if self.fail_rank is not None and any(
            Severity(severity).rank >= self.fail_rank for _, severity in digest.findings
        ):
            self.failing += 1
        entry = (-digest.score, len(digest.findings), source, target)
        if len(self._worst) < WORST_SHOWN:
            heapq.heappush(self._worst, entry)
        else:
            heapq.heappushpop(self._worst, entry)

    @property
    def exit_code(self) -> int:
        """1 when any report has a finding at or above --fail-on, else 0."""
        return 1 if self.failing else 0

    def worst(self) -> list[dict]:
        ranked = sorted(self._worst, key=lambda e: (-e[0], -e[1], e[2]))
        return [{"source": s, "target": t, "score": -negative, "findings": n}
                for negative, n, s, t in ranked]

    def score_distribution(self) -> dict:
        scores = self.scores
        if not scores:
            return {"mean": None, "median": None, "min": None, "max": None, "bins": []}
        return {
            "mean": round(statistics.fmean(scores), 2),
            "median": round(statistics.median(scores), 2),
            "min": min(scores),
            "max": max(scores),
            "bins": [{"from": low, "to": high, "count": _count_in(scores, low, high)}
                     for low, high in SCORE_BINS],
        }


def _with_lines(target: str, lines: tuple[int, ...]) -> str:
    return f"{target}:{lines[0]}-{lines[1]}" if lines else target


def _count_in(scores: array, low: float, high: float) -> int:
    """Scores in [low, high), or exactly ``high`` for the one-point bin of perfect scores."""
    if low == high:
        return sum(1 for s in scores if s == high)
    return sum(1 for s in scores if low <= s < high)


@dataclass(frozen=True)
class RunFacts:
    """What the summary reports about the run itself, beside the tally."""

    jobs: int
    checked_now: int
    unpaired: list[Unpaired]
    duplicates: int
    foreign: int
    engine: str
    workers: int
    seconds: float
    fail_on: str
    worker_peak_rss: dict[int, int]
    interrupted: bool = False


def summary_dict(tally: BatchTally, facts: RunFacts) -> dict:
    return {
        "schema": SUMMARY_SCHEMA,
        "pairs": {
            "jobs": facts.jobs,
            "checked": tally.reports,
            "errors": tally.error_count,
            "from_earlier_run": tally.earlier,
            "this_run": facts.checked_now,
            "not_done": facts.jobs - tally.reports - tally.error_count,
            "duplicate_inputs": facts.duplicates,
            "other_records_in_output": facts.foreign,
        },
        "findings": {
            "total": sum(tally.by_rule.values()),
            "by_severity": {s.value: tally.by_severity.get(s.value, 0) for s in Severity},
            "by_rule": dict(sorted(tally.by_rule.items())),
        },
        "scores": tally.score_distribution(),
        "worst": tally.worst(),
        "errors": [{"source": s, "target": t, "error": e} for s, t, e in tally.errors],
        "unpaired": [{"path": u.path, "reason": u.reason} for u in facts.unpaired],
        "fail_on": facts.fail_on,
        "failing_documents": tally.failing,
        "exit_code": tally.exit_code,
        "interrupted": facts.interrupted,
        "run": {
            "engine": facts.engine,
            "workers": facts.workers,
            "seconds": round(facts.seconds, 2),
            "pairs_per_second": round(facts.checked_now / facts.seconds, 2)
            if facts.seconds > 0 else None,
            "worker_peak_rss_mb": {str(pid): round(rss / 2**20, 1)
                                   for pid, rss in sorted(facts.worker_peak_rss.items())},
        },
    }


def render_summary(summary: dict, console) -> None:
    """The summary for a person: a few lines, then the worst documents, errors and
    unpaired files (the first few of each; all are in the JSON summary)."""
    from rich.table import Table

    pairs, findings, scores = summary["pairs"], summary["findings"], summary["scores"]
    earlier = f" ({pairs['from_earlier_run']:,} from an earlier run)" \
        if pairs["from_earlier_run"] else ""
    console.print(f"[bold]{pairs['checked']:,}[/] of {pairs['jobs']:,} jobs checked{earlier}"
                  f" · {pairs['errors']:,} errors · {len(summary['unpaired']):,} unpaired files"
                  f" · {summary['run']['seconds']:.1f} s")
    severities = ", ".join(f"{n:,} {s}" for s, n in findings["by_severity"].items() if n)
    console.print(f"findings: {findings['total']:,}" + (f" ({severities})" if severities else ""))
    if findings["by_rule"]:
        console.print("by rule: " + " · ".join(f"{r} {n:,}" for r, n in
                                               findings["by_rule"].items()))
    if scores["bins"]:
        bins = " · ".join(_bin_label(b) for b in scores["bins"] if b["count"])
        console.print(f"scores: mean {scores['mean']}, median {scores['median']}, "
                      f"min {scores['min']} ({bins})")
    if summary["worst"] and findings["total"]:
        table = Table("score", "findings", "source", "target", box=None,
                      title="worst documents", title_justify="left")
        for row in summary["worst"]:
            if row["findings"]:
                table.add_row(f"{row['score']:.1f}", str(row["findings"]), row["source"],
                              row["target"])
        console.print(table)
    _render_list(console, "errors", [f"{e['source']}: {e['error']}" for e in summary["errors"]],
                 pairs["errors"])
    _render_list(console, "unpaired files",
                 [f"{u['path']} ({u['reason']})" for u in summary["unpaired"]],
                 len(summary["unpaired"]))


def _bin_label(score_bin: dict) -> str:
    low, high = score_bin["from"], score_bin["to"]
    span = f"{high:g}" if low == high else f"{low:g}–{high:g}"
    return f"{span}: {score_bin['count']:,}"


def _render_list(console, title: str, items: list[str], total: int) -> None:
    if not items:
        return
    console.print(f"{title}:")
    for item in items[:LISTED_ON_TERMINAL]:
        console.print(f"  {item}", markup=False, highlight=False, soft_wrap=True)
    if total > LISTED_ON_TERMINAL:
        console.print(f"  … and {total - LISTED_ON_TERMINAL:,} more (see --summary)")
