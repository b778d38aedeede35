"""DEMETR numbers: recall on changed numbers, false alarms on correct translations.

Data: /work/shared/external/demetr/dataset/*.json (100 zh items per file, read in place).
Split by source-sentence id: even ids = test, odd ids = dev (no source sentence is in both).
Baseline: translate-toolkit's pofilter "numbers" check on the same (source, target) pairs.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path

from translate.filters import checks
from translate.storage.pypo import pounit

from bench.common import DEMETR_DIR, alarms, rate, share, shorten, skipped, title
from checker.model import Finding, Span
from checker.pipeline import check_aligned

NUMBERS_FILE = "critical_id10_numbers_replaced.json"
EXPECTED_FILES = 35
TARGET_RECALL = 0.95
TARGET_FA_MT = 0.02
TARGET_FA_REF = 0.05
LIST_LIMIT = 15


@dataclass(frozen=True)
class Item:
    id: int
    src: str
    mt: str
    ref: str
    pert: str
    applied: bool

    @property
    def split(self) -> str:
        return "test" if self.id % 2 == 0 else "dev"


@dataclass
class Figures:
    """Counts for one split; 'ours' is checker, 'po' is the pofilter numbers baseline."""

    positives: int = 0
    ours_hits: int = 0
    ours_on_span: int = 0
    po_hits: int = 0
    mt_total: int = 0
    ours_mt_fa: int = 0
    po_mt_fa: int = 0
    ref_total: int = 0
    ours_ref_fa: int = 0
    po_ref_fa: int = 0
    misses: list[Item] = field(default_factory=list)
    off_span: list[tuple[Item, Finding]] = field(default_factory=list)
    false_alarms: list[tuple[int, str, Finding]] = field(default_factory=list)


# ---------------------------------------------------------------- data


def load_items(path: Path) -> list[Item]:
    records = json.loads(path.read_text(encoding="utf-8"))
    return [
        Item(r["id"], r["src_sent"], r["mt_sent"], r["eng_sent"], r["pert_sent"],
             bool(r["pert_check"]))
        for r in records
    ]


def load_all(directory: Path) -> dict[str, list[Item]]:
    return {p.name: load_items(p) for p in sorted(directory.glob("*.json"))}


def negatives(files: dict[str, list[Item]], split: str) -> tuple[list[Item], list[Item]]:
    """Correct translations of the split across all files: by (id, mt_sent), by (id, eng_sent).

    mt_sent is not quite constant per id across files (two ids differ), hence the pair key.
    """
    by_mt: dict[tuple[int, str], Item] = {}
    by_ref: dict[tuple[int, str], Item] = {}
    for items in files.values():
        for item in items:
            if item.split == split:
                by_mt.setdefault((item.id, item.mt), item)
                by_ref.setdefault((item.id, item.ref), item)
    return list(by_mt.values()), list(by_ref.values())


# ---------------------------------------------------------------- judges


def changed_regions(correct: str, perturbed: str) -> list[tuple[int, int]]:
    """Character ranges of ``perturbed`` that differ from ``correct`` (empty = a deletion)."""
    matcher = difflib.SequenceMatcher(None, correct, perturbed, autojunk=False)
    return [(j1, j2) for tag, _, _, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def overlaps(span: Span | None, regions: list[tuple[int, int]]) -> bool:
    if span is None:
        return False
    for start, end in regions:
        if start == end and span.start <= start <= span.end:
            return True
        if start < end and span.start < end and start < span.end:
            return True
    return False


def our_alarms(src: str, tgt: str) -> list[Finding]:
    """Major-or-above number/date findings on one pre-aligned pair.

    With a single pair the target document is exactly ``tgt``, so target spans are
    offsets into ``tgt``.
    """
    return alarms(check_aligned([(src, tgt)]))


_POFILTER = checks.StandardChecker(checks.CheckerConfig(targetlanguage="en"),
                                   limitfilters=["numbers"])


def pofilter_flags(src: str, tgt: str) -> bool:
    """True when pofilter's numbers check (as `pofilter -t numbers --language=en`) fails."""
    unit = pounit(src)
    unit.target = tgt
    return "numbers" in _POFILTER.run_filters(unit)


# ---------------------------------------------------------------- scoring


def score_positives(figures: Figures, positives: list[Item]) -> None:
    for item in positives:
        figures.positives += 1
        found = our_alarms(item.src, item.pert)
        regions = changed_regions(item.mt, item.pert)
        on_span = any(overlaps(f.target, regions) for f in found)
        figures.ours_hits += bool(found)
        figures.ours_on_span += on_span
        figures.po_hits += pofilter_flags(item.src, item.pert)
        if not found:
            figures.misses.append(item)
        elif not on_span:
            figures.off_span.append((item, found[0]))


def score_negatives(figures: Figures, mt_items: list[Item], ref_items: list[Item]) -> None:
    figures.mt_total, figures.ref_total = len(mt_items), len(ref_items)
    for side, items in (("mt", mt_items), ("ref", ref_items)):
        for item in items:
            target = item.mt if side == "mt" else item.ref
            found = our_alarms(item.src, target)
            flagged_po = pofilter_flags(item.src, target)
            if side == "mt":
                figures.ours_mt_fa += bool(found)
                figures.po_mt_fa += flagged_po
            else:
                figures.ours_ref_fa += bool(found)
                figures.po_ref_fa += flagged_po
            figures.false_alarms.extend((item.id, side, f) for f in found[:1])


def evaluate(files: dict[str, list[Item]], split: str) -> Figures:
    figures = Figures()
    positives = [i for i in files[NUMBERS_FILE] if i.applied and i.split == split]
    score_positives(figures, positives)
    score_negatives(figures, *negatives(files, split))
    return figures


# ---------------------------------------------------------------- printing


def verdict(value: float, target: float, higher_is_better: bool) -> str:
    met = value >= target if higher_is_better else value <= target
    return "met" if met else "MISSED"


def print_table(f: Figures) -> None:
    rows = [
        ("recall, numbers_replaced", rate(f.ours_hits, f.positives),
         rate(f.po_hits, f.positives), f">= {TARGET_RECALL:.0%}",
         verdict(share(f.ours_hits, f.positives), TARGET_RECALL, True)),
        ("  hit points at the changed span", rate(f.ours_on_span, f.positives), "n/a", "", ""),
        ("false alarms, mt_sent (correct MT)", rate(f.ours_mt_fa, f.mt_total),
         rate(f.po_mt_fa, f.mt_total), f"<= {TARGET_FA_MT:.0%}",
         verdict(share(f.ours_mt_fa, f.mt_total), TARGET_FA_MT, False)),
        ("false alarms, eng_sent (reference)", rate(f.ours_ref_fa, f.ref_total),
         rate(f.po_ref_fa, f.ref_total), f"<= {TARGET_FA_REF:.0%}",
         verdict(share(f.ours_ref_fa, f.ref_total), TARGET_FA_REF, False)),
    ]
    header = ("measure (test split, even ids)", "checker", "pofilter numbers", "target", "")
    for row in (header, *rows):
        print(f"{row[0]:<36} {row[1]:>16} {row[2]:>18}  {row[3]:<7} {row[4]}")


def print_dev(f: Figures) -> None:
    print(f"dev (odd ids): checker recall {rate(f.ours_hits, f.positives)} "
          f"(on span {f.ours_on_span}), FA mt {rate(f.ours_mt_fa, f.mt_total)}, "
          f"FA ref {rate(f.ours_ref_fa, f.ref_total)} | pofilter recall "
          f"{rate(f.po_hits, f.positives)}, FA mt {rate(f.po_mt_fa, f.mt_total)}, "
          f"FA ref {rate(f.po_ref_fa, f.ref_total)}")


def print_lists(f: Figures) -> None:
    print(f"\nour misses on the test split ({len(f.misses)}; up to {LIST_LIMIT} shown):")
    for item in f.misses[:LIST_LIMIT]:
        print(f"  id {item.id:<4} src:  {shorten(item.src)}")
        print(f"  {'':<7} pert: {shorten(item.pert)}")
    print(f"\nhits whose target span does not cover the changed characters ({len(f.off_span)}):")
    for item, finding in f.off_span[:LIST_LIMIT]:
        changed = ", ".join(item.pert[a:b] or "(deleted)" for a, b in
                            changed_regions(item.mt, item.pert))
        target = repr(finding.target.text) if finding.target else "none"
        print(f"  id {item.id:<4} changed: {changed!r}; target span: {target}; "
              f"{finding.rule}: {shorten(finding.message)}")
    print(f"\nour false alarms on the test split ({len(f.false_alarms)} pairs; "
          f"first finding of each; up to {LIST_LIMIT} shown):")
    for item_id, side, finding in f.false_alarms[:LIST_LIMIT]:
        print(f"  id {item_id:<4} [{side}] {finding.rule} {finding.severity.value}: "
              f"{shorten(finding.message)}")


def main() -> None:
    title("DEMETR numbers (zh→en): recall on changed numbers, false alarms on correct text")
    if not DEMETR_DIR.is_dir() or not (DEMETR_DIR / NUMBERS_FILE).exists():
        skipped("DEMETR data", DEMETR_DIR)
        return
    files = load_all(DEMETR_DIR)
    if len(files) != EXPECTED_FILES:
        print(f"note: {len(files)} files found, {EXPECTED_FILES} expected")
    print(f"data: {DEMETR_DIR} ({len(files)} files); hit/alarm = a number or date finding "
          "of severity major or above")
    test = evaluate(files, "test")
    print_table(test)
    print_dev(evaluate(files, "dev"))
    print_lists(test)


if __name__ == "__main__":
    main()
