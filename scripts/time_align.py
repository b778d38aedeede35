"""Time the aligner on a ~2,000 × 2,000 sentence pair and measure its diagonal accuracy.

Uses the WMT21 zh-en news test set (one sentence per line, line i of the source translated
by line i of the reference), so the right alignment is (i, i). All sentences are put in
paragraph 0, so the whole document goes through one banded DP.

Usage: .venv/bin/python scripts/time_align.py [zh-file en-file]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from checker.align import LexicalSimilarity, align
from checker.lexicon import load_lexicon
from checker.model import Sentence

WMT = Path("/work/shared/external/wmt21-news-systems/txt")
DEFAULT_ZH = WMT / "sources" / "newstest2021.zh-en.src.zh"
DEFAULT_EN = WMT / "references" / "newstest2021.zh-en.ref.A.en"


def read_sentences(path: Path) -> list[Sentence]:
    sentences, offset = [], 0
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        sentences.append(Sentence(i, offset, offset + len(line), line, 0))
        offset += len(line) + 1
    return sentences


def main(argv: list[str]) -> None:
    zh_path, en_path = (Path(argv[1]), Path(argv[2])) if len(argv) > 2 else (DEFAULT_ZH, DEFAULT_EN)
    if not zh_path.exists() or not en_path.exists():
        sys.exit(f"missing {zh_path} or {en_path}")
    start = time.perf_counter()
    load_lexicon()
    loaded = time.perf_counter()
    zh, en = read_sentences(zh_path), read_sentences(en_path)
    similarity = LexicalSimilarity(zh, en, "zh", "en")
    prepared = time.perf_counter()
    pairs = align(zh, en, similarity)
    aligned = time.perf_counter()

    one_to_one = [p for p in pairs if len(p.src) == 1 and len(p.tgt) == 1]
    diagonal = sum(p.src == p.tgt for p in one_to_one)
    shapes: dict[str, int] = {}
    for p in pairs:
        shape = f"{len(p.src)}-{len(p.tgt)}"
        shapes[shape] = shapes.get(shape, 0) + 1
    print(f"{len(zh)} × {len(en)} sentences")
    print(f"lexicon load  {loaded - start:6.3f} s")
    print(f"features      {prepared - loaded:6.3f} s")
    print(f"alignment     {aligned - prepared:6.3f} s")
    print(f"beads         {dict(sorted(shapes.items(), key=lambda kv: -kv[1]))}")
    print(
        f"1-1 links on the diagonal: {diagonal}/{len(one_to_one)} = "
        f"{diagonal / max(1, len(one_to_one)):.2%}"
    )
    print(f"source sentences in an (i, i) link: {diagonal / max(1, len(zh)):.2%}")


if __name__ == "__main__":
    main(sys.argv)
