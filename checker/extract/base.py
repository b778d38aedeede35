"""What both language grammars share: the claimed-span bookkeeping and the Quantity builder."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract.numerals import normalize_digits
from checker.model import DateValue, Quantity, QuantityKind, SentenceFacts, Span


class Claims:
    """Collects facts from one sentence; a character belongs to at most one fact.

    Grammars run their most specific patterns first (dates before plain numbers), and
    each later pattern skips text already claimed, so 2025年 never also yields 2025.
    """

    def __init__(self, text: str, offset: int) -> None:
        self.text = text
        self.norm = normalize_digits(text)  # same length as text: offsets carry over
        self.offset = offset
        self._taken = [False] * len(text)
        self.quantities: list[Quantity] = []
        self.dates: list[DateValue] = []

    def free(self, start: int, end: int) -> bool:
        return not any(self._taken[start:end])

    def claim(self, start: int, end: int) -> None:
        for i in range(start, end):
            self._taken[i] = True

    def span(self, start: int, end: int) -> Span:
        return Span(self.offset + start, self.offset + end, self.text[start:end])

    def matches(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` that do not touch claimed text."""
        for match in pattern.finditer(self.norm):
            if match.end() > match.start() and self.free(match.start(), match.end()):
                yield match

    def add_quantity(self, start: int, end: int, kind: QuantityKind, low: float,
                     high: float | None = None, **attrs: object) -> Quantity:
        quantity = Quantity(kind=kind, low=low, high=low if high is None else high,
                            span=self.span(start, end), **attrs)  # type: ignore[arg-type]
        self.quantities.append(quantity)
        self.claim(start, end)
        return quantity

    def add_date(self, start: int, end: int, /, **parts: object) -> DateValue:
        date = DateValue(span=self.span(start, end), **parts)  # type: ignore[arg-type]
        self.dates.append(date)
        self.claim(start, end)
        return date

    def mask(self, pattern: re.Pattern[str]) -> None:
        """Claim text that looks numeric but is not (四川, 一直, G20) without a fact."""
        for match in pattern.finditer(self.norm):
            self.claim(match.start(), match.end())

    def facts(self) -> SentenceFacts:
        quantities = sorted(self.quantities, key=lambda q: q.span.start)
        dates = sorted(self.dates, key=lambda d: d.span.start)
        return SentenceFacts(quantities=tuple(quantities), dates=tuple(dates))
