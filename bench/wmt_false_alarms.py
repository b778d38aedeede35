"""False alarms on real human translations: WMT21 newstest2021 zh-en source vs reference A.

Each line pair is checked on its own with check_aligned (pre-aligned, no aligner).
Split by blocks of 50 lines: test = lines whose (line - 1) // 50 is odd, dev = even.
Human references sometimes drop or reformulate numbers, so the test figure is an upper bound
on the false-alarm rate.
"""

from __future__ import annotations

from collections import Counter

from bench.common import (
    WMT21_REFERENCE,
    WMT21_SOURCE,
    alarms,
    missing,
    rate,
    skipped,
    title,
)
from checker.model import Finding
from checker.pipeline import check_aligned

BLOCK = 50
TOP_RULES = 10
COMPARE_WITH_FA_REF = 0.05  # the DEMETR eng_sent target, for scale


def read_pairs() -> list[tuple[str, str]]:
    source = WMT21_SOURCE.read_text(encoding="utf-8").splitlines()
    reference = WMT21_REFERENCE.read_text(encoding="utf-8").splitlines()
    return list(zip(source, reference, strict=True))


def split_of(line: int) -> str:
    """'test' or 'dev' for a 1-based line number."""
    return "test" if ((line - 1) // BLOCK) % 2 == 1 else "dev"


def line_alarms(pairs: list[tuple[str, str]], split: str) -> dict[int, list[Finding]]:
    """Major-or-above number/date findings per 1-based line of the split (lines checked alone)."""
    return {
        line: alarms(check_aligned([pair]))
        for line, pair in enumerate(pairs, start=1)
        if split_of(line) == split
    }


def print_top_rules(per_line: dict[int, list[Finding]]) -> None:
    counts = Counter(f.rule for found in per_line.values() for f in found)
    lines = Counter(rule for found in per_line.values() for rule in {f.rule for f in found})
    names = {f.rule: f.name for found in per_line.values() for f in found}
    print(f"top {TOP_RULES} rules (major-or-above number/date findings, test split):")
    print(f"  {'rule':<6} {'name':<28} {'findings':>8} {'lines':>6}")
    for rule, count in counts.most_common(TOP_RULES):
        print(f"  {rule:<6} {names[rule]:<28} {count:>8} {lines[rule]:>6}")


def main() -> None:
    title("False alarms on human translations: WMT21 newstest2021 zh-en, source vs ref.A")
    absent = missing(WMT21_SOURCE, WMT21_REFERENCE)
    if absent:
        skipped("WMT21 zh-en source/reference", absent)
        return
    pairs = read_pairs()
    test = line_alarms(pairs, "test")
    flagged = sum(bool(found) for found in test.values())
    print(f"data: {len(pairs)} line pairs; test = lines with (line-1)//{BLOCK} odd "
          f"({len(test)} lines), each checked alone with check_aligned")
    print(f"lines with >= 1 major-or-above number/date finding (test): {rate(flagged, len(test))}"
          f"   (upper bound on false alarms; no target, DEMETR reference target is "
          f"<= {COMPARE_WITH_FA_REF:.0%})")
    dev = line_alarms(pairs, "dev")
    print(f"dev (even blocks): {rate(sum(bool(f) for f in dev.values()), len(dev))}")
    print_top_rules(test)


if __name__ == "__main__":
    main()
