"""What both language grammars share: the claimed-span bookkeeping and the Quantity builder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from checker.extract.numerals import normalize_digits
from checker.model import DateValue, Quantity, QuantityKind, SentenceFacts, Span

# 2020-07-26, 2020/7/26, 2020.07.26: the same in both languages (datelines, timestamps).
ISO_DATE = re.compile(
    r"(?<![\d./-])(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<month>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<day>3[01]|[12]\d|0?[1-9])(?![\d./-])"
)

# Product names carry model numbers, not quantities: iPhone 15 Pro, Mate 60, Windows 11,
# Galaxy S24 Ultra. A number between a Latin name and an edition word is one too.
PRODUCT_NAMES = re.compile(
    r"(?<![A-Za-z])(?:iPhone|iPad|iOS|Android|Windows|Mate|Pura|Pixel|Model|PlayStation|Xbox|"
    r"Snapdragon|Kirin|Dimensity|Galaxy(?:\s+[A-Z]\d*)?|Redmi(?:\s+Note)?|Reno|nova|Find\s+X|"
    r"Watch\s+Series|Apple\s+Watch)\s?\d+[A-Za-z]*"
    r"|(?<![A-Za-z])[A-Z][A-Za-z]+\s\d{1,3}(?=\s(?:Pro|Plus|Max|Ultra|Mini|mini|Lite|SE|Air|Fold"
    r"|Flip|Edge)\b)"
)


class Claims:
    """Collects facts from one sentence; a character belongs to at most one fact.

    Grammars run their most specific patterns first (dates before plain numbers), and
    each later pattern skips text already claimed, so 2025年 never also yields 2025.
    """

    def __init__(self, text: str, offset: int, norm: str | None = None) -> None:
        self.text = text
        # patterns run on a normalised copy of the same length, so offsets carry over
        self.norm = normalize_digits(text) if norm is None else norm
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
        """Matches of ``pattern`` that do not touch claimed text.

        A match that runs into claimed text is retried one character later, so that in
        "from 5.7% in 2024 to 4.2%" the claimed year does not hide the 4.2% after it.
        """
        position = 0
        while position <= len(self.norm):
            match = pattern.search(self.norm, position)
            if match is None:
                return
            if match.end() > match.start() and self.free(match.start(), match.end()):
                yield match
                position = match.end()
            else:
                position = match.start() + 1

    def add_quantity(self, start: int, end: int, kind: QuantityKind, low: float,
                     high: float | None = None, **attrs: object) -> Quantity:
        high = low if high is None else high
        if kind == QuantityKind.PERCENT and low == high == 100:
            attrs["soft"] = True  # 达标率为100% ↔ "all … met the standard"
        quantity = Quantity(kind=kind, low=low, high=high, span=self.span(start, end),
                            **attrs)  # type: ignore[arg-type]
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

    def add_iso_dates(self) -> None:
        """2020-07-26 as a full date, before any grammar reads 2020-07 as a range."""
        for match in self.matches(ISO_DATE):
            self.add_date(match.start(), match.end(), year=int(match["year"]),
                          month=int(match["month"]), day=int(match["day"]))

    def drop_quantity(self, quantity: Quantity) -> None:
        """Forget a fact whose text stays claimed (a conversion the translator added)."""
        self.quantities.remove(quantity)

    def mark_gloss(self, quantity: Quantity) -> None:
        """Keep a fact but mark it as a bracketed conversion of the one before it."""
        index = self.quantities.index(quantity)
        self.quantities[index] = replace(quantity, gloss=True)

    def facts(self) -> SentenceFacts:
        quantities = sorted(self.quantities, key=lambda q: q.span.start)
        dates = sorted(self.dates, key=lambda d: d.span.start)
        return SentenceFacts(quantities=tuple(quantities), dates=tuple(dates))
