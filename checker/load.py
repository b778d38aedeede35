"""Load stage: read a text file, work out its encoding and language, and build a Document.

Supported encodings: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, UTF-16
without a BOM when its NUL pattern makes it obvious, and GB18030 (a superset of GBK and
GB2312). Line endings are never touched: the bytes are decoded as they are, so offsets
computed later match the file.
"""

from __future__ import annotations

import codecs
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from checker.model import LANGUAGE_NAMES, Document, InputError, Suppression

# ---------------------------------------------------------------- character classes

# CJK ideographs: unified block, extension A, compatibility ideographs, extensions B+.
_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK = re.compile(f"[{_CJK_CLASS}]")
_LATIN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_LATIN_WORD = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+")
_KANA = re.compile("[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
# Other alphabets that rule out both languages: Greek, Cyrillic, Armenian, Hebrew, Arabic,
# Indic scripts, Thai.
_OTHER = re.compile("[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u06ff\u0900-\u0e7f]")

# Control characters other than ordinary whitespace (tab, newline, CR, form feed, VT).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
# Characters a GB18030 decode of real Chinese text should not contain many of: box drawing,
# block elements, private use, and anything outside the Basic Multilingual Plane.
_UNUSUAL = re.compile("[\u2500-\u259f\ue000-\uf8ff\U00010000-\U0010ffff]")
# Punctuation that GBK text often uses but the GB2312 table lacks (— · • € ‧ etc.).
_GBK_PUNCT = frozenset("\u2014\u2015\u00b7\u2022\u20ac\u2027\u2013\u2025\u2035\u301d\u301e")

# About the 100 most frequent Chinese characters: real Chinese text is about a quarter these;
# EUC-KR Korean read as GB18030 (valid GB2312 codes, but nonsense) has almost none.
_COMMON_HANZI = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下"
    "自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其"
    "些主样理心她本前开但因只从想实日军者"
)
_CJK_BASIC = re.compile("[\u4e00-\u9fff]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_ZH_SHARE = 0.25  # CJK share (English words weighted) from which a text counts as Chinese
_WORD_WEIGHT = 2  # an English word counts as this many ideographs in the Chinese test
_EN_SHARE = 0.6  # Latin share from which a text counts as English
_CONTROL_SHARE = 0.02  # share of control characters from which a file counts as binary
_GB_GOOD_SHARE = 0.8  # share of ordinary characters a plausible GB18030 decode must reach
_GB_COMMON_SHARE = 0.05  # share of very common hanzi a plausible GB18030 decode must reach

_HEADER_WORDS = frozenset({"source", "target", "src", "tgt", "zh", "en", "chinese", "english"})


# ---------------------------------------------------------------- reading bytes


def read_text(path: str | Path) -> tuple[str, str]:
    """Read ``path`` and return ``(text, encoding)``; raise InputError for anything not text."""
    return decode_text(_read_bytes(Path(path)), str(path))


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a file's bytes (read elsewhere, e.g. by a batch run) into ``(text, encoding)``;
    raise InputError, naming the file ``name``, for anything not text."""
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    text, encoding = _decode(data, name)
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    if _looks_binary(text):
        raise InputError(f"{name}: looks like a binary file, not text")
    return text, encoding


def _read_bytes(path: Path) -> bytes:
    """Return the file's bytes, turning every file-system problem into an InputError."""
    if not path.exists():
        raise InputError(f"no such file: {path}")
    if path.is_dir():
        raise InputError(f"{path} is a directory, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return data


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` by BOM, then UTF-16 by NUL pattern, then UTF-8, then GB18030."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding.replace("-sig", ""), name), encoding
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise InputError(f"{name}: looks like a binary file, not text")
        return _strict(data, encoding, name), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is None or not _plausible_gb18030(text):
        raise InputError(f"{name}: cannot decode: not UTF-8, UTF-16 or GB18030 (GBK) text")
    return text, "gb18030"


def _strict(data: bytes, encoding: str, name: str) -> str:
    """Decode strictly; an error means the file lies about its encoding."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: invalid {encoding} text at byte {exc.start}") from exc


def _bomless_utf16(data: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" for BOM-less UTF-16 of mostly ASCII text, else None.

    Such text has a NUL as the high byte of most characters, all on one byte parity.
    """
    if len(data) % 2:
        return None
    half = len(data) // 2
    even_nul = data[0::2].count(0)
    odd_nul = data[1::2].count(0)
    if odd_nul >= 0.6 * half and even_nul <= 0.01 * half:
        return "utf-16-le"
    if even_nul >= 0.6 * half and odd_nul <= 0.01 * half:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    """True when the decoded text still holds NULs or a high share of control characters."""
    if "\x00" in text:
        return True
    controls = len(_CONTROL.findall(text))
    return controls >= 3 and controls > _CONTROL_SHARE * len(text)


def _plausible_gb18030(text: str) -> bool:
    """True when a GB18030 decode looks like real Chinese rather than mis-decoded bytes.

    GB18030 decodes almost any byte sequence, so a Latin-1 file comes out as rare hanzi
    (crème → cr鑝e). Real GBK text uses mostly GB2312 characters; most of the non-ASCII
    characters must therefore be GB2312 (or common GBK punctuation), few may come from
    unusual ranges, and a longer text must use some of the most common hanzi (EUC-KR
    Korean decodes to valid but rare GB2312 characters).
    """
    non_ascii = _NON_ASCII.findall(text)
    if not non_ascii:
        return True
    counts = Counter(non_ascii)  # check each distinct character once
    good = sum(n for ch, n in counts.items() if _is_common_gb_char(ch))
    unusual = len(_UNUSUAL.findall(text))
    if good < _GB_GOOD_SHARE * len(non_ascii) or unusual > 0.05 * len(non_ascii):
        return False
    hanzi = _CJK_BASIC.findall(text)
    common = sum(1 for ch in hanzi if ch in _COMMON_HANZI)
    return len(hanzi) < 20 or common >= _GB_COMMON_SHARE * len(hanzi)


def _is_common_gb_char(ch: str) -> bool:
    """True for characters in GB2312 (minus box drawing) or common GBK punctuation."""
    if ch in _GBK_PUNCT:
        return True
    if _UNUSUAL.match(ch):
        return False
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


# ---------------------------------------------------------------- language


def detect_language(text: str) -> str | None:
    """Return "zh", "en", or None when the text is neither (or has no letters at all).

    Chinese text with embedded English (NVIDIA, H20) is still "zh": for the Chinese test an
    English word counts as two ideographs (a word carries about what two hanzi do), and a
    quarter of ideographs is enough. "en" needs Latin letters to dominate; kana, hangul,
    Cyrillic and the like make the text neither.
    """
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    kana = len(_KANA.findall(text))
    hangul = len(_HANGUL.findall(text))
    other = len(_OTHER.findall(text))
    if kana > 0.1 * (cjk + kana) or hangul > 0.1 * (cjk + hangul):
        return None
    foreign = kana + hangul + other
    latin_weight = _WORD_WEIGHT * len(_LATIN_WORD.findall(text)) if latin else 0
    if cjk and cjk >= _ZH_SHARE * (cjk + latin_weight + foreign):
        return "zh"
    if latin and latin >= _EN_SHARE * (cjk + latin + foreign):
        return "en"
    return None


# ---------------------------------------------------------------- documents


def load_document(path: str | Path) -> Document:
    """Read ``path`` into a Document; InputError unless it is Chinese or English."""
    return document_from_bytes(_read_bytes(Path(path)), str(path))


def document_from_bytes(data: bytes, name: str) -> Document:
    """A file's bytes as a Document named ``name``; InputError unless Chinese or English.

    The file's format follows its extension (see ``file_format``): the text of a .docx or
    .html file is extracted first, and the Document holds that text.
    """
    extracted = extract_text(data, name)
    lang = detect_language(extracted.text)
    if lang is None:
        raise InputError(f"{name}: cannot tell whether this is Chinese or English")
    return Document(text=extracted.text, lang=lang, path=name, encoding=extracted.encoding,
                    format=extracted.format, suppressions=extracted.suppressions)


# ---------------------------------------------------------------- formats

_FORMATS = {
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
}


def file_format(name: str | Path) -> str:
    """text, markdown, html or docx, by the file's extension (anything unknown is text)."""
    return _FORMATS.get(Path(name).suffix.lower(), "text")


@dataclass(frozen=True)
class ExtractedText:
    """The text the pipeline checks, as read from a file of some format."""

    text: str
    encoding: str
    format: str
    suppressions: tuple[Suppression, ...] = ()


def extract_text(data: bytes, name: str) -> ExtractedText:
    """The text of a file's bytes: decoded plain text or Markdown (comments blanked out,
    offsets kept), the visible text of an HTML page, the body of a Word document; with the
    suppressions its ``<!-- checker: ignore … -->`` comments make. InputError for a file
    that cannot be read as its extension says."""
    kind = file_format(name)
    if kind == "docx":
        from checker.formats.docx import extract_docx

        if not data:
            raise InputError(f"{name}: file is empty")
        return ExtractedText(extract_docx(data, name), "utf-8", kind)
    if kind == "html":
        from checker.formats.html import extract_html

        text, encoding = _decode_html(data, name)
        visible, suppressions = extract_html(text, name)
        if not visible.strip():
            raise InputError(f"{name}: no visible text in this HTML file")
        return ExtractedText(visible, encoding, kind, suppressions)
    from checker.formats.comments import blank_comments

    text, encoding = decode_text(data, name)
    text, suppressions = blank_comments(text, name, markdown=kind == "markdown")
    return ExtractedText(text, encoding, kind, suppressions)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""",
                           re.IGNORECASE)
# what browsers read these labels as
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252", "gb2312": "gb18030",
                    "gbk": "gb18030", "x-gbk": "gb18030"}


def _decode_html(data: bytes, name: str) -> tuple[str, str]:
    """Decode an HTML file: a BOM or valid UTF-8 wins (as for text), then the charset its
    <meta> declares (windows-1252 and the like, which cannot be guessed), then GB18030."""
    declared = _META_CHARSET.search(data[:4096])
    if declared is None or b"\x00" in data or data.startswith(tuple(b for b, _ in _BOMS)):
        return decode_text(data, name)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return decode_text(data, name)
    label = declared[1].decode("ascii").lower()
    charset = _CHARSET_ALIASES.get(label, label)
    try:
        text = data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        raise InputError(f"{name}: cannot decode as its declared charset {label}") from None
    if _looks_binary(text):
        raise InputError(f"{name}: looks like a binary file, not text")
    return text, charset


def load_pair(first: str | Path, second: str | Path) -> tuple[Document, Document]:
    """Load a source and a target file, in the order given; they must differ in language."""
    source = load_document(first)
    target = load_document(second)
    if _same_file(Path(first), Path(second)):
        raise InputError(f"the same file was given twice: {first}")
    require_both_languages(source, target)
    return source, target


def require_both_languages(source: Document, target: Document) -> None:
    """InputError unless one document is Chinese and the other English."""
    if source.lang == target.lang:
        name = LANGUAGE_NAMES[source.lang]
        raise InputError(f"both files are {name}: need one Chinese and one English file")


def _same_file(first: Path, second: Path) -> bool:
    """True when both paths name the same file (same resolved path or same inode)."""
    try:
        return first.resolve() == second.resolve() or os.path.samefile(first, second)
    except OSError:
        return False


# ---------------------------------------------------------------- bilingual TSV


@dataclass(frozen=True)
class BilingualFile:
    """A pre-aligned TSV file: both sides as Documents plus each cell's span in its text.

    ``source_cells[i]`` and ``target_cells[i]`` are the (start, end) offsets, end
    exclusive, of pair i in ``source.text`` and ``target.text``; both lists have the
    same length.
    """

    source: Document
    target: Document
    source_cells: list[tuple[int, int]]
    target_cells: list[tuple[int, int]]


def is_bilingual_file(path: str | Path) -> bool:
    """True when ``path`` should be read as a bilingual file: .tsv, or a TMX memory."""
    return Path(path).suffix.lower() in (".tsv", ".tmx")


def is_tmx(path: str | Path) -> bool:
    return Path(path).suffix.lower() == ".tmx"


def load_bilingual_file(path: str | Path) -> BilingualFile:
    """Load a ``source<TAB>target`` file, one pair per line (blank lines and a header
    skipped), or a TMX translation memory."""
    text, encoding = read_text(path)
    pairs = parse_tmx(text, str(path)) if is_tmx(path) else parse_tsv(text, str(path))
    return bilingual_from_pairs(pairs, str(path), encoding)


def parse_tmx(text: str, name: str) -> list[tuple[str, str]]:
    """The (source, target) segments of a TMX file's translation units, one Chinese and one
    English variant each; the header's source language comes first. Parsed with defusedxml:
    a file that declares entities is refused."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(text.lstrip("\ufeff"))
    except DefusedXmlException:
        raise InputError(f"{name}: refused: the TMX file declares XML entities") from None
    except Exception as error:  # ElementTree's ParseError: the position is in the message
        raise InputError(f"{name}: not valid TMX ({error})") from None
    header = root.find("header")
    source_lang = (header.get("srclang", "") if header is not None else "").lower()
    first = "en" if source_lang.startswith("en") else "zh"
    pairs = []
    for unit in root.iter("tu"):
        segments = {}
        for variant in unit.iter("tuv"):
            lang = (variant.get(_XML_LANG) or variant.get("lang") or "").lower()[:2]
            segment = variant.find("seg")
            if lang in ("zh", "en") and segment is not None:
                segments.setdefault(lang, " ".join("".join(segment.itertext()).split()))
        if segments.get("zh") and segments.get("en"):
            second = "zh" if first == "en" else "en"
            pairs.append((segments[first], segments[second]))
    if not pairs:
        raise InputError(f"{name}: no translation unit with a Chinese and an English segment")
    return pairs


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def bilingual_from_pairs(
    pairs: list[tuple[str, str]], path: str | None = None, encoding: str = "utf-8"
) -> BilingualFile:
    """Pre-aligned (source, target) sentence pairs as two Documents, one pair per line."""
    name = path or "input"
    source, source_cells = _side_document([p[0] for p in pairs], name, encoding, "source")
    target, target_cells = _side_document([p[1] for p in pairs], name, encoding, "target")
    if source.lang == target.lang:
        language = LANGUAGE_NAMES[source.lang]
        raise InputError(f"{name}: both columns are {language}: need one Chinese and one English")
    return BilingualFile(source, target, source_cells, target_cells)


def parse_tsv(text: str, name: str, first_line: int = 1, header: bool = True
              ) -> list[tuple[str, str]]:
    """Split TSV text into (source, target) cell pairs, validating every line.

    ``first_line`` numbers the lines in messages (a chunk of a larger file starts further
    down); ``header=False`` reads even a first line like ``source<TAB>target`` as data.
    """
    pairs: list[tuple[str, str]] = []
    seen_content = not header
    for number, line in enumerate(text.split("\n"), start=first_line):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not seen_content and is_tsv_header(cells):
            seen_content = True
            continue
        seen_content = True
        if len(cells) != 2:
            problem = "no tab" if len(cells) == 1 else f"{len(cells)} columns"
            raise InputError(f"{name}: line {number}: expected source<TAB>target, found {problem}")
        if not cells[0] or not cells[1]:
            side = "source" if not cells[0] else "target"
            raise InputError(f"{name}: line {number}: the {side} cell is empty")
        pairs.append((cells[0], cells[1]))
    if not pairs:
        raise InputError(f"{name}: no source<TAB>target lines found")
    return pairs


def is_tsv_header(cells: list[str]) -> bool:
    """True for a header line such as ``source<TAB>target`` or ``zh<TAB>en``."""
    return len(cells) == 2 and all(cell.lower() in _HEADER_WORDS for cell in cells)


def _side_document(
    cells: list[str], path: str | Path, encoding: str, side: str
) -> tuple[Document, list[tuple[int, int]]]:
    """Join one column's cells with newlines into a Document and record each cell's span."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for cell in cells:
        spans.append((offset, offset + len(cell)))
        offset += len(cell) + 1
    joined = "\n".join(cells)
    lang = detect_language(joined)
    if lang is None:
        raise InputError(f"{path}: cannot tell whether the {side} column is Chinese or English")
    return Document(text=joined, lang=lang, path=str(path), encoding=encoding), spans
