"""Suppression comments in plain text and Markdown: ``<!-- checker: ignore N101,E2 -->``.

A comment names rule codes or prefixes (separated by commas or spaces); a comment with no
code (``<!-- checker: ignore -->``) silences every rule. It applies to the next paragraph:
in Markdown, the lines up to the next blank line or heading; in plain text, where every
line is a paragraph (as the segmenter has it), the next line with text.

Comments are blanked out with spaces (line breaks kept), so the text the rules see has the
file's length and every offset still points into the file. Markdown renders no comment, so
every comment is blanked there; in plain text only the checker's own.
"""

from __future__ import annotations

import re

from checker.model import InputError, Suppression

_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_DIRECTIVE = re.compile(r"\s*checker\s*:(.*)", re.DOTALL | re.IGNORECASE)
_IGNORE = re.compile(r"\s*ignore\b(.*)", re.DOTALL | re.IGNORECASE)
_CODE = re.compile(r"[A-Z]\d{0,3}")
_LINE_BREAK = re.compile(r"\r\n|[\r\n]")
_SPACE = re.compile(r"\s*")
_HEADING = re.compile(r"[ ]{0,3}#{1,6}(?:[ \t]|$)")


def parse_directive(comment: str, where: str) -> tuple[str, ...] | None:
    """The rule codes of a checker comment's body (``()`` for every rule), or None when the
    comment is not meant for the checker. InputError, naming ``where``, for a checker
    comment the checker cannot read: a typo must not silently suppress nothing."""
    directive = _DIRECTIVE.fullmatch(comment)
    if directive is None:
        return None
    ignore = _IGNORE.fullmatch(directive[1])
    if ignore is None:
        raise InputError(f"{where}: unknown checker comment {comment.strip()!r}; "
                         "write <!-- checker: ignore RULE,RULE -->")
    codes = tuple(c.upper() for c in re.split(r"[\s,]+", ignore[1]) if c)
    for code in codes:
        if not _CODE.fullmatch(code):
            raise InputError(f"{where}: {code!r} in a checker comment is not a rule code "
                             "(like N101) or prefix (like N1)")
    return codes


def blank_comments(text: str, name: str, markdown: bool
                   ) -> tuple[str, tuple[Suppression, ...]]:
    """``text`` with its comments blanked out, and the suppressions its checker comments
    make (offsets into the returned text, which are those of ``text``)."""
    pieces: list[str] = []
    directives: list[tuple[int, tuple[str, ...], int]] = []  # (comment end, rules, line)
    last = 0
    line, counted = 1, 0
    for match in _COMMENT.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        rules = parse_directive(match[1], f"{name}:{line}")
        if rules is None and not markdown:
            continue
        pieces += [text[last : match.start()], _blank(match[0])]
        last = match.end()
        if rules is not None:
            directives.append((match.end(), rules, line))
    if not directives and not pieces:
        return text, ()
    blanked = "".join(pieces) + text[last:]
    suppressions = []
    for end, rules, comment_line in directives:
        paragraph = _paragraph_after(blanked, end, markdown)
        if paragraph is not None:
            suppressions.append(Suppression(*paragraph, rules, comment_line))
    return blanked, tuple(suppressions)


def _blank(comment: str) -> str:
    """Spaces for every character but line breaks: offsets and line numbers are kept."""
    return "".join(c if c in "\r\n" else " " for c in comment)


def _paragraph_after(text: str, position: int, markdown: bool) -> tuple[int, int] | None:
    """(start, end) of the paragraph after ``position``; None at the end of the text."""
    start = _SPACE.match(text, position).end()
    if start == len(text):
        return None
    end = _line_end(text, start)
    if markdown:
        while end < len(text):
            following = _LINE_BREAK.match(text, end).end()
            next_end = _line_end(text, following)
            line = text[following:next_end]
            if not line.strip() or _HEADING.match(line):
                break
            end = next_end
    return start, end


def _line_end(text: str, start: int) -> int:
    found = _LINE_BREAK.search(text, start)
    return found.start() if found else len(text)
