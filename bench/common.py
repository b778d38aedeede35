"""Shared helpers for the benchmarks: paths, the alarm definition, and printing."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from checker.model import Finding, Report, Severity

ROOT = Path(__file__).resolve().parent.parent
# ../shared/external beside the project, as on the developer machines and in CI
EXTERNAL = Path(os.environ.get("CHECKER_EXTERNAL", ROOT.parent / "shared" / "external"))
DEMETR_DIR = EXTERNAL / "demetr" / "dataset"
WMT21_DIR = EXTERNAL / "wmt21-news-systems" / "txt"
WMT21_SOURCE = WMT21_DIR / "sources" / "newstest2021.zh-en.src.zh"
WMT21_REFERENCE = WMT21_DIR / "references" / "newstest2021.zh-en.ref.A.en"

ALARM_CATEGORIES = ("number", "date")
ALARM_MIN_RANK = Severity.MAJOR.rank


def is_alarm(finding: Finding) -> bool:
    """A number or date finding of severity major or above: what the benchmarks count."""
    return finding.category in ALARM_CATEGORIES and finding.severity.rank >= ALARM_MIN_RANK


def alarms(report: Report) -> list[Finding]:
    return [f for f in report.findings if is_alarm(f)]


def title(text: str) -> None:
    print()
    print(f"=== {text} ===")


def skipped(what: str, path: Path) -> None:
    print(f"skipped: {what} not found ({path})")


def missing(*paths: Path) -> Path | None:
    """The first path that does not exist, or None when all are there."""
    return next((p for p in paths if not p.exists()), None)


def rate(hits: int, total: int) -> str:
    """'17/18 = 94.4%' (or 'n/a' with no items)."""
    if total == 0:
        return "0/0 = n/a"
    return f"{hits}/{total} = {100 * hits / total:.1f}%"


def share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def median_time(run: Callable[[], object], repeats: int = 5) -> tuple[float, list[float]]:
    """Median wall time of ``repeats`` calls, and all the times (seconds)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def spread(times: Iterable[float]) -> str:
    values = sorted(times)
    return f"min {values[0]:.3f} s, max {values[-1]:.3f} s"


def shorten(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
