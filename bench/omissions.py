"""Omissions and additions planted in the faithful corpora pairs (issue 4).

For every faithful pair in corpora/ and every English sentence that is the whole 1-1
rendering of one Chinese sentence: drop it (expect O301 on that Chinese sentence), and
insert an unrelated English sentence after it (expect O302 on the inserted one); and where
the sentence has a clause of three words or more, after a comma or semicolon, that holds a
number or a name, drop that clause (expect O303, major, inside that Chinese sentence; also
counted: any new major finding inside that sentence, O303 or the missing number, date or
name itself). Any other omission/addition finding of major severity counts as a false
alarm. Also reports the faithful pairs themselves (expect no O finding at all).

Run alone: ``.venv/bin/python -m bench.omissions [--embedder use] [--heldout]``; with
``--heldout`` the same is planted in the faithful pairs of the held-out number and name sets
(bench/heldout*/), which no omission rule was tuned on.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from bench.common import ROOT, rate, title
from checker.model import Document, Severity
from checker.pipeline import CheckOptions, check_documents
from checker.segment import segment

#: Unrelated sentences to insert (none of them translates anything in the corpora).
INSERTS = (
    "The museum will also open a new wing devoted to medieval tapestries next spring.",
    "Local residents said the autumn festival drew record crowds to the riverside park.",
    "Critics praised the orchestra's performance of the symphony at the weekend.",
)


#: The faithful pairs of the held-out number and name sets, written by helpers who never
#: saw the checker: omissions planted there were never tuned on (the corpora/ ones were).
HELDOUT_GLOBS = ("bench/heldout/set*/*/*.zh.txt", "bench/heldout_names/set*/*/*.zh.txt")


def faithful_pairs(heldout: bool = False) -> list[tuple[Path, Path]]:
    found = [p for pattern in HELDOUT_GLOBS for p in ROOT.glob(pattern)] if heldout \
        else list((ROOT / "corpora").glob("*/*.zh.txt"))
    pairs = []
    for zh in sorted(found):
        en = zh.with_name(zh.name.replace(".zh.txt", ".en.txt"))
        if en.exists():
            pairs.append((zh, en))
    return pairs


def omission_findings(report, severity: Severity = Severity.MAJOR) -> list:
    return [f for f in report.findings
            if f.category in ("omission", "addition") and f.severity.rank >= severity.rank]


#: Where an English sentence splits into clauses: a comma not inside a number, a semicolon.
_CLAUSE_BREAK = re.compile(r"(?<!\d),(?!\d)\s*|;\s*")
_FACT = re.compile(r"\d|\s[A-Z][a-z]")


def clause_dropped(sentence: str) -> str | None:
    """The sentence without its first clause after the first that holds a number or a name
    (three words at least), or None."""
    breaks = list(_CLAUSE_BREAK.finditer(sentence))
    bounds = [0, *(m.start() for m in breaks), len(sentence.rstrip(".!?\"'”"))]
    for k in range(1, len(bounds) - 1):
        clause = sentence[bounds[k]:bounds[k + 1]]
        if len(clause.split()) >= 3 and _FACT.search(" " + clause.lstrip(",; ")):
            return sentence[:bounds[k]] + sentence[bounds[k + 1]:]
    return None


def run(options: CheckOptions, limit: int | None = None, heldout: bool = False) -> None:
    faithful_alarms = dropped = dropped_hits = added = added_hits = false_alarms = 0
    clauses = clause_hits = clause_any = 0
    pairs = faithful_pairs(heldout)[:limit]
    if not pairs:
        print("no pairs found (held-out sets absent?): skipped")
        return
    for zh_path, en_path in pairs:
        zh = Document(zh_path.read_text(encoding="utf-8"), "zh", str(zh_path))
        en_text = en_path.read_text(encoding="utf-8")
        en = Document(en_text, "en", str(en_path))
        report = check_documents(zh, en, options)
        faithful_alarms += len(omission_findings(report, Severity.MINOR))
        already = {(f.rule, f.source.start) for f in report.findings if f.source}
        sentences = segment(en)
        zh_sentences = report.source_sentences
        for segment_ in report.segments:
            if len(segment_.src) != 1 or len(segment_.tgt) != 1 or segment_.tgt[0] == 0:
                continue
            target = sentences[segment_.tgt[0]]
            source = zh_sentences[segment_.src[0]]
            # drop the English sentence
            cut = en_text[:target.start] + en_text[target.end:].lstrip(" ")
            found = omission_findings(check_documents(zh, Document(cut, "en"), options))
            dropped += 1
            hit = [f for f in found if f.rule == "O301" and f.source
                   and f.source.start == source.start]
            dropped_hits += bool(hit)
            false_alarms += len(found) - len(hit)
            # add an unrelated sentence after it
            insert = INSERTS[added % len(INSERTS)]
            grown = en_text[:target.end] + " " + insert + en_text[target.end:]
            found = omission_findings(check_documents(zh, Document(grown, "en"), options))
            added += 1
            hit = [f for f in found if f.rule == "O302" and f.target
                   and f.target.text.strip() == insert]
            added_hits += bool(hit)
            false_alarms += len(found) - len(hit)
            # drop a clause with a number or a name
            shorter = clause_dropped(target.text)
            if shorter is None:
                continue
            cut = en_text[:target.start] + shorter + en_text[target.end:]
            clauses += 1
            report = check_documents(zh, Document(cut, "en"), options)
            found = omission_findings(report)
            hit = [f for f in found if f.rule == "O303" and f.source
                   and source.start <= f.source.start and f.source.end <= source.end]
            clause_hits += bool(hit)
            clause_any += bool(hit) or any(
                f.severity.rank >= Severity.MAJOR.rank and f.source
                and source.start <= f.source.start and f.source.end <= source.end
                and (f.rule, f.source.start) not in already for f in report.findings)
            false_alarms += len(found) - len(hit)
    print(f"dropped sentences reported (O301 at the right sentence): {rate(dropped_hits, dropped)}")
    print(f"added sentences reported (O302 at the right sentence):   {rate(added_hits, added)}")
    print(f"dropped clauses with a number or name (O303, major, in the right sentence): "
          f"{rate(clause_hits, clauses)}")
    print(f"  ... with any new major finding inside that sentence (O303, or the missing "
          f"number, date or name itself): {rate(clause_any, clauses)}")
    print(f"other major omission/addition findings in those {dropped + added + clauses} "
          f"variants: {false_alarms}")
    print(f"omission/addition findings on the faithful pairs themselves: {faithful_alarms}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--embedder", default="none", help="none, use or hf:PATH")
    parser.add_argument("--pairs", type=int, default=None, help="only the first N pairs")
    parser.add_argument("--heldout", action="store_true",
                        help="plant in the held-out sets' faithful pairs instead of corpora/")
    args = parser.parse_args(argv)
    where = "bench/heldout*, never tuned on" if args.heldout else "corpora/"
    title(f"planted omissions and additions ({where}, embedder {args.embedder})")
    run(CheckOptions(embedder=args.embedder), args.pairs, args.heldout)


if __name__ == "__main__":
    main(sys.argv[1:])
