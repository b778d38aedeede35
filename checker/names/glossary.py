"""User glossaries: required translations of people, organisations and terms.

A glossary maps Chinese forms to the English rendering a translation must use (黄仁勋 → Jensen
Huang, 国家统计局 → National Bureau of Statistics, alias NBS). It overrides the bundled entity
table. Two formats are read:

* CSV / TSV (``.csv``, ``.tsv``, ``.txt``): one entry a row, columns zh, en, aliases, note,
  kind, either in that order or named by an optional header row. Several Chinese forms or
  aliases in one cell are separated by ``|`` (or ``;``). ``#`` lines and blank lines are skipped.
* TBX (ISO 30042), v2 (``martif``/``termEntry``/``langSet``) and v3 (``tbx``/``conceptEntry``/
  ``langSec``), with or without namespaces. It is parsed with defusedxml: entity declarations
  (XXE, billion laughs) are rejected, never expanded.

Entries keep file order, duplicates included. When two entries share a Chinese form, the later
one wins: ``index_by_zh`` (and any consumer that fills a map in order) keeps the last.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from checker.load import read_text
from checker.model import InputError

KINDS: tuple[str, ...] = ("person", "org", "place", "media", "event", "product", "term")

_KIND_SYNONYMS = {
    "people": "person",
    "name": "person",
    "organisation": "org",
    "organization": "org",
    "organ": "org",
    "location": "place",
    "geo": "place",
    "newspaper": "media",
    "publication": "media",
}

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LATIN = re.compile("[A-Za-z]")
_MULTI_SEP = re.compile("[|;\uff5c\uff1b]")  # | ; and their full-width forms
_XML_START = re.compile(r"\s*<(\?xml|martif|tbx|!doctype|!--)", re.IGNORECASE)

_DELIMITED_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
_XML_SUFFIXES = frozenset({".tbx", ".xml"})
_NOT_A_GLOSSARY = "not a glossary (expected CSV, TSV or TBX)"

_COLUMNS = ("zh", "en", "aliases", "note", "kind")
_HEADER_WORDS = {
    **dict.fromkeys(("zh", "chinese", "source", "中文"), "zh"),
    **dict.fromkeys(("en", "english", "target", "英文"), "en"),
    **dict.fromkeys(("aliases", "alias", "variants", "别名"), "aliases"),
    **dict.fromkeys(("note", "notes", "comment", "备注"), "note"),
    **dict.fromkeys(("kind", "type", "类型"), "kind"),
}

_TBX_ROOTS = frozenset({"martif", "tbx"})
_TBX_ENTRIES = frozenset({"termEntry", "conceptEntry"})
_TBX_LANG_SECTIONS = frozenset({"langSet", "langSec"})
_TRADITIONAL_TAGS = frozenset({"tw", "hk", "mo", "hant"})


@dataclass(frozen=True)
class GlossaryEntry:
    """One required translation: Chinese forms and the English rendering they must get."""

    zh: tuple[str, ...]  # Chinese forms (at least one); first is the preferred form
    en: str  # the required English rendering
    aliases: tuple[str, ...]  # other accepted English renderings (acronyms, short forms)
    note: str = ""
    kind: str = "term"  # person, org, place, media, event, product, term
    origin: str = ""  # "FILE:LINE" for messages


@dataclass(frozen=True)
class GlossaryProblem:
    """Something wrong with a glossary file; fatal problems make the file unusable."""

    origin: str  # "FILE:LINE" (or "FILE" when not line-specific)
    message: str  # one line, plain English
    fatal: bool  # True: the file cannot be used; False: a warning (skipped line, duplicate)


# ---------------------------------------------------------------- public API


def load_glossary(path: str | Path) -> list[GlossaryEntry]:
    """Read a CSV, TSV or TBX glossary and return its entries in file order.

    Bad lines are skipped silently (``validate_glossary`` reports them). Raise InputError,
    naming the file, when it is missing, unreadable, not a glossary or has no usable entry.
    Duplicates are kept in order, so the later entry wins (see ``index_by_zh``).
    """
    text, fmt = _read(Path(path))
    entries, problems = _parse(str(path), text, fmt)
    fatal = next((p for p in problems if p.fatal), None)
    if fatal is not None:
        raise InputError(_fatal_message(fatal, problems))
    return entries


def validate_glossary(path: str | Path) -> list[GlossaryProblem]:
    """Return every problem in a glossary file (empty when it is clean); never raise for it."""
    try:
        text, fmt = _read(Path(path))
    except InputError as exc:
        return [GlossaryProblem(str(path), _without_prefix(str(exc), str(path)), True)]
    return _parse(str(path), text, fmt)[1]


def load_glossaries(paths: Iterable[str | Path]) -> list[GlossaryEntry]:
    """Load several glossaries and concatenate them in order (later files come later)."""
    return [entry for path in paths for entry in load_glossary(path)]


def index_by_zh(entries: Iterable[GlossaryEntry]) -> dict[str, GlossaryEntry]:
    """Map every Chinese form to its entry; when a form repeats, the later entry wins."""
    return {form: entry for entry in entries for form in entry.zh}


# ---------------------------------------------------------------- reading and dispatch


def _read(path: Path) -> tuple[str, str]:
    """Return ``(text, "tbx" | "delimited")``; raise InputError for files that aren't one."""
    suffix = path.suffix.lower()
    known = suffix in _DELIMITED_SUFFIXES or suffix in _XML_SUFFIXES
    try:
        text, _ = read_text(path)
    except InputError as exc:
        if known or not _has_bytes(path):
            raise
        raise InputError(f"{path}: {_NOT_A_GLOSSARY}") from exc
    if suffix in _XML_SUFFIXES or _XML_START.match(text):
        return text, "tbx"
    if suffix in _DELIMITED_SUFFIXES:
        return text, "delimited"
    raise InputError(f"{path}: {_NOT_A_GLOSSARY}")


def _has_bytes(path: Path) -> bool:
    """True for an existing, non-empty regular file."""
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def _parse(name: str, text: str, fmt: str) -> tuple[list[GlossaryEntry], list[GlossaryProblem]]:
    """Parse decoded text; add duplicate warnings and the "no usable entry" fatal problem."""
    parser = _parse_tbx if fmt == "tbx" else _parse_delimited
    entries, problems = parser(name, text)
    if any(p.fatal for p in problems):
        return [], problems
    problems = sorted(problems + _duplicate_problems(entries), key=_line_of)
    if not entries:
        problems.append(GlossaryProblem(name, "no usable glossary entry", True))
    return entries, problems


def _fatal_message(fatal: GlossaryProblem, problems: list[GlossaryProblem]) -> str:
    """One line for InputError: the fatal problem, plus the first warning when it explains it."""
    message = f"{fatal.origin}: {fatal.message}"
    warning = next((p for p in problems if not p.fatal), None)
    if warning is not None:
        message += f" (first problem: {warning.origin}: {warning.message})"
    return message


def _without_prefix(message: str, name: str) -> str:
    """Drop a leading "FILE: " from an InputError message."""
    prefix = f"{name}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _line_of(problem: GlossaryProblem) -> int:
    """The line number in a problem's origin, 0 when it has none."""
    tail = problem.origin.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _origin_line(origin: str) -> str:
    """ "line N" for an origin "FILE:N" (the origin itself when it has no line)."""
    tail = origin.rsplit(":", 1)[-1]
    return f"line {tail}" if tail.isdigit() else origin


# ---------------------------------------------------------------- shared entry building


def _clean(value: str) -> str:
    """Strip and collapse runs of whitespace (including full-width and no-break spaces)."""
    return " ".join(value.split())


def split_values(cell: str) -> list[str]:
    """Split a multi-value cell on | or ; and drop empty and repeated values."""
    values = (_clean(part) for part in _MULTI_SEP.split(cell))
    return list(dict.fromkeys(v for v in values if v))


def _kind(text: str) -> str | None:
    """Normalise a kind label; None when it isn't a known kind."""
    label = _clean(text).lower()
    label = _KIND_SYNONYMS.get(label, label)
    return label if label in KINDS else None


def _has_han(text: str) -> bool:
    """True when ``text`` holds at least one Chinese character."""
    return _HAN.search(text) is not None


def _make_entry(
    zh: list[str], en: list[str], aliases: list[str], note: str, kind: str, origin: str
) -> GlossaryEntry:
    """Build an entry: the first English form is ``en``, the others become aliases."""
    extra = [a for a in dict.fromkeys(en[1:] + aliases) if a != en[0]]
    return GlossaryEntry(tuple(zh), en[0], tuple(extra), note, kind, origin)


def _chinese_forms(
    zh: list[str], origin: str, where: str
) -> tuple[list[str], list[GlossaryProblem]]:
    """Keep the forms that contain Chinese; warn about the others."""
    han = [form for form in zh if _has_han(form)]
    problems = [
        GlossaryProblem(origin, f"'{form}' in the {where} has no Chinese; form ignored", False)
        for form in zh
        if form not in han
    ]
    return han, problems


def _duplicate_problems(entries: list[GlossaryEntry]) -> list[GlossaryProblem]:
    """Warn when a Chinese form appears in two entries (the later one wins)."""
    seen: dict[str, GlossaryEntry] = {}
    problems: list[GlossaryProblem] = []
    for entry in entries:
        earlier = [seen[form] for form in entry.zh if form in seen]
        for prev in dict.fromkeys(earlier):
            problems.append(_duplicate_problem(prev, entry))
        seen.update(dict.fromkeys(entry.zh, entry))
    return problems


def _duplicate_problem(prev: GlossaryEntry, entry: GlossaryEntry) -> GlossaryProblem:
    """The warning for ``entry`` repeating a Chinese form of the earlier ``prev``."""
    form = next(f for f in entry.zh if f in prev.zh)
    where = _origin_line(prev.origin)
    if prev.en == entry.en:
        message = f"'{form}' repeats the entry at {where}"
    else:
        message = (
            f"'{form}' is mapped to '{entry.en}' here but to '{prev.en}' at {where}; "
            "this later entry wins"
        )
    return GlossaryProblem(entry.origin, message, False)


# ---------------------------------------------------------------- CSV and TSV


@dataclass(frozen=True)
class _Row:
    """One data row of a delimited glossary, its cells named by column."""

    line: int
    cells: dict[str, str]


def _parse_delimited(name: str, text: str) -> tuple[list[GlossaryEntry], list[GlossaryProblem]]:
    """Parse a CSV or TSV glossary."""
    rows, problems = _named_rows(name, text)
    swapped = _swapped_problem(name, rows)
    if swapped is not None:
        return [], [swapped]
    entries: list[GlossaryEntry] = []
    for row in rows:
        entry, row_problems = _row_entry(row, f"{name}:{row.line}")
        problems += row_problems
        if entry is not None:
            entries.append(entry)
    return entries, problems


def _physical_lines(text: str) -> list[str]:
    """Split into lines (ends kept), with comment lines blanked so line numbers stay right."""
    lines = list(io.StringIO(text, newline=""))
    return ["\n" if line.lstrip().startswith("#") else line for line in lines]


def _delimiter(lines: list[str]) -> str:
    """Tab if the first non-blank line has one; else comma, or semicolon if that's all it has."""
    first = next((line for line in lines if line.strip()), "")
    if "\t" in first:
        return "\t"
    return ";" if ";" in first and "," not in first else ","


def _raw_rows(text: str) -> list[tuple[int, list[str]]]:
    """``(first line number, cells)`` for every non-blank record."""
    lines = _physical_lines(text)
    delimiter = _delimiter(lines)
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    reader = csv.reader(lines, delimiter=delimiter, quoting=quoting, skipinitialspace=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    for cells in reader:
        values = [_unquote(cell) if delimiter == "\t" else cell for cell in cells]
        if any(v.strip() for v in values):
            rows.append((start, values))
        start = reader.line_num + 1
    return rows


def _unquote(cell: str) -> str:
    """Undo spreadsheet-style quoting of a whole TSV cell: a doubled quote inside is one."""
    cell = cell.strip()
    if len(cell) >= 2 and cell[0] == cell[-1] == '"':
        return cell[1:-1].replace('""', '"')
    return cell


def _named_rows(name: str, text: str) -> tuple[list[_Row], list[GlossaryProblem]]:
    """Rows with cells named by the header row, or by the default column order."""
    raw = _raw_rows(text)
    problems: list[GlossaryProblem] = []
    columns = dict(enumerate(_COLUMNS))
    if raw:
        header = _header_columns(raw[0][1])
        if header is not None:
            line, cells = raw.pop(0)
            columns = header
            problems = _unknown_column_problems(f"{name}:{line}", cells, header)
    rows = [_Row(line, _cells_by_name(cells, columns)) for line, cells in raw]
    return rows, problems


def _header_columns(cells: list[str]) -> dict[int, str] | None:
    """Column index → field for a header row (it names both zh and en), else None."""
    columns: dict[int, str] = {}
    for index, cell in enumerate(cells):
        field = _HEADER_WORDS.get(_clean(cell).casefold())
        if field is not None and field not in columns.values():
            columns[index] = field
    if "zh" in columns.values() and "en" in columns.values():
        return columns
    return None


def _unknown_column_problems(
    origin: str, cells: list[str], columns: dict[int, str]
) -> list[GlossaryProblem]:
    """Warn about header cells that name no known column."""
    return [
        GlossaryProblem(origin, f"unknown column '{_clean(cell)}' ignored", False)
        for index, cell in enumerate(cells)
        if index not in columns and cell.strip()
    ]


def _cells_by_name(cells: list[str], columns: dict[int, str]) -> dict[str, str]:
    """Name a row's cells; missing cells are empty strings."""
    named = dict.fromkeys(_COLUMNS, "")
    for index, field in columns.items():
        if index < len(cells):
            named[field] = cells[index].strip()
    return named


def _swapped_problem(name: str, rows: list[_Row]) -> GlossaryProblem | None:
    """A fatal problem when most rows have Latin in zh and Chinese in en."""
    full = [row for row in rows if row.cells["zh"] and row.cells["en"]]
    swapped = [row for row in full if _looks_swapped(row)]
    if not full or len(swapped) * 2 <= len(full):
        return None
    message = (
        f"columns look swapped: {len(swapped)} of {len(full)} rows have English in the zh "
        "column and Chinese in the en column"
    )
    return GlossaryProblem(name, message, True)


def _looks_swapped(row: _Row) -> bool:
    """True when the zh cell is Latin without Chinese and the en cell has Chinese."""
    zh, en = row.cells["zh"], row.cells["en"]
    return not _has_han(zh) and _LATIN.search(zh) is not None and _has_han(en)


def _row_entry(row: _Row, origin: str) -> tuple[GlossaryEntry | None, list[GlossaryProblem]]:
    """Turn one row into an entry, or explain why it is skipped."""
    cells = row.cells
    zh, en = split_values(cells["zh"]), split_values(cells["en"])
    missing = [
        label for label, values in (("Chinese (zh)", zh), ("English (en)", en)) if not values
    ]
    if missing:
        message = f"no {' or '.join(missing)} value; line skipped"
        return None, [GlossaryProblem(origin, message, False)]
    if not any(_has_han(form) for form in zh):
        message = f"no Chinese in the zh column ('{cells['zh']}'); line skipped"
        return None, [GlossaryProblem(origin, message, False)]
    zh, problems = _chinese_forms(zh, origin, "zh column")
    kind = _kind(cells["kind"]) if cells["kind"] else "term"
    if kind is None:
        message = f"unknown kind '{cells['kind']}' (expected {', '.join(KINDS)}); using term"
        problems.append(GlossaryProblem(origin, message, False))
    entry = _make_entry(
        zh, en, split_values(cells["aliases"]), _clean(cells["note"]), kind or "term", origin
    )
    return entry, problems


# ---------------------------------------------------------------- TBX


class _LineTarget:
    """A TreeBuilder wrapper that records the line each element starts on."""

    def __init__(self) -> None:
        self._builder = TreeBuilder()
        self.lines: dict[int, int] = {}
        self.locate: Callable[[], int] | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        """Open an element and note its line."""
        element = self._builder.start(tag, attrs)
        if self.locate is not None:
            self.lines[id(element)] = self.locate()
        return element

    def end(self, tag: str) -> Element:
        """Close an element."""
        return self._builder.end(tag)

    def data(self, data: str) -> None:
        """Add character data."""
        self._builder.data(data)

    def close(self) -> Element:
        """Return the root element."""
        return self._builder.close()


def _xml_tree(name: str, text: str) -> tuple[Element | None, dict[int, int], list[GlossaryProblem]]:
    """Parse XML safely: ``(root, element lines, [])`` or ``(None, {}, [fatal problem])``."""
    target = _LineTarget()
    parser = DefusedXMLParser(target=target)
    expat = getattr(parser, "parser", None)
    if expat is not None:
        target.locate = lambda: expat.CurrentLineNumber
    try:
        parser.feed(text)
        root = parser.close()
    except ParseError as exc:
        return None, {}, [_parse_error_problem(name, exc)]
    except DefusedXmlException as exc:
        line = target.locate() if target.locate is not None else 0
        return None, {}, [_unsafe_xml_problem(name, line, exc)]
    return root, target.lines, []


def _parse_error_problem(name: str, exc: ParseError) -> GlossaryProblem:
    """A fatal problem for malformed XML, with the parser's line and column."""
    line, column = getattr(exc, "position", (0, 0))
    reason = str(exc).split(":", 1)[0]
    origin = f"{name}:{line}" if line else name
    return GlossaryProblem(origin, f"malformed XML: {reason} (line {line}, column {column})", True)


def _unsafe_xml_problem(name: str, line: int, exc: DefusedXmlException) -> GlossaryProblem:
    """A fatal problem for XML that uses entities or external references."""
    if isinstance(exc, EntitiesForbidden):
        what = "declares XML entities"
    elif isinstance(exc, ExternalReferenceForbidden):
        what = "refers to an external resource"
    else:
        what = "uses an XML feature that is not allowed"
    origin = f"{name}:{line}" if line else name
    return GlossaryProblem(origin, f"rejected for safety: the file {what}", True)


def _local(tag: str) -> str:
    """An element or attribute name without its namespace."""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _parse_tbx(name: str, text: str) -> tuple[list[GlossaryEntry], list[GlossaryProblem]]:
    """Parse a TBX v2 or v3 glossary."""
    root, lines, problems = _xml_tree(name, text)
    if root is None:
        return [], problems
    if _local(root.tag) not in _TBX_ROOTS:
        message = f"{_NOT_A_GLOSSARY}: XML root element is <{_local(root.tag)}>"
        return [], [GlossaryProblem(name, message, True)]
    entries: list[GlossaryEntry] = []
    for element in root.iter():
        if _local(element.tag) in _TBX_ENTRIES:
            line = lines.get(id(element))
            entry, entry_problems = _tbx_entry(element, f"{name}:{line}" if line else name)
            problems += entry_problems
            if entry is not None:
                entries.append(entry)
    return entries, problems


def _tbx_entry(element: Element, origin: str) -> tuple[GlossaryEntry | None, list[GlossaryProblem]]:
    """Turn one termEntry/conceptEntry into an entry, or explain why it is skipped."""
    zh, en = _tbx_terms(element)
    missing = [label for label, terms in (("Chinese", zh), ("English", en)) if not terms]
    if missing:
        message = f"entry has no {' or '.join(missing)} term; skipped"
        return None, [GlossaryProblem(origin, message, False)]
    if not any(_has_han(form) for form in zh):
        message = f"no Chinese in the zh terms ('{zh[0]}'); skipped"
        return None, [GlossaryProblem(origin, message, False)]
    zh, problems = _chinese_forms(zh, origin, "Chinese terms")
    return _make_entry(zh, en, [], _tbx_note(element), _tbx_kind(element), origin), problems


def _tbx_terms(element: Element) -> tuple[list[str], list[str]]:
    """Chinese terms (Simplified sections first) and English terms, in document order."""
    zh: list[tuple[int, str]] = []
    en: list[str] = []
    for section in element.iter():
        if _local(section.tag) not in _TBX_LANG_SECTIONS:
            continue
        subtags = _lang(section).split("-")
        terms = _terms(section)
        if subtags[0] == "zh":
            rank = 1 if _TRADITIONAL_TAGS.intersection(subtags[1:]) else 0
            zh += [(rank, term) for term in terms]
        elif subtags[0] == "en":
            en += terms
    zh_forms = [term for _, term in sorted(zh, key=lambda pair: pair[0])]
    return list(dict.fromkeys(zh_forms)), list(dict.fromkeys(en))


def _lang(element: Element) -> str:
    """The element's xml:lang (or lang), lower-cased with "-" separators."""
    for key, value in element.attrib.items():
        if _local(key) == "lang":
            return value.strip().lower().replace("_", "-")
    return ""


def _terms(section: Element) -> list[str]:
    """The non-empty ``term`` texts inside a language section."""
    texts = (_clean("".join(t.itertext())) for t in section.iter() if _local(t.tag) == "term")
    return [text for text in texts if text]


def _tbx_note(element: Element) -> str:
    """The first descrip (other than a subject field) or note text of an entry."""
    for child in element.iter():
        if _local(child.tag) not in ("descrip", "note"):
            continue
        if child.get("type") == "subjectField":
            continue
        text = _clean("".join(child.itertext()))
        if text:
            return text
    return ""


def _tbx_kind(element: Element) -> str:
    """The kind named by a termType termNote or subjectField descrip, else "term"."""
    for child in element.iter():
        wanted = {"termNote": "termType", "descrip": "subjectField"}.get(_local(child.tag))
        if wanted is not None and child.get("type") == wanted:
            kind = _kind("".join(child.itertext()))
            if kind is not None:
                return kind
    return "term"
