"""Refit the learned part of the embedding aligner's bead score on MAC-Dev (issue 4).

The search (checker/align_search.py) scores a bead as its similarity times its size, minus
the clause penalty (ClauseLeak), plus a weighted sum of punctuation features
(PUNCTUATION_FEATURES); only the last is fitted here. This script records, for every
MAC-Dev document, the features of every candidate bead in the search window, then fits the
weights (and the score of a skipped sentence) by coordinate ascent on the strict F1 of the
whole search: a step of ±1 or ±2 × 0.02 / (the feature's standard deviation) is kept when it
raises F1 by more than 0.0005, until no step does. It prints the F1 cross-validated by
document (fit on five chapters, align the sixth) and the weights fitted on all six, to be
copied into PUNCTUATION_WEIGHTS and SKIP.

Run: ``.venv/bin/python -m bench.fit_bead_scorer [--cache /tmp/use.pkl] [--features a,b]``.
MAC-Test and the other sets are never read. Takes a few minutes (USE embeds the spans).
"""

from __future__ import annotations

import argparse
import functools
import os
import pickle
import sys
from dataclasses import dataclass

import numpy as np

from bench.alignment import align_gold_document
from bench.alignment_data import GoldDocument, Link, mac_dev, score
from checker import align, align_search, embed, pipeline
from checker.pipeline import CheckOptions

#: Step sizes of the coordinate ascent, in units of 0.02 / the feature's deviation.
STEPS = (-2, -1, 1, 2)
UNIT = 0.02
#: A step is kept when it raises strict F1 by more than this.
MIN_GAIN = 0.0005
MAX_ROUNDS = 3


@dataclass
class Candidates:
    """Every candidate bead of one document's search window, with its features."""

    doc: GoldDocument
    features: np.ndarray  # rows: beads; columns: the rest of the score, then punctuation
    rows: dict[tuple[int, int, int], tuple[int, int]]  # (di, dj, i) → slice of features
    lo: list[int]
    hi: list[int]
    n: int
    m: int


class CachedEmbedder:
    """USE, with its vectors kept in a pickle between runs (``--cache``)."""

    name = "use"

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.store = {}
        if path and os.path.exists(path):
            with open(path, "rb") as handle:
                self.store = pickle.load(handle)
        self.inner = None

    def encode(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.store]
        if missing:
            self.inner = self.inner or embed.UseEmbedder()
            self.store.update(zip(missing, self.inner.encode(missing), strict=True))
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return np.stack([self.store[t] for t in texts])

    def save(self) -> None:
        if self.path:
            with open(self.path + ".tmp", "wb") as handle:
                pickle.dump(self.store, handle)
            os.replace(self.path + ".tmp", self.path)


def collect(documents: list[GoldDocument], embedder: CachedEmbedder) -> list[Candidates]:
    """Run the aligner on each document and keep its search's candidate beads."""
    blocks: list = []

    def observe(features, lo, hi, beads, s0, t0) -> None:  # noqa: ANN001
        blocks.append((features, lo, hi, s0, t0))

    original_load, original_align = pipeline.load_embedder, align.align_by_embeddings
    pipeline.load_embedder = lambda spec="use", device="cpu": embedder
    align.align_by_embeddings = functools.partial(original_align, observe=observe)
    result = []
    try:
        for doc in documents:
            blocks.clear()
            align_gold_document(doc, CheckOptions(embedder="use"))
            if len(blocks) != 1:
                raise SystemExit(f"{doc.name}: expected one block, got {len(blocks)}")
            features, lo, hi, _, _ = blocks[0]
            n, m = len(lo) - 1, hi[-1]
            result.append(_candidates(doc, features, lo, hi, n, m))
    finally:
        pipeline.load_embedder, align.align_by_embeddings = original_load, original_align
    embedder.save()
    return result


def _candidates(doc: GoldDocument, features, lo: list[int], hi: list[int], n: int,  # noqa: ANN001
                m: int) -> Candidates:
    chunks, rows, count = [], {}, 0
    for i in range(1, n + 1):
        columns = np.arange(lo[i], hi[i] + 1)
        for di, dj in align_search.BEADS:
            if not di or not dj or di > i:
                continue
            starts = columns - dj
            ends = columns[(starts >= lo[i - di]) & (starts <= hi[i - di])]
            if len(ends):
                chunks.append(features(di, dj, i, ends))
                rows[(di, dj, i)] = (count, count + len(ends))
                count += len(ends)
    return Candidates(doc, np.vstack(chunks), rows, lo, hi, n, m)


def decode(c: Candidates, weights: np.ndarray, skip: float) -> list[Link]:
    """The search's links with these punctuation weights (the rest of the score weighs 1)."""
    scores = c.features @ np.concatenate([[1.0], weights])

    def scorer(di: int, dj: int, i: int, ends: np.ndarray) -> np.ndarray:
        start, end = c.rows[(di, dj, i)]
        return scores[start:end]

    links = align_search.fill(c.n, c.m, c.lo, c.hi, scorer, skip=skip)
    return [(link.src, link.tgt) for link in links]


def strict_f1(candidates: list[Candidates], weights: np.ndarray, skip: float) -> float:
    tests = [decode(c, weights, skip) for c in candidates]
    return score([c.doc.gold for c in candidates], tests).f1_strict


def ascend(candidates: list[Candidates], chosen: list[int]) -> tuple[np.ndarray, float, float]:
    """Coordinate ascent from zero weights and the current SKIP: (weights, skip, F1)."""
    k = candidates[0].features.shape[1] - 1
    deviation = np.vstack([c.features[:, 1:] for c in candidates]).std(axis=0)
    deviation[deviation == 0] = 1.0
    weights, skip = np.zeros(k), align_search.SKIP
    best = strict_f1(candidates, weights, skip)
    for _ in range(MAX_ROUNDS):
        improved = False
        for feature in [*chosen, None]:  # None: the skip score
            for step in STEPS:
                trial_weights, trial_skip = weights.copy(), skip
                if feature is None:
                    trial_skip += step * UNIT
                else:
                    trial_weights[feature] += step * UNIT / deviation[feature]
                value = strict_f1(candidates, trial_weights, trial_skip)
                if value > best + MIN_GAIN:
                    best, weights, skip, improved = value, trial_weights, trial_skip, True
        if not improved:
            break
    return weights, skip, best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", help="a pickle to keep USE vectors in between runs")
    parser.add_argument("--features", default=",".join(align_search.PUNCTUATION_FEATURES),
                        help="the punctuation features to fit (the others stay at zero)")
    args = parser.parse_args(argv)
    names = list(align_search.PUNCTUATION_FEATURES)
    chosen = [names.index(f) for f in args.features.split(",")]
    documents = mac_dev()
    if not documents:
        print("MAC-Dev is not there; nothing to fit")
        return
    # the features do not depend on the weights being fitted
    candidates = collect(documents, CachedEmbedder(args.cache))
    zero = np.zeros(len(names))
    print(f"MAC-Dev strict F1 without the punctuation term: "
          f"{strict_f1(candidates, zero, align_search.SKIP):.4f}")
    tests = []
    for k, held_out in enumerate(candidates):
        weights, skip, _ = ascend([c for j, c in enumerate(candidates) if j != k], chosen)
        tests.append(decode(held_out, weights, skip))
    cross = score([c.doc.gold for c in candidates], tests)
    print(f"cross-validated by document: strict P/R/F1 {cross.precision_strict:.4f} / "
          f"{cross.recall_strict:.4f} / {cross.f1_strict:.4f}")
    weights, skip, best = ascend(candidates, chosen)
    print(f"fitted on all of MAC-Dev: strict F1 {best:.4f}")
    print(f"SKIP = {skip:.4f}")
    print("PUNCTUATION_WEIGHTS = (" + ", ".join(f"{w:.4f}" for w in weights) + ")")


if __name__ == "__main__":
    main(sys.argv[1:])
