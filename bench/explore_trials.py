"""Re-score captured MAC-Dev searches (bench/explore_align.py) with variants of the bead score.

Without options it checks that re-scoring gives the aligner's own links. ``--leak`` grids
the clause penalty's weight and floor (align_search.CLAUSE_LEAK_WEIGHT, _FLOOR) and
cross-validates the choice by document: each fold takes the best grid point on five
documents and aligns the sixth with it.

Run: ``.venv/bin/python -m bench.explore_trials /tmp/align_macdev.pkl [--leak]``.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Callable

import numpy as np

from bench.alignment_data import score
from bench.explore_align import Captured
from checker import align, align_search


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> object:
        if name == "Captured":  # pickled by bench.explore_align run as __main__
            return Captured
        return super().find_class(module, name)


def load(path: str) -> list:
    with open(path, "rb") as handle:
        return _Unpickler(handle).load()


class Parts:
    """The pieces of the current bead score for one captured document, per (di, dj, i)."""

    def __init__(self, c) -> None:  # noqa: ANN001
        self.c = c
        self.src1 = c.src_vectors[1]
        self.tgt1 = c.tgt_vectors[1]
        self.punct = align_search.PunctuationAgreement(c.src_marks, c.tgt_marks)
        self.leak = align_search.ClauseLeak(self.src1, self.tgt1, *c.clauses)
        self.n, self.m = len(c.src_marks), len(c.tgt_marks)

    def cosines(self, di: int, dj: int, i: int, ends: np.ndarray) -> tuple:
        src_span = self.c.src_vectors[di][i - di]
        tgt_spans = self.c.tgt_vectors[dj][ends - dj]
        span = tgt_spans @ src_span
        tgt_members = np.vstack([self.tgt1[ends - dj + k] @ src_span for k in range(dj)])
        src_members = self.src1[i - di:i] @ tgt_spans.T
        return span, tgt_members, src_members

    def lexical(self, di: int, dj: int, i: int, ends: np.ndarray) -> np.ndarray:
        stored_ends, values = self.c.lexical[(di, dj, i)]
        index = np.searchsorted(stored_ends, ends)
        return values[index]


def current_score(p: Parts, di: int, dj: int, i: int, ends: np.ndarray) -> np.ndarray:
    span, tgt_members, src_members = p.cosines(di, dj, i, ends)
    cos = span
    if di > 1 or dj > 1:
        members = np.vstack([tgt_members, src_members]).mean(axis=0)
        cos = (1 - align.W_MEMBERS) * span + align.W_MEMBERS * members
    sim = align.W_EMBEDDING * cos + (1 - align.W_EMBEDDING) * p.lexical(di, dj, i, ends)
    return (sim * ((di + dj) / 2) ** align.SIZE_EXPONENT + p.punct(di, dj, i, ends)
            + p.leak(di, dj, i, ends))


def decode(p: Parts, scorer: Callable, skip: float = align_search.SKIP) -> list:
    links = align_search.fill(p.n, p.m, p.c.lo, p.c.hi,
                              lambda di, dj, i, ends: scorer(p, di, dj, i, ends), skip=skip)
    return [(link.src, link.tgt) for link in links]


def f1(parts: list[Parts], scorer: Callable, skip: float = align_search.SKIP,
       which: list[int] | None = None) -> float:
    chosen = range(len(parts)) if which is None else which
    tests = [decode(parts[k], scorer, skip) for k in chosen]
    return score([parts[k].c.doc.gold for k in chosen], tests).f1_strict


#: The --leak grid.
LEAK_WEIGHTS = (0.0, 0.2, 0.3, 0.4, 0.6, 0.8, 1.2, 1.6)
LEAK_FLOORS = (-0.05, 0.0, 0.05, 0.1, 0.15, 0.2)


def leak_grid(parts: list[Parts]) -> None:
    """Strict F1 over the grid, then the leave-one-document-out figure."""
    golds = [p.c.doc.gold for p in parts]
    tests = {}
    for weight in LEAK_WEIGHTS:
        for floor in LEAK_FLOORS if weight else (0.0,):
            for p in parts:
                p.leak = align_search.ClauseLeak(p.src1, p.tgt1, *p.c.clauses, weight=weight,
                                                 floor=floor)
            tests[(weight, floor)] = [decode(p, current_score) for p in parts]

    def f1_of(point: tuple[float, float], docs: list[int]) -> float:
        return score([golds[k] for k in docs], [tests[point][k] for k in docs]).f1_strict

    everything = list(range(len(parts)))
    for point in tests:
        print(f"weight {point[0]:.2f} floor {point[1]:+.2f}: strict F1 "
              f"{f1_of(point, everything):.4f}")
    held_out = []
    for k in everything:
        best = max(tests, key=lambda point: f1_of(point, [j for j in everything if j != k]))
        print(f"without {parts[k].c.doc.name}: weight {best[0]:.2f} floor {best[1]:+.2f}")
        held_out.append(tests[best][k])
    print(f"cross-validated by document: strict F1 {score(golds, held_out).f1_strict:.4f}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("capture", help="the pickle bench/explore_align.py wrote")
    parser.add_argument("--leak", action="store_true", help="grid the clause penalty")
    args = parser.parse_args(argv)
    parts = [Parts(c) for c in load(args.capture)]
    if args.leak:
        leak_grid(parts)
        return
    system = score([p.c.doc.gold for p in parts], [p.c.system for p in parts]).f1_strict
    print(f"system {system:.4f}  rescored {f1(parts, current_score):.4f}")


if __name__ == "__main__":
    main(sys.argv[1:])
