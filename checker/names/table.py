"""Known entities: the user's glossaries, the bundled curated table and CC-CEDICT's proper nouns.

Each Chinese form maps to one ``Entity``; when sources disagree the strongest wins (glossary,
then the curated table, then CC-CEDICT). The table can be scanned over a Chinese sentence
(longest match) and asked which entity an English name belongs to.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from checker.extract.numerals import normalize_chinese
from checker.model import Entity
from checker.names import romanize
from checker.names.glossary import GlossaryEntry, split_values

ENTITY_TABLE = "entities.tsv"
CEDICT_NAMES = "cedict_names.tsv.gz"
CEDICT_COMMON = "cedict_common.txt.gz"
CEDICT_SIMPLIFIED = "cedict_simplified.tsv.gz"

#: Strength of each source: a stronger source's entry replaces a weaker one for the same form.
SOURCE_RANK = {"glossary": 3, "table": 2, "cedict": 1}

_MAX_FORM_LENGTH = 16
_ADMIN_SUFFIXES = "市省县區区州"


@dataclass
class EntityTable:
    """Chinese form → entity, plus an index of English names."""

    by_form: dict[str, Entity] = field(default_factory=dict)
    # what the bundled knowledge says of a form the user's glossary took over
    shadowed: dict[str, Entity] = field(default_factory=dict)
    by_english: dict[str, list[Entity]] = field(default_factory=dict)
    longest: int = 1
    # first character → the lengths of the forms that start with it, longest first: a scan
    # tries only those (a 4,000-entry table and CC-CEDICT have forms of up to 20 characters)
    sizes: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # (position, the other words) → (the word there, full name, person), built on first use
    _by_other_words: dict[tuple, list[tuple[str, str, Entity]]] | None = field(
        default=None, repr=False, compare=False)

    def add(self, entity: Entity) -> None:
        self._by_other_words = None
        for form in entity.zh:
            form = normalize_chinese(form)
            current = self.by_form.get(form)
            if current is not None and _homograph(form, current, entity):
                continue
            if current is None or SOURCE_RANK[entity.source] >= SOURCE_RANK[current.source]:
                if current is not None and entity.source == "glossary" != current.source:
                    self.shadowed[form] = current
                self._index(form, entity)
        for name in entity.english_forms:
            self.by_english.setdefault(english_key(name), []).append(entity)
        if entity.kind == "person":
            self._add_family_names(entity)

    def _add_family_names(self, entity: Entity) -> None:
        """蒂姆·库克 is also 库克 on second reference, unless that form means someone else."""
        for form in entity.zh:
            parts = re.split(r"[·•・．]", normalize_chinese(form))
            family = parts[-1]
            current = self.by_form.get(family)
            if len(parts) > 1 and len(family) >= 2 and (
                    current is None or SOURCE_RANK[current.source] < SOURCE_RANK[entity.source]):
                self._index(family, entity)

    def _index(self, form: str, entity: Entity) -> None:
        self.by_form[form] = entity
        self.longest = max(self.longest, min(len(form), _MAX_FORM_LENGTH))
        if form and len(form) not in self.sizes.get(form[0], ()):
            self.sizes[form[0]] = tuple(sorted({*self.sizes.get(form[0], ()), len(form)},
                                               reverse=True))

    def get(self, form: str) -> Entity | None:
        return self.by_form.get(normalize_chinese(form))

    def scan(self, text: str) -> list[tuple[int, int, Entity]]:
        """Known entities in a Chinese text, longest match first, left to right. A match gives
        way to a longer one that starts inside it (董事长丰田章男: not 长丰 but 丰田章男)."""
        found, index, folded = [], 0, normalize_chinese(text)
        while index < len(folded):
            match = self._longest_at(folded, index)
            if match is None:
                index += 1
                continue
            end, entity = match
            if any(self._overrides(folded, inner, end) for inner in range(index + 1, end)):
                index += 1
                continue
            found.append((index, end, self._prefer_curated(folded[index:end], entity)))
            index = end
        return found

    def _longest_at(self, folded: str, index: int) -> tuple[int, Entity] | None:
        room = min(self.longest, len(folded) - index)
        for length in self.sizes.get(folded[index], ()):
            if 1 < length <= room:
                entity = self.by_form.get(folded[index:index + length])
                if entity is not None:
                    return index + length, entity
        return None

    def _overrides(self, folded: str, inner: int, end: int) -> bool:
        match = self._longest_at(folded, inner)
        return match is not None and match[0] > end and match[0] - inner > end - inner + 1

    def _prefer_curated(self, form: str, entity: Entity) -> Entity:
        """台北市 is CC-CEDICT's "Taibei"; the curated table knows 台北 as Taipei."""
        if entity.source == "cedict" and len(form) > 2 and form[-1] in _ADMIN_SUFFIXES:
            stem = self.by_form.get(form[:-1])
            if stem is not None and stem.source != "cedict":
                return stem
        if entity.source == "cedict" and entity.kind in ("org", "media"):
            # 国泰 is CC-CEDICT's "Cathay Pacific": the curated 国泰航空 says the same, and its
            # English is established, so "Guotai" is non-standard
            curated = [e for e in self.english_owners(entity.en) if e.source != "cedict"
                       and e.kind == entity.kind]
            if len(curated) == 1:
                return curated[0]
        return entity

    def english_owners(self, name: str) -> list[Entity]:
        """Entities that go by this English name ("Joe Biden" → 拜登); "U.N. Development
        Programme" is the United Nations Development Programme."""
        key = english_key(name)
        owners = self.by_english.get(key)
        first, _, rest = key.partition(" ")
        if owners is None and rest and first in _ABBREVIATED:
            owners = self.by_english.get(f"{_ABBREVIATED[first]} {rest}")
        return owners or []

    def people_one_word_off(self, name: str) -> list[tuple[int, str, str, Entity]]:
        """(where, the table's word there, its full English name, the person) for each person
        of the curated table (or glossary) whose full name has as many words as ``name`` (two
        or more) and differs from it in exactly one word: "Christophe Fouquet" for
        "Christophe Fouqet". Whether that word is a near miss is the caller's to judge."""
        words = english_key(name).split()
        if len(words) < 2:
            return []
        index = self._one_word_index()
        return [(at, word, form, entity)
                for at in range(len(words))
                for word, form, entity in index.get((at, *words[:at], *words[at + 1:]), [])
                if word != words[at]]

    def _one_word_index(self) -> dict[tuple, list[tuple[str, str, Entity]]]:
        if self._by_other_words is None:
            index: dict[tuple, list[tuple[str, str, Entity]]] = {}
            people = {id(e): e for entities in self.by_english.values() for e in entities
                      if e.kind == "person" and e.source != "cedict"}
            for entity in people.values():
                for form in entity.english_forms:
                    words = english_key(form).split()
                    for at, word in enumerate(words if len(words) >= 2 else ()):
                        slot = (at, *words[:at], *words[at + 1:])
                        index.setdefault(slot, []).append((word, form, entity))
            self._by_other_words = index
        return self._by_other_words


_KEY_PUNCTUATION = str.maketrans({".": "", "’": "'", ",": " ", "(": " ", ")": " ", '"': " ",
                                  "“": " ", "”": " ", ";": " ", ":": " ", "!": " ", "?": " "})


def _homograph(form: str, current: Entity, entity: Entity) -> bool:
    """A form that is one entity's own name and another's short form in some context (国务院
    is China's State Council, and after 国务卿 the US State Department): it stays the first
    entity's; the second still owns it when its English names are looked up."""
    return current.source == entity.source and form == normalize_chinese(current.zh[0]) \
        and form != normalize_chinese(entity.zh[0])


#: Country and union names that news English abbreviates before a body's name.
_ABBREVIATED = {"un": "united nations", "us": "united states", "uk": "united kingdom",
                "eu": "european union"}


@lru_cache(maxsize=65536)
def english_key(name: str) -> str:
    """Case- and punctuation-insensitive key of an English name: "U.S." and "US" agree."""
    return " ".join(name.translate(_KEY_PUNCTUATION).lower().split())


def _read_data(name: str) -> str:
    data = resources.files("checker.data").joinpath(name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8")


def curated_entities() -> list[Entity]:
    """The bundled table (checker/data/entities.tsv; see entities.README.md)."""
    entities = []
    lines = [line for line in _read_data(ENTITY_TABLE).splitlines()
             if line.strip() and not line.startswith("#")]
    for line in lines[1:]:  # the first is the header
        cells = (line.split("\t") + [""] * 6)[:6]
        kind, zh, en, aliases, note, former = (c.strip() for c in cells)
        if zh and en:
            forms = tuple(split_values(zh))
            accepted = _accepted_aliases(kind, forms, en, aliases)
            entities.append(Entity(forms, en, _with_plain_letters((en, *accepted))[1:],
                                   kind, "table", note, tuple(split_values(former))))
    return entities


#: How German writes its umlauts without them: Brudermüller is Brudermueller on the wires.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                          "ß": "ss"})


def _with_plain_letters(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names, then each name with accents written as English news writes them: without
    the marks (Péter Szijjártó → Peter Szijjarto), or umlauts spelt out (Brudermueller)."""
    variants = list(names)
    for name in names:
        if name.isascii():
            continue
        spelt_out = name.translate(_UMLAUTS)
        for variant in (spelt_out, _strip_marks(name), _strip_marks(spelt_out)):
            if variant not in variants:
                variants.append(variant)
    return tuple(variants)


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(
        c for c in decomposed if not unicodedata.combining(c)))


def _accepted_aliases(kind: str, forms: tuple[str, ...], en: str, aliases: str
                      ) -> tuple[str, ...]:
    """A person's aliases minus the plain Hanyu pinyin of the Chinese when the English name is
    something else: "Ma Huateng" for Pony Ma is the non-standard form the checker reports,
    not an accepted alias; "Jen-Hsun Huang" (Wade-Giles) stays accepted. So for a place:
    "Chang Jiang" is the pinyin of 长江, whose English name is the Yangtze."""
    split = tuple(split_values(aliases))
    if kind not in ("person", "place") or romanize.hanyu_spells(forms[0], en):
        return split
    if kind == "place":  # 长江 is the Yangtze; "Chang Jiang", "Changjiang" are its pinyin
        return tuple(a for a in split if not romanize.hanyu_spells(forms[0], a))
    return tuple(a for a in split if len(a.split()) < 2
                 or not romanize.hanyu_spells(forms[0], a))


def cedict_entities() -> list[Entity]:
    """CC-CEDICT's proper nouns (derived file, CC BY-SA 4.0)."""
    entities = []
    for line in _read_data(CEDICT_NAMES).splitlines():
        simplified, traditional, pinyin, kind, names = line.split("\t")
        forms = (simplified,) if simplified == traditional else (simplified, traditional)
        english = tuple(names.split("|"))
        if kind == "place":  # 广西 is "Guangxi" as well as the Guangxi Zhuang Autonomous Region
            english += (pinyin.replace(" ", "").capitalize(),)
        entities.append(Entity(forms, english[0], tuple(dict.fromkeys(english[1:])), kind,
                               "cedict"))
    return entities


def glossary_entities(entries: Iterable[GlossaryEntry]) -> list[Entity]:
    return [Entity(tuple(e.zh), e.en, tuple(e.aliases), e.kind, "glossary", e.note)
            for e in entries]


@lru_cache(maxsize=1)
def _bundled() -> tuple[Entity, ...]:
    return (*cedict_entities(), *curated_entities())


def _bundled_table() -> EntityTable:
    table = EntityTable()
    for entity in _bundled():
        table.add(entity)
    return table


def _table_sources() -> list[Path]:
    """What the bundled table is derived from: its data files and the code that reads them."""
    package = Path(__file__).resolve().parent.parent
    data = package / "data"
    return [data / ENTITY_TABLE, data / CEDICT_NAMES, data / "cedict_readings.tsv.gz",
            Path(__file__).resolve(), package / "names" / "romanize.py",
            package / "names" / "glossary.py", package / "extract" / "numerals.py",
            package / "model.py"]


@lru_cache(maxsize=8)
def build_table(glossary: tuple[GlossaryEntry, ...] = ()) -> EntityTable:
    """The bundled knowledge with a user's glossary on top (cached per glossary; the bundled
    part also on disk, see checker.cache)."""
    from checker.cache import cached

    table = cached("entities", _table_sources(), _bundled_table)  # a fresh copy each time
    for entity in glossary_entities(glossary):
        table.add(entity)
    return table


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Headwords CC-CEDICT also has as ordinary words (现代 "modern" as well as Hyundai)."""
    return frozenset(_read_data(CEDICT_COMMON).split())


@lru_cache(maxsize=1)
def _simplifying_table() -> dict[int, str]:
    pairs = (line.split("\t") for line in _read_data(CEDICT_SIMPLIFIED).splitlines() if line)
    return {ord(traditional): simplified for traditional, simplified in pairs}


def japanese_reading(entity: Entity | None) -> bool:
    """CC-CEDICT knows 平野 as "Hirano": a Japanese family name, which English writes in its
    Japanese reading, never in Mandarin ("Pingye")."""
    return entity is not None and entity.source == "cedict" and entity.kind == "name" \
        and romanize.japanese_shape(entity.en) \
        and not any(romanize.hanyu_spells(form, entity.en) for form in entity.zh)


def to_simplified(text: str) -> str:
    """Every Traditional character CC-CEDICT simplifies one way folded to Simplified, same
    length (中國選手 → 中国选手), for reading the words around names in Hong Kong and Taiwan
    text. Table look-ups keep the narrower normalize_chinese: 證監會 (Hong Kong's SFC) must not
    become 证监会 (the mainland's CSRC)."""
    return normalize_chinese(text).translate(_simplifying_table())


@lru_cache(maxsize=1)
def ordinary_english() -> dict[str, int]:
    """English words CC-CEDICT uses for ordinary Chinese words, with how many it glosses:
    "time" 1,193, "affairs" 132, "senate" 5 — but "belgium" and "kyoto" only in descriptions
    or names (cached on disk)."""
    from checker.cache import cached

    package = Path(__file__).resolve().parent.parent
    sources = [*_table_sources(), package / "data" / "cedict_glosses.txt.gz",
               package / "lexicon.py"]
    return cached("ordinary-english", sources, _ordinary_english)


def _ordinary_english() -> dict[str, int]:
    from collections import Counter

    from checker.lexicon import glossed_words

    names = {form for entity in cedict_entities() for form in entity.zh}
    counts: Counter = Counter()
    for key, gloss in glossed_words():
        if key not in names:
            counts.update(set(gloss.split()))
    return dict(counts)
