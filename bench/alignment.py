"""Sentence alignment against gold alignments (issue 4): strict and lax P/R/F1, speed, memory.

Sets: MAC-Test (literary, zh→en) and aligner-eval's pol (zh→en), aca and mag (en→zh), each
with the corpus' own sentence splits (``checker align --presplit``), scored as Vecalign and
Bertalign score (bench/alignment_data.py). MAC-Dev was used for tuning, the others never.
Published figures (strict F1, from the aligner-eval README) are printed beside ours.

Run alone: ``.venv/bin/python -m bench.alignment [--dev] [--sets mac,pol] [--embedder none]``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

from bench.alignment_data import (
    AE_DIR,
    GoldDocument,
    Link,
    Scores,
    aligner_eval,
    mac_dev,
    score,
)
from bench.common import skipped, title
from checker.model import Document
from checker.pipeline import CheckOptions, align_documents

#: Strict F1 published in the aligner-eval README (MAC-Test, and pol/aca/mag pooled).
PUBLISHED = {
    "mac": "Bertalign .909, Vecalign .873, Bleualign .676, Hunalign .607, Gale-Church .455",
    "pol": "non-literary pooled (aca+pol+mag): Bertalign .987, Vecalign .979, Hunalign .900",
}
TARGETS = {"mac": 0.91, "pol": 0.98}
SETS = ("mac", "pol", "aca", "mag")


def align_gold_document(doc: GoldDocument, options: CheckOptions) -> list[Link]:
    source = Document("\n".join(doc.src), doc.src_lang, path=f"{doc.name}.src")
    target = Document("\n".join(doc.tgt), doc.tgt_lang, path=f"{doc.name}.tgt")
    alignment = align_documents(source, target, options, presplit=True)
    return [(pair.src, pair.tgt) for pair in alignment.pairs]


def evaluate(documents: list[GoldDocument], options: CheckOptions) -> tuple[Scores, float, int]:
    """Scores, seconds and sentences (both sides) for aligning every document."""
    start = time.perf_counter()
    tests = [align_gold_document(doc, options) for doc in documents]
    seconds = time.perf_counter() - start
    sentences = sum(len(d.src) + len(d.tgt) for d in documents)
    return score([d.gold for d in documents], tests), seconds, sentences


def print_scores(name: str, scores: Scores, seconds: float, sentences: int) -> None:
    print(f"{name:8} strict P/R/F1 {scores.precision_strict:.3f} / {scores.recall_strict:.3f}"
          f" / {scores.f1_strict:.3f}   lax {scores.precision_lax:.3f} / "
          f"{scores.recall_lax:.3f} / {scores.f1_lax:.3f}   "
          f"{sentences} sentences in {seconds:.1f} s ({sentences / max(seconds, 1e-9):.0f}/s)")
    if name in TARGETS:
        verdict = "met" if scores.f1_strict >= TARGETS[name] else "NOT met"
        print(f"{'':8} target strict F1 >= {TARGETS[name]}: {verdict}; published: "
              f"{PUBLISHED[name]}")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic_pair(documents: list[GoldDocument], size: int) -> GoldDocument:
    """Test documents concatenated (and repeated) until the source side has ``size``
    sentences (whole documents, so the target side ends up longer)."""
    src: list[str] = []
    tgt: list[str] = []
    gold: list[Link] = []
    while len(src) < size:
        for doc in documents:
            if len(src) >= size:
                break
            s0, t0 = len(src), len(tgt)
            src.extend(doc.src)
            tgt.extend(doc.tgt)
            gold.extend((tuple(s0 + i for i in a), tuple(t0 + j for j in b)) for a, b in doc.gold)
    return GoldDocument(f"synthetic-{size}", documents[0].src_lang, documents[0].tgt_lang,
                        src, tgt, gold)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dev", action="store_true", help="MAC-Dev only (the tuning set)")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated sets")
    parser.add_argument("--embedder", default="use", help="use, none or hf:PATH")
    parser.add_argument("--no-synthetic", action="store_true",
                        help="skip the 10,000-sentence speed and memory run")
    args = parser.parse_args(argv)
    options = CheckOptions(embedder=args.embedder)
    title(f"alignment vs gold (embedder {args.embedder})")
    if not AE_DIR.is_dir():
        skipped("gold alignments", AE_DIR)
        return
    if args.dev:
        print_scores("mac-dev", *evaluate(mac_dev(), options))
        return
    for name in args.sets.split(","):
        documents = aligner_eval(name)
        if documents:
            print_scores(name, *evaluate(documents, options))
    print(f"peak memory so far: {peak_rss_mb():.0f} MB")
    if not args.no_synthetic:
        pair = synthetic_pair(aligner_eval("mac"), 10_000)
        scores, seconds, sentences = evaluate([pair], options)
        print_scores("10k", scores, seconds, sentences)
        print(f"{'':8} {len(pair.src)} x {len(pair.tgt)} sentences: {seconds:.1f} s, peak memory "
              f"{peak_rss_mb():.0f} MB (target for 10,000 a side: < 60 s, < 2 GB)")


if __name__ == "__main__":
    main(sys.argv[1:])
