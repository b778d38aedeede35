"""Scores: does our reference-free score rank translations as experts and perturbations do?

(a) WMT21 zh→en expert MQM (newstest2021, Google's annotations, read from
    ../shared/external/wmt-qe-2022-data): segment-level Kendall τ-b between the checker's
    reference-free score and the MQM score, pooled over all system-segments and per
    system, beside sentence chrF and BLEU computed with the human reference ref.A. Test
    documents only (the README's split: documents in order of first appearance, odd
    positions = test). ref.A is the reference, so it is not among the systems scored.
(b) DEMETR zh→en (test split: even ids): per perturbation type, the share of items where
    our score for the correct ``mt_sent`` is strictly higher than for ``pert_sent``, beside
    sentence chrF with the reference ``eng_sent`` on the same items (a tie counts as a miss
    for both).

Run: `.venv/bin/python bench/scores.py [--split dev|test]` (bench/run.py runs the test split).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import DEMETR_DIR, EXTERNAL, skipped, title  # noqa: E402
from checker.model import AlignedPair, Document, Report, Sentence  # noqa: E402
from checker.pipeline import CheckOptions, check_documents  # noqa: E402

MQM_FILE = (EXTERNAL / "wmt-qe-2022-data" / "train-dev_data" / "task1_word-level" / "train"
            / "zh-en_mqm" / "zh-en-train-2021-news" / "mqm-newstest2021_zhen.tsv")
REFERENCE_SYSTEM = "ref.A"
#: Google's MQM weights; a minor punctuation error weighs 0.1, a non-translation 25.
MQM_WEIGHTS = {"major": 5.0, "minor": 1.0}
MQM_PUNCTUATION = 0.1
MQM_NON_TRANSLATION = 25.0

#: DEMETR types the brief holds to >= 95%: numbers, named entities, addition, omissions.
DEMETR_STRICT = ("critical_id10_numbers_replaced", "critical_id9_ne_replaced",
                 "critical_id25_ne_removed", "critical_id6_addition",
                 "critical_id21_adj_adv_removed", "critical_id22_verb_removed",
                 "critical_id23_noun_removed", "critical_id24_subj_removed",
                 "major_id5_pp_removed", "minor_id12_conj_removed")
DEMETR_TARGET = 0.95


# ---------------------------------------------------------------- our score on one pair


#: The pipeline's options for our score (``--embedder`` changes them).
OPTIONS = CheckOptions()


def score_pair(source: str, target: str) -> Report:
    """Check one pre-aligned zh→en pair with the whole pipeline (one segment)."""
    sentences = ([Sentence(0, 0, len(source), source)], [Sentence(0, 0, len(target), target)])
    return check_documents(Document(source, "zh"), Document(target, "en"), OPTIONS,
                           alignment=[AlignedPair((0,), (0,), 0.0)], sentences=sentences)


def our_score(source: str, target: str) -> float:
    return score_pair(source, target).overall_score


# ---------------------------------------------------------------- reference-based baselines


class ReferenceMetrics:
    """Sentence chrF and BLEU (sacrebleu, 13a tokenisation for English) with a reference."""

    def __init__(self) -> None:
        from sacrebleu.metrics import BLEU, CHRF

        self.chrf = CHRF()
        self.bleu = BLEU(effective_order=True)

    def sentence_chrf(self, hypothesis: str, reference: str) -> float:
        return self.chrf.sentence_score(hypothesis, [reference]).score

    def sentence_bleu(self, hypothesis: str, reference: str) -> float:
        return self.bleu.sentence_score(hypothesis, [reference]).score


# ---------------------------------------------------------------- Kendall tau-b


def kendall_tau_b(x: list[float], y: list[float]) -> float:
    """Kendall's τ-b (ties in either variable handled), over all pairs, in numpy chunks."""
    a, b = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = len(a)
    if n < 2:
        return float("nan")
    concordant = discordant = ties_a = ties_b = 0.0
    for start in range(0, n - 1, 512):
        rows = np.arange(start, min(start + 512, n - 1))
        da = np.sign(a[rows, None] - a[None, :])
        db = np.sign(b[rows, None] - b[None, :])
        upper = np.arange(n)[None, :] > rows[:, None]  # each pair once
        product = (da * db)[upper]
        concordant += float((product > 0).sum())
        discordant += float((product < 0).sum())
        ties_a += float((da[upper] == 0).sum())
        ties_b += float((db[upper] == 0).sum())
    pairs = n * (n - 1) / 2
    denominator = np.sqrt((pairs - ties_a) * (pairs - ties_b))
    return float((concordant - discordant) / denominator) if denominator else float("nan")


# ---------------------------------------------------------------- (a) WMT21 MQM


@dataclass
class MqmItem:
    system: str
    doc: str
    seg_id: int
    source: str
    target: str
    mqm: float  # minus the weighted error sum: 0 is perfect
    reference: str = ""


_SPAN_MARK = re.compile(r"</?v>")


def _error_weight(category: str, severity: str) -> float:
    severity = severity.lower()
    if category.startswith("Non_translation") or category.startswith("Non-translation"):
        return MQM_NON_TRANSLATION
    if severity == "minor" and category == "Fluency/Punctuation":
        return MQM_PUNCTUATION
    return MQM_WEIGHTS.get(severity, 0.0)


def load_mqm(path: Path) -> list[MqmItem]:
    """One item per system-segment: the target without span marks, the MQM score."""
    items: dict[tuple[str, int], MqmItem] = {}
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (row["system"], int(row["seg_id"]))
            item = items.get(key)
            if item is None:
                item = items[key] = MqmItem(row["system"].removeprefix("hyp."), row["doc"],
                                            int(row["seg_id"]), row["source"],
                                            _SPAN_MARK.sub("", row["target"]), 0.0)
            item.mqm -= _error_weight(row["category"], row["severity"])
    return list(items.values())


def mqm_split(items: list[MqmItem], split: str) -> list[MqmItem]:
    """The README's split: documents by first appearance, even positions dev, odd test;
    each item gets ref.A's translation of its segment; ref.A itself is left out."""
    order: list[str] = []
    for item in items:
        if item.doc not in order:
            order.append(item.doc)
    wanted = {doc for i, doc in enumerate(order) if (i % 2 == 1) == (split == "test")}
    references = {i.seg_id: i.target for i in items if i.system == REFERENCE_SYSTEM}
    chosen = []
    for item in items:
        if item.doc in wanted and item.system != REFERENCE_SYSTEM and item.seg_id in references:
            item.reference = references[item.seg_id]
            chosen.append(item)
    return chosen


@dataclass
class Correlations:
    pooled: dict[str, float]
    per_system: dict[str, dict[str, float]]
    within_segment: dict[str, float]  # mean τ over segments, systems ranked per segment
    items: int
    seconds: float


def mqm_correlations(items: list[MqmItem]) -> Correlations:
    start = time.perf_counter()
    metrics = ReferenceMetrics()
    columns: dict[str, list[float]] = defaultdict(list)
    cache: dict[tuple[str, str], float] = {}
    for item in items:
        key = (item.source, item.target)
        if key not in cache:
            cache[key] = our_score(item.source, item.target)
        columns["ours"].append(cache[key])
        columns["chrF"].append(metrics.sentence_chrf(item.target, item.reference))
        columns["BLEU"].append(metrics.sentence_bleu(item.target, item.reference))
    human = [i.mqm for i in items]
    pooled = {name: kendall_tau_b(values, human) for name, values in columns.items()}
    per_system: dict[str, dict[str, float]] = {}
    for system in sorted({i.system for i in items}):
        rows = [k for k, i in enumerate(items) if i.system == system]
        per_system[system] = {
            name: kendall_tau_b([values[k] for k in rows], [human[k] for k in rows])
            for name, values in columns.items()}
    by_segment: dict[int, list[int]] = defaultdict(list)
    for k, item in enumerate(items):
        by_segment[item.seg_id].append(k)
    within = {}
    for name, values in columns.items():
        taus = [kendall_tau_b([values[k] for k in rows], [human[k] for k in rows])
                for rows in by_segment.values()]
        within[name] = float(np.nanmean(taus))
    return Correlations(pooled, per_system, within, len(items), time.perf_counter() - start)


def print_mqm(result: Correlations, split: str) -> None:
    print(f"{result.items} system-segments ({split} documents), {len(result.per_system)} "
          f"systems; Kendall τ-b with the MQM score; {result.seconds:.0f} s")
    print(f"{'':<14} {'ours (no ref)':>13} {'chrF (ref)':>11} {'BLEU (ref)':>11}")
    print(f"{'pooled':<14} {result.pooled['ours']:>13.3f} {result.pooled['chrF']:>11.3f} "
          f"{result.pooled['BLEU']:>11.3f}")
    wins = 0
    for system, taus in result.per_system.items():
        wins += taus["ours"] >= taus["chrF"]
        print(f"{system:<14} {taus['ours']:>13.3f} {taus['chrF']:>11.3f} {taus['BLEU']:>11.3f}")
    within = result.within_segment
    print(f"{'within segment':<14} {within['ours']:>13.3f} {within['chrF']:>11.3f} "
          f"{within['BLEU']:>11.3f}  (mean τ over segments: the systems ranked per source)")
    met = result.pooled["ours"] >= result.pooled["chrF"]
    print(f"target: pooled τ(ours) >= τ(chrF with reference): {'met' if met else 'MISSED'} "
          f"({result.pooled['ours']:.3f} vs {result.pooled['chrF']:.3f}); per system "
          f"ours >= chrF on {wins} of {len(result.per_system)}")


# ---------------------------------------------------------------- (b) DEMETR


@dataclass(frozen=True)
class DemetrItem:
    id: int
    source: str
    mt: str
    perturbed: str
    reference: str


def load_demetr(directory: Path, split: str) -> dict[str, list[DemetrItem]]:
    """Applied perturbations of the split (test: even ids), by type (the file's name)."""
    wanted = 0 if split == "test" else 1
    result = {}
    for path in sorted(directory.glob("*.json")):
        records = json.loads(path.read_text(encoding="utf-8"))
        result[path.stem] = [
            DemetrItem(r["id"], r["src_sent"], r["mt_sent"], r["pert_sent"], r["eng_sent"])
            for r in records if r["pert_check"] and r["id"] % 2 == wanted]
    return result


@dataclass
class PairwiseRow:
    kind: str
    items: int
    ours: int  # items where score(mt) > score(pert)
    chrf: int


def demetr_pairwise(files: dict[str, list[DemetrItem]]) -> tuple[list[PairwiseRow], float]:
    start = time.perf_counter()
    metrics = ReferenceMetrics()
    cache: dict[tuple[str, str], float] = {}

    def ours(source: str, target: str) -> float:
        if (source, target) not in cache:
            cache[(source, target)] = our_score(source, target)
        return cache[(source, target)]

    rows = []
    for kind, items in files.items():
        row = PairwiseRow(kind, len(items), 0, 0)
        for item in items:
            row.ours += ours(item.source, item.mt) > ours(item.source, item.perturbed)
            row.chrf += (metrics.sentence_chrf(item.mt, item.reference)
                         > metrics.sentence_chrf(item.perturbed, item.reference))
        rows.append(row)
    return rows, time.perf_counter() - start


def print_demetr(rows: list[PairwiseRow], seconds: float, split: str) -> None:
    print(f"share of items where score(mt_sent) > score(pert_sent), {split} split; "
          f"{seconds:.0f} s")
    print(f"{'perturbation':<32} {'n':>3} {'ours (no ref)':>14} {'chrF (ref)':>11}  target")
    missed_strict, below_chrf = [], []
    for row in rows:
        ours = row.ours / row.items if row.items else 0.0
        chrf = row.chrf / row.items if row.items else 0.0
        strict = row.kind in DEMETR_STRICT
        verdict = []
        if strict:
            verdict.append(f">= {DEMETR_TARGET:.0%} " + ("met" if ours >= DEMETR_TARGET
                                                          else "MISSED"))
            if ours < DEMETR_TARGET:
                missed_strict.append(row.kind)
        if row.ours < row.chrf:
            below_chrf.append(row.kind)
            verdict.append("below chrF")
        print(f"{row.kind:<32} {row.items:>3} {ours:>14.1%} {chrf:>11.1%}  {'; '.join(verdict)}")
    print(f"target >= {DEMETR_TARGET:.0%} on numbers, names, addition, omissions: "
          f"{'met' if not missed_strict else 'MISSED on ' + ', '.join(missed_strict)}")
    print("target >= chrF on every type: "
          + ("met" if not below_chrf else f"MISSED on {len(below_chrf)}: "
             + ", ".join(below_chrf)))


# ---------------------------------------------------------------- (c) held-out pairs

HELDOUT_DIR = ROOT / "bench" / "heldout"


def heldout_pairs(directory: Path) -> list[tuple[Path, Path, Path]]:
    """(Chinese, faithful English, English with planted errors) of every held-out pair."""
    triples = []
    for errors in sorted(directory.glob("*/*/*.errors.en.txt")):
        name = errors.name.removesuffix(".errors.en.txt")
        source, faithful = errors.with_name(f"{name}.zh.txt"), errors.with_name(f"{name}.en.txt")
        if source.exists() and faithful.exists():
            triples.append((source, faithful, errors))
    return triples


def print_heldout(triples: list[tuple[Path, Path, Path]]) -> None:
    from checker.pipeline import check_paths

    start = time.perf_counter()
    losses = []
    for source, faithful, errors in triples:
        good = check_paths(source, faithful).overall_score
        bad = check_paths(source, errors).overall_score
        if not good > bad:
            losses.append(f"{source.parent.name} ({good:g} vs {bad:g})")
    wins = len(triples) - len(losses)
    print(f"faithful scores above planted errors on {wins}/{len(triples)} held-out pairs "
          f"({time.perf_counter() - start:.0f} s)" + (": not on " + ", ".join(losses)
                                                     if losses else ""))


# ---------------------------------------------------------------- main


def main(split: str = "test", embedder: str = "none") -> None:
    global OPTIONS
    OPTIONS = CheckOptions(embedder=embedder)
    if embedder != "none":
        print(f"\n(the similarity in our score mixes in the {embedder} embedder's cosine)")
    title(f"Scores vs WMT21 zh→en expert MQM (Kendall τ, {split} documents)")
    if not MQM_FILE.exists():
        skipped("WMT21 MQM annotations", MQM_FILE)
    else:
        print_mqm(mqm_correlations(mqm_split(load_mqm(MQM_FILE), split)), split)
    title(f"Scores on DEMETR zh→en perturbations ({split} split)")
    if not DEMETR_DIR.is_dir() or not any(DEMETR_DIR.glob("*.json")):
        skipped("DEMETR data", DEMETR_DIR)
    else:
        print_demetr(*demetr_pairwise(load_demetr(DEMETR_DIR, split)), split)
    title("Scores on held-out document pairs (bench/heldout): faithful vs planted errors")
    triples = heldout_pairs(HELDOUT_DIR)
    if not triples:
        skipped("held-out pairs", HELDOUT_DIR)
    else:
        print_heldout(triples)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test"), default="test",
                        help="dev for tuning, test for reporting (the default).")
    parser.add_argument("--embedder", default="none",
                        help="the similarity's embedder: none (the default of check), use, "
                        "hf:PATH")
    arguments = parser.parse_args()
    main(arguments.split, arguments.embedder)
