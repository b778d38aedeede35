"""Line and column of a span in its document, for the formats that point into files.

Offsets are ``str`` indices into the decoded text (BOM removed, line endings untouched), so
columns count Unicode code points. Lines end at LF, CR LF or a lone CR, as in SARIF.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from checker.model import Span

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Region:
    """A span as 1-based lines and columns; ``end_column`` is the column after the last
    character (SARIF's convention), so an empty span has ``end_column == start_column``."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


class LineIndex:
    """Where each line of a text starts, to turn offsets into (line, column)."""

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of the character at ``offset``."""
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def region(self, span: Span) -> Region:
        start_line, start_column = self.position(span.start)
        if span.end <= span.start:
            return Region(start_line, start_column, start_line, start_column)
        # the line of the last character: a span that ends with a line break stays on its line
        end_line, last_column = self.position(span.end - 1)
        return Region(start_line, start_column, end_line, last_column + 1)
