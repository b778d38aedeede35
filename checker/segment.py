"""Segment stage: split a Document into sentences, each a span of the document's text.

Every line is a paragraph (these news files put one paragraph per line). Within a line,
Chinese splits after 。！？；!? (and after an ellipsis that is followed by a new sentence),
English after . ! ? followed by whitespace and a sentence start, with the usual exceptions
for abbreviations, initials and decimals. Closing quotes and brackets after a terminator
stay with its sentence. Leading Markdown markers (``#``, ``-``, ``*``, ``>``, ``1.``) are
left out of the first sentence of a line; lines without any letter or digit (``---``) give
no sentence.

A line follows its own script when that differs from ``doc.lang``: a line without any
ideograph uses the English rules (an English caption inside a Chinese article), and in an
English document a line that detect_language calls Chinese uses the Chinese rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from checker.load import detect_language
from checker.model import Document, Sentence

# ---------------------------------------------------------------- shared patterns

_LINE = re.compile("[^\r\n\u2028\u2029\x0b\x0c\x85]+")
_MARKERS = re.compile(r"[ \t\u3000]*(?:(?:#{1,6}|[-*+•]|\d{1,3}[.)])[ \t\u3000]+|>[ \t\u3000]*)*")
_HAS_WORD = re.compile(r"[^\W_]")
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

# Closers that stay with the sentence before them. Straight quotes are closers only when a
# quotation is open (double) or when followed by a space or the end (single).
_CLOSERS = frozenset("”’」』）)》】]}〉»")
_OPENERS = frozenset("“‘「『（(《【[{〈«\"'")

# ---------------------------------------------------------------- Chinese

_ZH_TERM = re.compile(r"(?:[。！？；!?…]|\.{3,})+")
_ZH_HARD = frozenset("。！？；!?")
# After a terminator and its closers, these continue the sentence rather than start one.
_ZH_NO_START = frozenset("，,、：:；;。.！!？?…") | _CLOSERS

# ---------------------------------------------------------------- English

_EN_TERM = re.compile(r"(?:\.{3,}|…+|[.!?]+)")
_TOKEN_BEFORE = re.compile(r"([A-Za-z0-9](?:[A-Za-z0-9'’.&-]*[A-Za-z0-9])?)$")
_WORD_AFTER = re.compile(r"[A-Za-z]+")
_SENTENCE_START_CHARS = frozenset("“‘\"'([{$£€¥#@*")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.)+[A-Z]")

# Abbreviations that are always followed by more of the same sentence.
_PREFIX_ABBREVIATIONS = frozenset(
    {
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Mt", "Ft", "Gen", "Gov", "Sen", "Rep",
        "Sgt", "Capt", "Col", "Lt", "Maj", "Cmdr", "Adm", "Rev", "Hon", "Fr", "Pres", "Supt",
        "vs", "v", "e.g", "i.e", "cf", "viz", "al", "approx", "ca", "Messrs",
    }
)  # fmt: skip
# Abbreviations that precede a number (No. 5, Sept. 26, c. 1600 BC) and otherwise behave like
# the ambiguous class below.
_NUMBER_ABBREVIATIONS = frozenset(
    {
        "No", "Nos", "no", "Vol", "vol", "Art", "art", "Fig", "fig", "pp", "p", "Ch", "ch",
        "Sec", "sec", "Para", "para", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Oct", "Nov", "Dec", "c",
    }
)  # fmt: skip
# Abbreviations that often sit inside a sentence before a capitalised word (U.S. Treasury,
# Apple Inc. CEO) but can also end one: split only before a typical sentence opener.
_AMBIGUOUS_ABBREVIATIONS = frozenset(
    {"Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd"}
)
_SENTENCE_OPENERS = frozenset(
    {
        "a", "an", "the", "this", "that", "these", "those", "there", "then", "thus", "it",
        "its", "he", "she", "his", "her", "we", "our", "they", "their", "i", "in", "on", "at",
        "as", "by", "for", "from", "to", "with", "after", "before", "but", "and", "or", "so",
        "yet", "however", "meanwhile", "also", "still", "since", "while", "when", "where",
        "what", "why", "how", "who", "if", "although", "though", "despite", "according",
        "during", "earlier", "later", "last", "next", "some", "many", "most", "all", "both",
        "each", "one", "two", "three", "no", "not",
    }
)  # fmt: skip


# ---------------------------------------------------------------- public API


def segment(doc: Document) -> list[Sentence]:
    """Split ``doc`` into sentences; offsets are indices into ``doc.text``, end exclusive."""
    sentences: list[Sentence] = []
    paragraph = 0
    for line in _LINE.finditer(doc.text):
        start = _MARKERS.match(doc.text, line.start(), line.end()).end()
        content = doc.text[start : line.end()]
        if not _HAS_WORD.search(content):
            continue
        lang = _line_language(content, doc.lang)
        splitter = _zh_breaks if lang == "zh" else _en_breaks
        cuts = [0, *splitter(content), len(content)]
        for left, right in zip(cuts, cuts[1:], strict=False):
            span = _trim(content, left, right)
            if span is None:
                continue
            s, e = start + span[0], start + span[1]
            sentences.append(Sentence(len(sentences), s, e, doc.text[s:e], paragraph))
        paragraph += 1
    return sentences


def segment_lines(doc: Document, cells: list[tuple[int, int]]) -> list[Sentence]:
    """One Sentence per (start, end) cell of ``doc.text``, trimmed; paragraph = index.

    A cell that is only whitespace gives an empty sentence at its start, so that sentence
    i always belongs to cell i. A cell outside the text is a ValueError (a caller's bug).
    """
    sentences = []
    for index, (start, end) in enumerate(cells):
        if not 0 <= start <= end <= len(doc.text):
            raise ValueError(f"cell {index} ({start}, {end}) is outside the text")
        span = _trim(doc.text, start, end) or (start, start)
        s, e = span
        sentences.append(Sentence(index, s, e, doc.text[s:e], index))
    return sentences


# ---------------------------------------------------------------- helpers


def _line_language(content: str, default: str) -> str:
    """The line's own language when it is clearly zh or en, else the document's.

    A line without any ideograph is English; otherwise detect_language decides (only
    needed in English documents, so that most lines cost one regex search).
    """
    if not _CJK.search(content):
        return "en"
    if default == "zh":
        return "zh"
    return detect_language(content) or default


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink [start, end) to exclude surrounding whitespace; None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


class _Quotes:
    """Answers "is a quotation open at position i?" for one line, using bisect."""

    def __init__(self, line: str) -> None:
        self.straight = _positions(line, '"')
        self.opening = _positions(line, "“")
        self.closing = _positions(line, "”")

    def open_at(self, pos: int) -> bool:
        """True when the text before ``pos`` leaves a quotation open."""
        if bisect_left(self.straight, pos) % 2:
            return True
        return bisect_left(self.opening, pos) > bisect_left(self.closing, pos)

    def straight_open_at(self, pos: int) -> bool:
        """True when an odd number of straight double quotes precede ``pos``."""
        return bisect_left(self.straight, pos) % 2 == 1


def _positions(line: str, ch: str) -> list[int]:
    """All indices of ``ch`` in ``line`` (str.find runs in C, so this is cheap)."""
    found = []
    pos = line.find(ch)
    while pos >= 0:
        found.append(pos)
        pos = line.find(ch, pos + 1)
    return found


def _skip_closers(line: str, pos: int, quotes: _Quotes) -> int:
    """Return the position after the closing quotes/brackets that follow ``pos``."""
    n = len(line)
    while pos < n:
        if not _is_closer(line, pos, quotes):
            break
        pos += 1
    return pos


def _is_closer(line: str, pos: int, quotes: _Quotes) -> bool:
    """True when the character at ``pos`` closes a quotation or bracket."""
    ch = line[pos]
    if ch in _CLOSERS:
        return True
    if ch not in "\"'":
        return False
    after = line[pos + 1 : pos + 2]
    if not after or after.isspace() or after in _CLOSERS:
        return True  # an opening quote is never followed by a space
    return ch == '"' and quotes.straight_open_at(pos)


def _skip_space(line: str, pos: int) -> int:
    """Return the first non-whitespace position at or after ``pos``."""
    n = len(line)
    while pos < n and line[pos].isspace():
        pos += 1
    return pos


# ---------------------------------------------------------------- Chinese rules


def _zh_breaks(line: str) -> Iterator[int]:
    """Yield the positions in a Chinese line where a new sentence starts."""
    quotes = _Quotes(line) if '"' in line else None
    for match in _ZH_TERM.finditer(line):
        end = _skip_closers(line, match.end(), quotes) if quotes else _skip_zh_closers(line, match)
        nxt = _skip_space(line, end)
        if nxt >= len(line) or line[nxt] in _ZH_NO_START or _inside_ascii_token(line, match):
            continue
        hard = any(ch in _ZH_HARD for ch in match.group())
        if hard or nxt > end or line[nxt] in _OPENERS:
            yield end


def _inside_ascii_token(line: str, match: re.Match[str]) -> bool:
    """True for a half-width ! or ? glued to ASCII on both sides (a URL query, "Yahoo!Inc")."""
    end = match.end()
    if match.group().strip("!?") or end >= len(line) or match.start() == 0:
        return False
    return line[end].isascii() and line[end].isalnum() and line[match.start() - 1].isascii()


def _skip_zh_closers(line: str, match: re.Match[str]) -> int:
    """Closer skipping for lines without straight quotes (the common case)."""
    pos = match.end()
    while pos < len(line) and line[pos] in _CLOSERS:
        pos += 1
    return pos


# ---------------------------------------------------------------- English rules


def _en_breaks(line: str) -> Iterator[int]:
    """Yield the positions in an English line where a new sentence starts."""
    quotes = _Quotes(line)
    for match in _EN_TERM.finditer(line):
        end = _skip_closers(line, match.end(), quotes)
        nxt = _skip_space(line, end)
        if nxt == end or nxt >= len(line) or not _starts_sentence(line[nxt]):
            continue
        if _en_is_break(line, match, end, nxt, quotes):
            yield end


def _starts_sentence(ch: str) -> bool:
    """True for a character that can open an English sentence."""
    return ch.isupper() or ch.isdigit() or ch in _SENTENCE_START_CHARS or ord(ch) >= 0x2E80


def _en_is_break(line: str, match: re.Match[str], end: int, nxt: int, quotes: _Quotes) -> bool:
    """Decide whether a terminator followed by a sentence-like start really ends one."""
    term = match.group()
    closed = end > match.end()
    if term.startswith("..") or term.startswith("…"):
        # `"These claims sound absurd... China is" stays one sentence: the quote goes on.
        return closed or not quotes.open_at(match.start())
    if term != ".":
        return True
    return _period_is_break(line, match.start(), nxt, closed)


def _period_is_break(line: str, dot: int, nxt: int, closed: bool) -> bool:
    """Decide for a single period: abbreviations, initials and acronyms usually continue."""
    token_match = _TOKEN_BEFORE.search(line, max(0, dot - 40), dot)
    if token_match is None:
        return True
    token = token_match.group(1)
    if closed:  # `U.S." Next` or `(see above.) The`: the closer ends the sentence
        return True
    if token in _PREFIX_ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isupper():  # an initial: J. K. Rowling
        return False
    next_is_digit = line[nxt].isdigit()
    if token in _NUMBER_ABBREVIATIONS and next_is_digit:
        return False
    if token in _NUMBER_ABBREVIATIONS and token[0].islower():
        return True
    ambiguous = (
        token in _AMBIGUOUS_ABBREVIATIONS
        or token in _NUMBER_ABBREVIATIONS
        or _DOTTED_ACRONYM.fullmatch(token) is not None
    )
    if ambiguous:
        return _opens_sentence(line, nxt)
    return True


def _opens_sentence(line: str, pos: int) -> bool:
    """True when the word at ``pos`` is a typical sentence opener (The, He, In, ...)."""
    if line[pos] in _SENTENCE_START_CHARS:
        return True
    word = _WORD_AFTER.match(line, pos)
    return word is not None and word.group().lower() in _SENTENCE_OPENERS
