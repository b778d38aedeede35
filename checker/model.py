"""The data types that flow down the pipeline.

load → segment → extract → align → rules → score → report.

Each stage consumes the types defined before its own and produces the next; nothing here
knows how any stage works.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class InputError(Exception):
    """Bad input from the user (missing file, undecodable bytes, wrong languages).

    The CLI turns it into a one-line message on stderr and exit code 2.
    """


# ---------------------------------------------------------------- load


@dataclass(frozen=True)
class Suppression:
    """A ``<!-- checker: ignore RULE,… -->`` comment: findings of those rules (codes or
    prefixes; none given: every rule) whose span starts in ``text[start:end]`` of the
    document are not reported. ``line`` is the comment's line in the file, for messages."""

    start: int
    end: int
    rules: tuple[str, ...] = ()
    line: int = 0

    def covers(self, code: str, offset: int) -> bool:
        in_range = self.start <= offset < self.end
        return in_range and (not self.rules or any(code.startswith(r) for r in self.rules))


@dataclass(frozen=True)
class Document:
    """A decoded text file. Offsets everywhere are Python str indices into ``text``.

    For a file that is not plain text (``format`` "html" or "docx") ``text`` is the text
    extracted from it, and offsets point into that; for plain text and Markdown it is the
    file's text, with comments blanked out (same length, same offsets).
    """

    text: str
    lang: str  # "zh" or "en"
    path: str | None = None
    encoding: str = "utf-8"
    format: str = "text"  # text, markdown, html or docx
    suppressions: tuple[Suppression, ...] = ()


# ---------------------------------------------------------------- segment


@dataclass(frozen=True)
class Sentence:
    """One sentence as a span of its document's text (end exclusive)."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


# ---------------------------------------------------------------- align


@dataclass(frozen=True)
class AlignedPair:
    """Source and target sentence indices that translate each other (either may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    similarity: float = 0.0


# ---------------------------------------------------------------- extract


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    def contains(self, other: Span) -> bool:
        """``other`` lies within this span (or is it)."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """The two spans share at least one character."""
        return self.start < other.end and other.start < self.end


class QuantityKind(str, Enum):
    NUMBER = "number"  # a plain count or amount, with or without unit/currency
    PERCENT = "percent"  # 5%, 百分之五, 三成
    POINTS = "points"  # percentage points, 个百分点
    ORDINAL = "ordinal"  # fifth, 第五
    MULTIPLE = "multiple"  # 两倍, twice, 1.5 times, doubled
    SCORE = "score"  # 6比3 ↔ 6-3 (low = first, high = second)


@dataclass(frozen=True)
class Quantity:
    """A normalised number: an exact value (low == high), a range, or a vague amount.

    ``sig_digits`` is how many significant digits the surface form gives, so that a
    rounded rendering (101.5 trillion for 1015036亿) can be recognised as correct.
    ``soft`` marks small numbers written as words (一个, "two countries") whose absence
    in the other language is normal and must not be reported.
    """

    kind: QuantityKind
    low: float
    high: float
    span: Span
    unit: str | None = None  # canonical unit: "km", "t", "h", "min", "age", "year", "mAh", ...
    currency: str | None = None  # ISO code: "USD", "CNY", "HKD", "EUR", "JPY", "GBP"
    approx: bool = False  # 约, 近, about, nearly, more than …
    is_range: bool = False  # an explicit range: 两到三年, 3-5
    vague: bool = False  # 几, 数百, dozens: compare by overlap only
    sig_digits: int = 15
    soft: bool = False
    ambiguous: bool = False  # 增长三倍: ×3 or ×4 depending on the writer (low=3, high=4)
    gloss: bool = False  # "(US$3.85 million)": a currency conversion added in brackets

    def __post_init__(self) -> None:
        # a parser may hand over an int (第四 → 4); the rules rely on float methods
        object.__setattr__(self, "low", float(self.low))
        object.__setattr__(self, "high", float(self.high))


@dataclass(frozen=True)
class DateValue:
    """A calendar date or time; any part may be unknown (None).

    ``end`` holds the other end of a range (12月3日至5日 → day 3, end day 5).
    """

    span: Span
    year: int | None = None
    month: int | None = None
    day: int | None = None
    decade: int | None = None  # 1990 for "the 1990s"
    quarter: int | None = None
    hour: int | None = None
    minute: int | None = None
    end: DateValue | None = None
    relative_year: int | None = None  # 0 for 今年 / "this year", -1 for 去年 / "last year"
    relative_month: int | None = None  # -1 for 上月 / "last month": any month may render it
    hour_12: bool = False  # the hour was given without a.m./p.m. (8点): compare modulo 12

    def parts(self) -> dict[str, int]:
        names = ("year", "month", "day", "decade", "quarter", "hour", "minute")
        return {n: getattr(self, n) for n in names if getattr(self, n) is not None}


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place or term, with the English names it may go by."""

    zh: tuple[str, ...]
    en: str
    aliases: tuple[str, ...] = ()
    kind: str = "name"
    source: str = "table"  # glossary, table (bundled, curated) or cedict
    note: str = ""
    #: names it went by before (FINA for World Aquatics): recognised, and reported
    former: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.zh[0]

    @property
    def english_forms(self) -> tuple[str, ...]:
        """The preferred name first, then the aliases, then the former names."""
        return tuple(dict.fromkeys((self.en, *self.aliases, *self.former)))


@dataclass(frozen=True)
class NameMention:
    """A name in a sentence: a person, organisation, place, title or Latin-script token.

    ``evidence`` says how it was found — Chinese: glossary, table, cedict, role (a known
    organisation or country inside a title: 国务院总理), surname, dotted (科莱特·克雷斯),
    translit, title (《》), latin, english (found from its English spelling by the rules),
    defined (a short form the text defines in brackets after a known name: 金管局);
    English: name, acronym, initial (a
    capitalised word that starts the sentence, weak evidence).
    """

    span: Span
    kind: str  # person, org, place, media, event, product, term, title, latin, name
    evidence: str
    entity: Entity | None = None


@dataclass(frozen=True)
class SentenceFacts:
    """Everything extracted from one sentence, with document offsets."""

    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateValue, ...] = ()
    names: tuple[NameMention, ...] = ()
    texts: tuple[Span, ...] = ()  # the sentence(s) themselves, for rules that search wording


# ---------------------------------------------------------------- rules


class Severity(str, Enum):
    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"critical": 3, "major": 2, "minor": 1, "info": 0}[self.value]


#: How messages name the two languages.
LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}

CATEGORIES = (
    "number",
    "date",
    "name",
    "term",
    "omission",
    "addition",
    "untranslated",
    "consistency",
    "format",
    "other",
)


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    source: Span | None
    target: Span | None
    suggestion: str | None = None
    segment: int | None = None  # index into Report.segments

    def to_json(self) -> dict:
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
            "suggestion": self.suggestion,
            "segment": self.segment,
        }


# ---------------------------------------------------------------- score / report


@dataclass
class Segment:
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    similarity: float
    score: float = 100.0


@dataclass
class Report:
    source: Document
    target: Document
    source_sentences: list[Sentence]
    target_sentences: list[Sentence]
    segments: list[Segment]
    findings: list[Finding] = field(default_factory=list)
    overall_score: float = 100.0
    source_label: str | None = None  # the path as given on the command line
    target_label: str | None = None
    # findings that a `<!-- checker: ignore … -->` comment silenced; not in ``findings``
    suppressed: list[Finding] = field(default_factory=list)
