"""The visible text of an HTML page, with the suppressions its checker comments make.

What a reader sees, roughly as a browser without CSS would show it: the contents of
``head``, ``script``, ``style``, ``template``, ``noscript`` and similar elements are left
out, and so is any element with the ``hidden`` attribute or an inline ``display: none`` /
``visibility: hidden`` style. Block elements (p, div, h1–h6, li, blockquote, …) become
paragraphs, separated by a blank line; a table row becomes one line, its cells separated by
a tab; ``<br>`` breaks the line. Character references are decoded, and white space
collapses as a browser collapses it (a line break between two Chinese characters vanishes).
Offsets in a report point into this text, which ``--save-extracted`` writes out.

A ``<!-- checker: ignore RULE -->`` comment applies to the next block element (or, when
text follows it first, to the paragraph that text belongs to).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

from checker.formats.comments import parse_directive
from checker.model import Suppression

# elements whose content is never shown on the page
_INVISIBLE = frozenset({
    "head", "title", "script", "style", "template", "noscript", "iframe", "object",
    "canvas", "svg", "select", "datalist", "audio", "video", "map",
})
_HEAD_CONTENT = frozenset({"title", "meta", "link", "style", "script", "base", "noscript",
                           "template"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen",
                   "link", "meta", "param", "source", "track", "wbr"})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
    "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "tfoot", "thead", "ul", "option", "optgroup",
})
_ROWS = frozenset({"tr"})
_CELLS = frozenset({"td", "th"})
# a start tag of these closes an open <p> (the HTML parsing rules)
_CLOSES_P = _BLOCKS - {"body", "html", "caption", "tbody", "tfoot", "thead", "option",
                       "optgroup", "legend", "summary"}
# start tag -> the open elements on top of the stack it closes first
_IMPLIED_ENDS = {
    "li": frozenset({"li"}), "dt": frozenset({"dt", "dd"}), "dd": frozenset({"dt", "dd"}),
    "tr": frozenset({"tr", "td", "th"}), "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}), "option": frozenset({"option"}),
    "tbody": frozenset({"tr", "td", "th", "thead", "tbody", "tfoot"}),
    "thead": frozenset({"tr", "td", "th", "thead", "tbody", "tfoot"}),
    "tfoot": frozenset({"tr", "td", "th", "thead", "tbody", "tfoot"}),
}
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b",
                           re.IGNORECASE)
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f"
_CJK_LINE_BREAK = re.compile(f"(?<=[{_CJK}])[ \t\f\r]*\n[ \t\n\f\r]*(?=[{_CJK}])")
_WHITE_SPACE = re.compile(r"[ \t\n\f\r\xa0]+")
_PARAGRAPH, _LINE = "\n\n", "\n"


@dataclass
class _Open:
    tag: str
    hides: bool


@dataclass
class _Active:
    """A suppression waiting for its text: until ``depth`` closes, or (None) the paragraph
    ends."""

    rules: tuple[str, ...]
    line: int
    depth: int | None
    start: int | None = None


class _VisibleText(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.parts: list[str] = []
        self.length = 0
        self.separator = ""  # owed before the next line of text
        self.pieces: list[tuple[str, bool]] = []  # the paragraph being read: (text, as is)
        self.stack: list[_Open] = []
        self.open_tags: Counter[str] = Counter()  # how many of each tag are in the stack
        self.has_text = False  # the paragraph being read holds more than white space
        self.hidden = 0  # open elements that hide their content
        self.preformatted = 0
        self.row_has_cell = False
        self.pending: list[tuple[tuple[str, ...], int]] = []  # directives seen, not placed
        self.active: list[_Active] = []
        self.suppressions: list[Suppression] = []

    # -------------------------------------------------------------- parser events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._imply_ends(tag)
        if tag == "br":
            self._break(_LINE)
            return
        if tag in _BLOCKS or tag in _ROWS:
            self._break(_LINE if tag in _ROWS else _PARAGRAPH)
        if tag in _ROWS:
            self.row_has_cell = False
        if tag in _CELLS:
            if self.row_has_cell and self.has_text:
                self.pieces.append(("\t", True))
            self.row_has_cell = True
        if tag in _VOID:
            return
        hides = tag in _INVISIBLE or _hidden_by_attributes(attrs)
        self.stack.append(_Open(tag, hides))
        self.open_tags[tag] += 1
        self.hidden += hides
        self.preformatted += tag in ("pre", "textarea", "listing")
        if self.pending and not self.hidden and (tag in _BLOCKS or tag in _ROWS):
            self._activate(depth=len(self.stack))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # </br> is read as <br> by browsers
            self._break(_LINE)
            return
        if not self.open_tags[tag]:  # a stray end tag (checked first: no scan of the stack)
            if tag == "p":  # a stray </p> makes an empty paragraph
                self._break(_PARAGRAPH)
            return
        while self.stack[-1].tag != tag:
            self._pop()
        self._pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1].tag == "head" and data.strip():
            self._pop()  # text ends an unclosed head, as in a browser
        if self.hidden:
            return
        if self.pending and data.strip():
            self._activate(depth=None)
        self.pieces.append((data, self.preformatted > 0))
        self.has_text = self.has_text or (bool(data) and not data.isspace())

    def handle_comment(self, data: str) -> None:
        if self.hidden:
            return
        line = self.getpos()[0]
        rules = parse_directive(data, f"{self.name}:{line}")
        if rules is not None:
            self.pending.append((rules, line))

    def close(self) -> None:
        super().close()
        while self.stack:
            self._pop()
        self._break(_PARAGRAPH)
        self._end_active(lambda active: True)

    # -------------------------------------------------------------- structure

    def _imply_ends(self, tag: str) -> None:
        """Close what the start of ``tag`` closes implicitly: an open <p> before a block,
        the previous <li> before an <li>, a cell before a cell, the head before the body."""
        if self.stack and self.stack[-1].tag == "head" and tag not in _HEAD_CONTENT:
            self._pop()
        closes = _IMPLIED_ENDS.get(tag, frozenset())
        while self.stack and (self.stack[-1].tag in closes
                              or (tag in _CLOSES_P and self.stack[-1].tag == "p")):
            self._pop()

    def _pop(self) -> None:
        element = self.stack.pop()
        self.open_tags[element.tag] -= 1
        self.hidden -= element.hides
        self.preformatted -= element.tag in ("pre", "textarea", "listing")
        if element.tag in _BLOCKS or element.tag in _ROWS:
            self._break(_LINE if element.tag in _ROWS else _PARAGRAPH)
        depth = len(self.stack) + 1
        self._end_active(lambda active: active.depth == depth)

    # -------------------------------------------------------------- text

    def _break(self, separator: str) -> None:
        """End the paragraph being read; the next one starts after ``separator`` (the
        larger of the separators owed)."""
        text = _normalise(self.pieces) if self.has_text else ""
        self.pieces = []
        self.has_text = False
        if text:
            if self.length:
                self.parts.append(self.separator)
                self.length += len(self.separator)
            for active in self.active:
                if active.start is None:
                    active.start = self.length
            self.parts.append(text)
            self.length += len(text)
            self.separator = ""
            self._end_active(lambda active: active.depth is None)
        if len(separator) > len(self.separator):
            self.separator = separator

    # -------------------------------------------------------------- suppressions

    def _activate(self, depth: int | None) -> None:
        self.active += [_Active(rules, line, depth) for rules, line in self.pending]
        self.pending = []

    def _end_active(self, ends) -> None:
        still = []
        for active in self.active:
            if not ends(active):
                still.append(active)
            elif active.start is not None and active.start < self.length:
                self.suppressions.append(
                    Suppression(active.start, self.length, active.rules, active.line))
        self.active = still


def _hidden_by_attributes(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "hidden":
            return True
        if name == "style" and value and _HIDDEN_STYLE.search(value):
            return True
    return False


def _normalise(pieces: list[tuple[str, bool]]) -> str:
    """Join a paragraph's pieces, collapsing white space outside preformatted text."""
    out: list[str] = []
    run: list[str] = []
    for text, as_is in pieces:
        if as_is:
            out.append(_collapse("".join(run)))
            run = []
            out.append(text)
        else:
            run.append(text)
    out.append(_collapse("".join(run)))
    return "".join(out).strip(" \t\n\r\f")


def _collapse(text: str) -> str:
    return _WHITE_SPACE.sub(" ", _CJK_LINE_BREAK.sub("", text))


def extract_html(text: str, name: str) -> tuple[str, tuple[Suppression, ...]]:
    """The visible text of an HTML document (decoded already) and its suppressions."""
    parser = _VisibleText(name)
    parser.feed(text)
    parser.close()
    extracted = "".join(parser.parts)
    return (extracted + "\n" if extracted else ""), tuple(parser.suppressions)
