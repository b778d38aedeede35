"""Capture the embedding search's inputs on MAC-Dev, for error analysis and scoring trials.

For every MAC-Dev document: the span vectors, the dictionary similarity of every candidate
bead in the search window, the punctuation marks and the window itself, pickled to
``--out`` so that a trial re-scores the beads in seconds instead of re-embedding.
Run: ``.venv/bin/python -m bench.explore_align --cache /tmp/use.pkl --out /tmp/macdev.pkl``.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from dataclasses import dataclass, field

import numpy as np

from bench.alignment import align_gold_document
from bench.alignment_data import GoldDocument, mac_dev
from bench.fit_bead_scorer import CachedEmbedder
from checker import align, align_search, pipeline
from checker.pipeline import CheckOptions


@dataclass
class Captured:
    doc: GoldDocument
    src_vectors: list
    tgt_vectors: list
    src_marks: list
    tgt_marks: list
    clauses: tuple  # (source, target) × (first, last, split), as align._clause_vectors has them
    lo: list[int]
    hi: list[int]
    lexical: dict = field(default_factory=dict)  # (di, dj, i) -> (ends, values)
    system: list = field(default_factory=list)  # the links the current code chooses


def capture(documents: list[GoldDocument], embedder: CachedEmbedder) -> list[Captured]:
    out: list[Captured] = []
    original_block = align._align_embedded_block
    original_load = pipeline.load_embedder

    def block(src_ids, tgt_ids, src_vectors, tgt_vectors, lexical, detach, marks,  # noqa: ANN001
              clauses, beads, observe):
        n, m = len(src_ids), len(tgt_ids)
        anchors = align_search.anchor_path(src_vectors[1], tgt_vectors[1])
        lo, hi = align_search.window(anchors, n, m)
        item = Captured(None, src_vectors, tgt_vectors, *marks, clauses, lo, hi)
        for i in range(1, n + 1):
            columns = np.arange(lo[i], hi[i] + 1)
            for di, dj in beads:
                if not di or not dj or di > i:
                    continue
                starts = columns - dj
                ends = columns[(starts >= lo[i - di]) & (starts <= hi[i - di])]
                if len(ends):
                    values = lexical.along(range(i - di, i), dj, ends.tolist())
                    item.lexical[(di, dj, i)] = (ends, np.array(values))
        out.append(item)
        return original_block(src_ids, tgt_ids, src_vectors, tgt_vectors, lexical, detach,
                              marks, clauses, beads, observe)

    align._align_embedded_block = block
    pipeline.load_embedder = lambda spec="use", device="cpu": embedder
    try:
        for doc in documents:
            before = len(out)
            links = align_gold_document(doc, CheckOptions(embedder="use"))
            if len(out) != before + 1:
                raise SystemExit(f"{doc.name}: expected one block")
            out[-1].doc = doc
            out[-1].system = links
    finally:
        align._align_embedded_block, pipeline.load_embedder = original_block, original_load
    embedder.save()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", help="a pickle to keep USE vectors in between runs")
    parser.add_argument("--out", required=True, help="where to pickle the captured search")
    args = parser.parse_args(argv)
    captured = capture(mac_dev(), CachedEmbedder(args.cache))
    with open(args.out, "wb") as handle:
        pickle.dump(captured, handle)


if __name__ == "__main__":
    main(sys.argv[1:])
