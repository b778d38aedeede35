"""Whole document pairs written for evaluation (bench/heldout/set*): false alarms on the
faithful translation, recall on the planted errors, through the full pipeline (alignment
included).

Each folder holds NAME.zh.txt, NAME.en.txt (faithful), NAME.errors.en.txt and
expected.errors.json (kind, source, target of each planted error). A planted error is
caught when a number or date finding at major or above points at it: its target span
overlaps the expected English text (or, for a dropped number, its source span the Chinese).
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.common import ROOT, alarms, rate, title
from checker.model import Finding, Span
from checker.pipeline import check_paths

HELDOUT = ROOT / "bench" / "heldout"
# Each set was written by someone who had not seen the checker, and measured on arrival; the
# sets were then used to find and fix general weaknesses (bench/README.md: first figures).
SETS = tuple(f"set{n}" for n in range(1, 10))


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def _overlaps(span: Span, places: list[tuple[int, int]]) -> bool:
    return any(span.start < end and start < span.end for start, end in places)


def _points_at(expected: dict, finding: Finding, zh_text: str, en_text: str) -> bool:
    """The finding's span overlaps the planted error (the English text, or for a dropped
    number the Chinese text) somewhere in its document."""
    target, source = expected.get("target"), expected.get("source")
    if target and finding.target:
        return _overlaps(finding.target, _occurrences(en_text, target))
    if target is None and source and finding.source and finding.target is None:
        return _overlaps(finding.source, _occurrences(zh_text, source))
    return False


def _complete(folder: Path) -> bool:
    name = folder.name
    needed = (f"{name}.zh.txt", f"{name}.en.txt", f"{name}.errors.en.txt", "expected.errors.json")
    return folder.is_dir() and all((folder / file).exists() for file in needed)


def _evaluate(folder: Path) -> tuple[list[Finding], int, list[dict]]:
    """(false alarms on the faithful pair, planted count, missed planted errors)."""
    name = folder.name
    source = folder / f"{name}.zh.txt"
    false_alarms = alarms(check_paths(source, folder / f"{name}.en.txt"))
    report = check_paths(source, folder / f"{name}.errors.en.txt")
    found = alarms(report)
    expected = json.loads((folder / "expected.errors.json").read_text(encoding="utf-8"))
    missed = []
    for item in expected:
        hit = next((f for f in found
                    if _points_at(item, f, report.source.text, report.target.text)), None)
        if hit is None:
            missed.append(item)
        else:
            found.remove(hit)
    return false_alarms, len(expected), missed


def main() -> None:
    title("Held-out document pairs: false alarms on faithful text, recall on planted errors")
    for set_name in SETS:
        root = HELDOUT / set_name
        folders = sorted(p for p in root.iterdir() if _complete(p)) if root.exists() else []
        if not folders:
            print(f"skipped: {set_name}/ not found")
            continue
        documents_with_alarms, alarm_count, planted, missed_all = 0, 0, 0, []
        for folder in folders:
            false_alarms, count, missed = _evaluate(folder)
            documents_with_alarms += bool(false_alarms)
            alarm_count += len(false_alarms)
            planted += count
            missed_all += [(folder.name, m) for m in missed]
            print(f"  {set_name}/{folder.name:<26} false alarms {len(false_alarms):>2}   "
                  f"planted caught {count - len(missed)}/{count}")
            for finding in false_alarms:
                print(f"      false alarm {finding.rule}: {finding.message}")
        print(f"{set_name}: faithful documents with a major number/date finding "
              f"{rate(documents_with_alarms, len(folders))} ({alarm_count} findings); "
              f"planted errors caught {rate(planted - len(missed_all), planted)} (target >= 95%)")
        for name, item in missed_all:
            print(f"      missed in {name}: {item}")


if __name__ == "__main__":
    main()
