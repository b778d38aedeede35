"""Date and time rules: every day, month, year, decade, quarter and clock time must survive."""

from __future__ import annotations

from dataclasses import replace

from checker.model import LANGUAGE_NAMES, DateValue, Finding, Quantity, QuantityKind, Severity
from checker.rules.registry import Comparison, Rule, register
from checker.rules.render import render_date

_CLOCK_PARTS = {"hour", "minute"}


@register
class DateMismatch(Rule):
    """A date differs: day, month, year, decade, quarter, or either end of a date range.

    Why: a wrong date moves an event; "9月26日" rendered "September 25" is invisible to a
    reader and to surface metrics. Parts given on one side only (a year the English adds,
    今年 for "this year") are not compared.
    """

    code = "D101"
    name = "date-mismatch"
    category = "date"
    severity = Severity.MAJOR
    correct = ("黄仁勋9月26日接受采访。", "Huang was interviewed on September 26.")
    incorrect = ("黄仁勋9月26日接受采访。", "Huang was interviewed on September 25.")


@register
class TimeMismatch(Rule):
    """A clock time differs (下午3点 rendered "4 p.m.", 15时30分 rendered "15:45").

    Why: times in announcements and schedules are acted on. An hour given without a.m./p.m.
    (3点) is compared on the twelve-hour clock.
    """

    code = "D102"
    name = "time-mismatch"
    category = "date"
    severity = Severity.MAJOR
    correct = ("发布会于下午3点开始。", "The press conference began at 3 p.m.")
    incorrect = ("发布会于下午3点开始。", "The press conference began at 4 p.m.")


@register
class DateMissing(Rule):
    """A date in the source has no counterpart in its aligned translation.

    Why: a dropped date loses when something happened, often the news itself.
    """

    code = "D103"
    name = "date-missing"
    category = "date"
    severity = Severity.MAJOR
    correct = ("该法案于2023年通过。", "The bill was passed in 2023.")
    incorrect = ("该法案于2023年通过。", "The bill was passed.")


@register
class DateAdded(Rule):
    """A date in the translation has no source in the original.

    Why: usually an addition or a misalignment. A bare year, quarter or month is minor (by
    default), because translators make 今年 or 环比 explicit ("in 2025", "from February");
    an added day, time or month of a given year is major.
    """

    code = "D104"
    name = "date-added"
    category = "date"
    severity = Severity.MINOR
    correct = ("会议将于下月举行。", "The meeting will be held next month.")
    incorrect = ("会议将于下月举行。", "The meeting will be held on March 3.")


def _on_the_hour(a: dict[str, int], b: dict[str, int]) -> tuple[dict[str, int], dict[str, int]]:
    """15时收盘 is 15:00: against "3:30 p.m." an hour without minutes means minute 0."""
    if "hour" in a and "hour" in b and ("minute" in a) != ("minute" in b):
        a, b = {"minute": 0, **a}, {"minute": 0, **b}
    return a, b


def _month_by_reference(relative: DateValue, named: DateValue) -> bool:
    return (relative.relative_month is not None and not relative.parts()
            and (named.month is not None or named.relative_month is not None)
            and named.day is None)


def _parts_agree(src: DateValue, tgt: DateValue) -> tuple[bool, set[str]]:
    """(do all shared parts agree, the names of the shared parts)."""
    src_parts, tgt_parts = _on_the_hour(src.parts(), tgt.parts())
    shared = set(src_parts) & set(tgt_parts)
    if _month_by_reference(src, tgt) or _month_by_reference(tgt, src):
        return True, shared | {"month"}  # 上月末 ↔ "the end of November"
    for name in shared:
        a, b = src_parts[name], tgt_parts[name]
        if name == "hour" and (src.hour_12 or tgt.hour_12):
            a, b = a % 12, b % 12
        if a != b:
            return False, shared
    return True, shared


def _ends_agree(src: DateValue, tgt: DateValue) -> bool:
    if (src.end is None) != (tgt.end is None):
        return False
    if src.end is None or tgt.end is None:
        return True
    # "12月3日至5日": the end inherits the parts its start gave
    agree, _ = _parts_agree(_inherit(src.end, src), _inherit(tgt.end, tgt))
    return agree


def _inherit(end: DateValue, start: DateValue) -> DateValue:
    return replace(
        end,
        year=end.year if end.year is not None else start.year,
        month=end.month if end.month is not None else start.month,
    )


def _in_months(date: DateValue) -> DateValue:
    """A quarter, or a run of quarters, as the months it covers (前三季度 = January to
    September), to compare with a date given in months."""
    if date.quarter is None:
        return date
    last = date.end.quarter if date.end is not None and date.end.quarter else date.quarter
    end = replace(date.end or date, quarter=None, month=last * 3, end=None)
    return replace(date, quarter=None, month=(date.quarter - 1) * 3 + 1, end=end)


def same_date(src: DateValue, tgt: DateValue) -> bool:
    if (src.quarter is None) != (tgt.quarter is None) and (src.month or tgt.month):
        src, tgt = _in_months(src), _in_months(tgt)
    agree, shared = _parts_agree(src, tgt)
    return agree and bool(shared) and _ends_agree(src, tgt)


def _first_months(date: DateValue) -> bool:
    return (date.end is not None and date.month == 1 and date.end.month is not None
            and set(date.parts()) == {"month"})


def date_as_quantity_match(date: DateValue, quantity: Quantity) -> bool:
    """A year written without 年 (2020赛季 ↔ "the 2020 season"), a day as an ordinal (26th)."""
    parts = date.parts()
    if _first_months(date) and quantity.unit == "month" and not quantity.is_range:
        return quantity.low == date.end.month  # 前5个月 ↔ "the past 5 months"
    if date.end is not None or quantity.is_range:
        return False
    if set(parts) == {"year"}:
        return quantity.kind == QuantityKind.NUMBER and quantity.low == parts["year"]
    if set(parts) in ({"day"}, {"quarter"}):  # 26日 ↔ "the 26th"; 二季度 ↔ "the second"
        return quantity.kind == QuantityKind.ORDINAL and quantity.low == next(iter(parts.values()))
    if set(parts) == {"hour", "minute"} and quantity.unit == "s":
        # a duration written like a clock time: 2小时09分 as "2:09", 2分08秒 as "2:08"
        first, second = parts["hour"], parts["minute"]
        return quantity.low in (first * 3600 + second * 60, first * 60 + second)
    return False


def is_year_only(date: DateValue) -> bool:
    return set(date.parts()) == {"year"} and date.end is None


def year_like(quantity: Quantity) -> bool:
    """A plain integer that may be a year written without 年 (2020湖南红色旅游文化节)."""
    return (quantity.kind == QuantityKind.NUMBER and not quantity.is_range
            and quantity.low.is_integer() and 1000 <= quantity.low <= 2100
            and quantity.unit is None and quantity.currency is None)


def compare_dates(source: list[DateValue], target: list[DateValue]) -> Comparison[DateValue]:
    matched, leftover_sources, free_targets = _match_most_specific(source, target)
    for src in list(leftover_sources):
        pair = _range_as_two_dates(src, free_targets)
        if pair:
            leftover_sources.remove(src)
            matched.append((src, pair[0]))
    for tgt in list(free_targets):
        pair = _range_as_two_dates(tgt, leftover_sources)
        if pair:
            free_targets.remove(tgt)
            matched.append((pair[0], tgt))
    mismatched = []
    for src in list(leftover_sources):
        partner = _best_wrong_partner(src, free_targets)
        if partner is not None:
            free_targets.remove(partner)
            leftover_sources.remove(src)
            mismatched.append((src, partner, _diagnose(src, partner)))
    return Comparison(matched, mismatched, leftover_sources, free_targets)


def _match_most_specific(source: list[DateValue], target: list[DateValue]
                         ) -> tuple[list[tuple[DateValue, DateValue]], list[DateValue],
                                    list[DateValue]]:
    """Pair agreeing dates, closest in form first: "2024年" pairs with "2024" before it
    can pair with "October 17, 2024", so a wrong day is not hidden behind a year."""
    candidates = []
    for i, src in enumerate(source):
        for j, tgt in enumerate(target):
            if same_date(src, tgt):
                names_src, names_tgt = set(src.parts()), set(tgt.parts())
                union = names_src | names_tgt
                likeness = len(names_src & names_tgt) / len(union) if union else 1.0
                candidates.append((-likeness, i, j))
    candidates.sort()
    used_src: set[int] = set()
    used_tgt: set[int] = set()
    matched = []
    for _, i, j in candidates:
        if i not in used_src and j not in used_tgt:
            used_src.add(i)
            used_tgt.add(j)
            matched.append((source[i], target[j]))
    leftover_sources = [d for i, d in enumerate(source) if i not in used_src]
    free_targets = [d for j, d in enumerate(target) if j not in used_tgt]
    return matched, leftover_sources, free_targets


def _range_as_two_dates(date: DateValue, others: list[DateValue]) -> tuple | None:
    """A range on one side written as its two ends on the other ("8月1日开始，9月30日结束"
    ↔ "from August 1 to September 30"). Removes the two ends from ``others``."""
    if date.end is None:
        return None
    start = replace(date, end=None)
    end = _inherit(date.end, date)
    first = next((d for d in others if d.end is None and same_date(start, d)), None)
    last = next((d for d in others if d.end is None and d is not first and same_date(end, d)),
                None)
    if first is None or last is None:
        return None
    others.remove(first)
    others.remove(last)
    return first, last


def _best_wrong_partner(src: DateValue, targets: list[DateValue]) -> DateValue | None:
    """The leftover target date describing the same kind of thing (shares a part name)."""
    best, best_shared = None, 0
    for tgt in targets:
        _, shared = _parts_agree(src, tgt)
        if len(shared) > best_shared:
            best, best_shared = tgt, len(shared)
    return best


def _diagnose(src: DateValue, tgt: DateValue) -> type[Rule]:
    src_parts, tgt_parts = _on_the_hour(src.parts(), tgt.parts())
    differing = {n for n in set(src_parts) & set(tgt_parts) if src_parts[n] != tgt_parts[n]}
    if differing and differing <= _CLOCK_PARTS:
        return TimeMismatch
    return DateMismatch


def date_mismatch_finding(src: DateValue, tgt: DateValue, rule: type[Rule], target_lang: str,
                          segment: int | None) -> Finding:
    suggestion = render_date(src, target_lang)
    other = LANGUAGE_NAMES[target_lang]
    what = "time" if rule is TimeMismatch else "date"
    message = f"{what} differs: {src.span.text} is {suggestion}, the {other} says {tgt.span.text}"
    return rule.finding(message, src.span, tgt.span, suggestion, segment)


def date_missing_finding(src: DateValue, target_lang: str, segment: int | None) -> Finding:
    rendered = render_date(src, target_lang)
    return DateMissing.finding(
        f"{src.span.text} ({rendered}) is missing from the {LANGUAGE_NAMES[target_lang]}",
        src.span, None, rendered, segment,
    )


def date_added_finding(tgt: DateValue, source_lang: str, segment: int | None) -> Finding:
    # A year or a quarter spelled out (今年 → "in 2025") is often the translator being
    # explicit; an invented day or month is an error.
    # a month alone is often the translator naming 环比's "previous month" ("from February")
    specific = tgt.day is not None or (tgt.month is not None and tgt.year is not None) or (
        tgt.hour is not None and any(c.isdigit() for c in tgt.span.text))  # not "noon"
    return DateAdded.finding(
        f"{tgt.span.text} has no counterpart in the {LANGUAGE_NAMES[source_lang]}",
        None, tgt.span, None, segment, severity=Severity.MAJOR if specific else None,
    )
