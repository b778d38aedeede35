"""Gold sentence alignments from ../shared/external/alignment, and the Vecalign/Bertalign scorer.

Two sources, both with the corpus' own sentence splits (one sentence per line, as given):
- aligner-eval (test only): ``data/{mac,pol,aca,mag}/{src,tgt}/NNN`` and ``gold/NNN.align``,
  links ``[i, j]:[k]`` of 0-based line numbers; mac/pol are zh→en, aca/mag en→zh.
- MAC-Dev (tuning): InterText XML, ``dev/intertext/dev-anno.NNN_zh.NNN_en.xml``, whose
  ``xtargets='EN_IDS;ZH_IDS'`` put the English ids first (see the corpus README).

Scoring follows Vecalign's score.py, which the Bertalign paper uses: links pooled over all
documents; a system link is strictly right when the identical link is in the gold, laxly
right when it shares a target sentence with the gold partners of one of its source
sentences. Precision counts every system link (null links too); recall is computed the other
way round with null links left out on both sides.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree

from bench.common import EXTERNAL

ALIGNMENT_DIR = EXTERNAL / "alignment"
AE_DIR = ALIGNMENT_DIR / "aligner-eval" / "data"
MAC_DEV_DIR = ALIGNMENT_DIR / "mac" / "dev" / "intertext"

#: Language of the src and tgt files of each aligner-eval set.
AE_LANGUAGES = {"mac": ("zh", "en"), "pol": ("zh", "en"), "aca": ("en", "zh"),
                "mag": ("en", "zh")}

Link = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class GoldDocument:
    name: str
    src_lang: str
    tgt_lang: str
    src: list[str]
    tgt: list[str]
    gold: list[Link]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _parse_align(text: str) -> list[Link]:
    links = []
    for line in text.splitlines():
        if line.strip():
            left, right = line.split(":")
            links.append((tuple(ast.literal_eval(left)), tuple(ast.literal_eval(right))))
    return links


def aligner_eval(set_name: str) -> list[GoldDocument]:
    """The documents of one aligner-eval set (empty when the data is absent)."""
    folder = AE_DIR / set_name
    if not (folder / "gold").is_dir():
        return []
    src_lang, tgt_lang = AE_LANGUAGES[set_name]
    documents = []
    for gold in sorted((folder / "gold").glob("*.align")):
        name = gold.stem
        documents.append(GoldDocument(
            f"{set_name}/{name}", src_lang, tgt_lang, _lines(folder / "src" / name),
            _lines(folder / "tgt" / name), _parse_align(gold.read_text(encoding="utf-8"))))
    return documents


def _intertext_sentences(path: Path) -> list[str]:
    root = ElementTree.parse(path).getroot()
    sentences = {}
    for s in root.iter("s"):
        number = int(s.get("id").split(":")[-1])
        sentences[number] = "".join(s.itertext()).strip()
    return [sentences[k] for k in sorted(sentences)]


def _ids(text: str) -> tuple[int, ...]:
    return tuple(int(x.split(":")[-1]) - 1 for x in text.split())


def mac_dev() -> list[GoldDocument]:
    """MAC-Dev, zh→en (empty when the data is absent)."""
    documents = []
    for link_file in sorted(MAC_DEV_DIR.glob("dev-anno.*_zh.*_en.xml")):
        number = re.search(r"\.(\d+)_zh", link_file.name).group(1)
        zh = _intertext_sentences(MAC_DEV_DIR / f"dev-anno.{number}_zh.xml")
        en = _intertext_sentences(MAC_DEV_DIR / f"dev-anno.{number}_en.xml")
        links = []
        for link in ElementTree.parse(link_file).getroot().iter("link"):
            en_ids, zh_ids = link.get("xtargets").split(";")
            links.append((_ids(zh_ids), _ids(en_ids)))
        documents.append(GoldDocument(f"mac-dev/{number}", "zh", "en", zh, en, links))
    return documents


@dataclass(frozen=True)
class Scores:
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float


def _precision_counts(gold: list[Link], test: list[Link]) -> tuple[int, int, int, int]:
    gold_set = set(gold)
    gold_targets: dict[int, set[int]] = {}
    for src, tgt in gold:
        for s in src:
            gold_targets.setdefault(s, set()).update(tgt)
    tp_strict = fp_strict = tp_lax = fp_lax = 0
    for src, tgt in test:
        if not src and not tgt:
            continue
        if (src, tgt) in gold_set:
            tp_strict += 1
            tp_lax += 1
            continue
        fp_strict += 1
        reachable = set().union(*(gold_targets.get(s, set()) for s in src)) if src else set()
        if reachable & set(tgt):
            tp_lax += 1
        else:
            fp_lax += 1
    return tp_strict, fp_strict, tp_lax, fp_lax


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(golds: list[list[Link]], tests: list[list[Link]]) -> Scores:
    """Pooled strict and lax precision, recall and F1 (Vecalign's score_multiple)."""
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in zip(golds, tests, strict=True):
        p = [a + b for a, b in zip(p, _precision_counts(gold, test), strict=True)]
        test_full = [(s, t) for s, t in test if s and t]
        gold_full = [(s, t) for s, t in gold if s and t]
        r = [a + b for a, b in zip(r, _precision_counts(test_full, gold_full), strict=True)]
    ps, pl = _ratio(p[0], p[0] + p[1]), _ratio(p[2], p[2] + p[3])
    rs, rl = _ratio(r[0], r[0] + r[1]), _ratio(r[2], r[2] + r[3])
    return Scores(ps, rs, _f1(ps, rs), pl, rl, _f1(pl, rl))
