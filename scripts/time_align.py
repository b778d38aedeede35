"""Time the aligner on a ~2,000 × 2,000 sentence pair and measure its accuracy.

Uses the WMT21 zh-en news test set (one sentence per line, line i of the source translated
by line i of the reference), so the right alignment is (i, i). All sentences are put in
paragraph 0, so the whole document goes through one banded DP.

With ``--synthetic`` it also cuts the same lines into 60-line documents, perturbs them
(merges two or three lines on one side, drops a line on one side) and reports how many of
the known beads the aligner recovers: the measurement behind the weights and penalties in
checker/align.py.

Usage: .venv/bin/python scripts/time_align.py [--synthetic] [zh-file en-file]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

from checker.align import LexicalSimilarity, align
from checker.lexicon import load_lexicon
from checker.model import Sentence

WMT = Path("/work/shared/external/wmt21-news-systems/txt")
DEFAULT_ZH = WMT / "sources" / "newstest2021.zh-en.src.zh"
DEFAULT_EN = WMT / "references" / "newstest2021.zh-en.ref.A.en"

Bead = tuple[tuple[int, ...], tuple[int, ...]]
Unit = tuple[list[str], list[str]]  # Chinese lines, English lines that translate each other

SYNTHETIC_DOCS = 40
SYNTHETIC_LINES = 60
SYNTHETIC_EDITS = 10
EDITS = ("merge_zh", "merge_en", "merge3_zh", "merge3_en", "drop_zh", "drop_en")


def to_sentences(lines: list[str]) -> list[Sentence]:
    sentences, offset = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(i, offset, offset + len(line), line, 0))
        offset += len(line) + 1
    return sentences


def time_whole_file(zh_lines: list[str], en_lines: list[str]) -> None:
    start = time.perf_counter()
    load_lexicon()
    loaded = time.perf_counter()
    zh, en = to_sentences(zh_lines), to_sentences(en_lines)
    similarity = LexicalSimilarity(zh, en, "zh", "en")
    prepared = time.perf_counter()
    pairs = align(zh, en, similarity)
    aligned = time.perf_counter()

    one_to_one = [p for p in pairs if len(p.src) == 1 and len(p.tgt) == 1]
    diagonal = sum(p.src == p.tgt for p in one_to_one)
    shapes = Counter(f"{len(p.src)}-{len(p.tgt)}" for p in pairs)
    print(f"{len(zh)} × {len(en)} sentences")
    print(f"lexicon load  {loaded - start:6.3f} s")
    print(f"features      {prepared - loaded:6.3f} s")
    print(f"alignment     {aligned - prepared:6.3f} s")
    print(f"beads         {dict(shapes.most_common())}")
    share = diagonal / max(1, len(one_to_one))
    print(f"1-1 links on the diagonal: {diagonal}/{len(one_to_one)} = {share:.2%}")
    print(f"source sentences in an (i, i) link: {diagonal / max(1, len(zh)):.2%}")


def _edit(units: list[Unit], k: int, edit: str) -> None:
    """Apply one perturbation at unit k (only to units that are still plain 1-1)."""
    width = 3 if edit.startswith("merge3") else 2 if edit.startswith("merge") else 1
    group = units[k : k + width]
    if len(group) < width or any(len(zh) != 1 or len(en) != 1 for zh, en in group):
        return
    zh = [line for unit in group for line in unit[0]]
    en = [line for unit in group for line in unit[1]]
    if edit.endswith("_en") and edit.startswith("merge"):
        units[k : k + width] = [(zh, [" ".join(en)])]
    elif edit.startswith("merge"):
        units[k : k + width] = [(["".join(zh)], en)]
    elif edit == "drop_zh":
        units[k] = ([], en)
    else:
        units[k] = (zh, [])


def _synthetic_doc(
    rng: random.Random, zh_lines: list[str], en_lines: list[str]
) -> tuple[list[str], list[str], set[Bead]]:
    start = rng.randrange(len(zh_lines) - SYNTHETIC_LINES)
    units: list[Unit] = [
        ([zh_lines[i]], [en_lines[i]]) for i in range(start, start + SYNTHETIC_LINES)
    ]
    for _ in range(SYNTHETIC_EDITS):
        _edit(units, rng.randrange(len(units) - 1), rng.choice(EDITS))
    zh: list[str] = []
    en: list[str] = []
    gold: set[Bead] = set()
    for unit_zh, unit_en in units:
        zh_ids = tuple(range(len(zh), len(zh) + len(unit_zh)))
        en_ids = tuple(range(len(en), len(en) + len(unit_en)))
        zh += unit_zh
        en += unit_en
        if zh_ids and en_ids:
            gold.add((zh_ids, en_ids))
        else:  # a dropped line is a 1-0 or 0-1 bead of its own
            gold.update(((i,), ()) for i in zh_ids)
            gold.update(((), (j,)) for j in en_ids)
    return zh, en, gold


def synthetic_accuracy(zh_lines: list[str], en_lines: list[str], seed: int = 1) -> float:
    """Bead precision/recall on perturbed documents; returns F1."""
    rng = random.Random(seed)
    found = predicted = expected = 0
    missed: Counter[str] = Counter()
    for _ in range(SYNTHETIC_DOCS):
        zh, en, gold = _synthetic_doc(rng, zh_lines, en_lines)
        src, tgt = to_sentences(zh), to_sentences(en)
        beads = {(p.src, p.tgt) for p in align(src, tgt, LexicalSimilarity(src, tgt))}
        found += len(beads & gold)
        predicted += len(beads)
        expected += len(gold)
        missed.update(f"{len(s)}-{len(t)}" for s, t in gold - beads)
    precision, recall = found / predicted, found / expected
    f1 = 2 * precision * recall / (precision + recall)
    print(f"synthetic: {SYNTHETIC_DOCS} docs of {SYNTHETIC_LINES} lines, {SYNTHETIC_EDITS} edits")
    print(f"bead precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"missed gold beads by shape: {dict(missed.most_common())}")
    return f1


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", action="store_true", help="also run the perturbation test")
    parser.add_argument("files", nargs="*", type=Path, help="zh file and en file, line-aligned")
    args = parser.parse_args(argv)
    zh_path, en_path = args.files if len(args.files) == 2 else (DEFAULT_ZH, DEFAULT_EN)
    if not zh_path.exists() or not en_path.exists():
        sys.exit(f"missing {zh_path} or {en_path}")
    zh_lines = zh_path.read_text(encoding="utf-8").splitlines()
    en_lines = en_path.read_text(encoding="utf-8").splitlines()
    time_whole_file(zh_lines, en_lines)
    if args.synthetic:
        synthetic_accuracy(zh_lines, en_lines)


if __name__ == "__main__":
    main(sys.argv[1:])
