"""Number rules: every number, amount, percentage and multiple must survive translation.

The comparison runs per aligned segment in three steps:
1. pair each source quantity with a target quantity that means the same (same value after
   rounding, unit conversion, 万/亿 scales, approximation words, vague ranges);
2. pair the leftovers that are evidently the same fact gone wrong, and say how it went wrong
   (a ×10ⁿ slip, a currency, a unit, percent for points, a range end, an ordinal, a value);
3. report what is left as missing or added.
"""

from __future__ import annotations

import math
from dataclasses import replace

from checker.extract.numerals import significant_digits
from checker.extract.vocab import (
    CURRENCY_NAMES,
    convert,
    currencies_compatible,
    units_compatible,
)
from checker.model import LANGUAGE_NAMES, Finding, Quantity, QuantityKind, Severity
from checker.rules.registry import Comparison, Rule, register
from checker.rules.render import render_quantity

# ---------------------------------------------------------------- the rules


@register
class NumberMismatch(Rule):
    """A number has a different value in the translation.

    Why: a changed figure is the most damaging silent error in a translated report, and
    surface metrics barely notice it (BLEU gives "21 years" for "25年" almost full marks).

    Rounding to fewer significant digits is not an error (1015036亿元 → "101.5 trillion
    yuan"), and approximation words (约, 近, 超过 / about, nearly, more than) widen the match.
    """

    code = "N101"
    name = "number-mismatch"
    category = "number"
    severity = Severity.MAJOR
    correct = ("越南25年来贡献巨大。", "Vietnam has contributed greatly over the past 25 years.")
    incorrect = ("越南25年来贡献巨大。", "Vietnam has contributed greatly over the past 21 years.")


@register
class MagnitudeSlip(Rule):
    """A number is off by a power of ten: the classic 万/亿 conversion error.

    Why: Chinese counts in 万 (10⁴) and 亿 (10⁸), English in thousands, millions and billions;
    45亿 is 4.5 billion, and a slip of one place makes it $45 billion. Nothing else in the
    sentence looks wrong, so only a checker that knows the scales catches it.
    """

    code = "N102"
    name = "magnitude-slip"
    category = "number"
    severity = Severity.CRITICAL
    correct = ("英伟达面临45亿美元库存损失。", "NVIDIA faced a $4.5 billion inventory loss.")
    incorrect = ("英伟达面临45亿美元库存损失。", "NVIDIA faced a $45 billion inventory loss.")


@register
class NumberMissing(Rule):
    """A number in the source has no counterpart in its aligned translation.

    Why: a dropped figure silently removes a fact. Small numbers written as words
    (一个 → "a", 两国 → "the two countries") are exempt: their absence is normal.
    """

    code = "N103"
    name = "number-missing"
    category = "number"
    severity = Severity.MAJOR
    correct = ("受访者中有1200人支持该方案。", "Of those surveyed, 1,200 supported the plan.")
    incorrect = ("受访者中有1200人支持该方案。", "Many of those surveyed supported the plan.")


@register
class NumberAdded(Rule):
    """A number in the translation has no source in the original.

    Why: an invented figure is an addition error, and often the trace of a misaligned or
    mistranslated sentence.
    """

    code = "N104"
    name = "number-added"
    category = "number"
    severity = Severity.MAJOR
    correct = ("该公司利润大幅增长。", "The company's profit rose sharply.")
    incorrect = ("该公司利润大幅增长。", "The company's profit rose by 35%.")


@register
class CurrencyMismatch(Rule):
    """The amount is right but the currency is not (元 rendered as $, 港元 as US$).

    Why: 100亿元 and $10 billion differ by a factor of seven; a bare "$" is accepted for
    any dollar and a bare ¥ for yuan or yen.
    """

    code = "N105"
    name = "currency-mismatch"
    category = "number"
    severity = Severity.MAJOR
    correct = ("营收达到500亿元。", "Revenue reached 50 billion yuan.")
    incorrect = ("营收达到500亿元。", "Revenue reached $50 billion.")


@register
class UnitMismatch(Rule):
    """The value is right but the unit is not (公里 rendered as miles, 吨 as kilograms).

    Why: a unit error changes the quantity as surely as a wrong digit. A conversion is
    accepted (100公里 → "62 miles"); the same number with another unit is not.
    """

    code = "N106"
    name = "unit-mismatch"
    category = "number"
    severity = Severity.MAJOR
    correct = ("全程约100公里。", "The route is about 100 km long.")
    incorrect = ("全程约100公里。", "The route is about 100 miles long.")


@register
class PercentPointsConfusion(Rule):
    """Percent and percentage points are confused (0.5个百分点 rendered "0.5%").

    Why: a rate rising from 5% to 5.5% rose by 0.5 percentage points but by 10 percent;
    the two readings differ by an order of magnitude.
    """

    code = "N107"
    name = "percent-points-confusion"
    category = "number"
    severity = Severity.MAJOR
    correct = ("失业率下降0.3个百分点。", "The jobless rate fell 0.3 percentage points.")
    incorrect = ("失业率下降0.3个百分点。", "The jobless rate fell 0.3%.")


@register
class OrdinalMismatch(Rule):
    """An ordinal differs (第五届 rendered "the fourth").

    Why: the wrong edition, round or rank points the reader at a different event.
    """

    code = "N108"
    name = "ordinal-mismatch"
    category = "number"
    severity = Severity.MAJOR
    correct = ("第三届论坛在上海举行。", "The third forum was held in Shanghai.")
    incorrect = ("第三届论坛在上海举行。", "The fourth forum was held in Shanghai.")


@register
class RangeMismatch(Rule):
    """Either end of a range differs, or a range became a single number.

    Why: "18至25岁" and "aged 18 to 52" share a number and look alike at a glance.
    Vague quantities (几, 数百, 十几 / a few, hundreds, a dozen or so) are ranges too and
    match any overlapping range.
    """

    code = "N109"
    name = "range-mismatch"
    category = "number"
    severity = Severity.MAJOR
    correct = ("该项目面向18至25岁的青年。", "The programme is for people aged 18 to 25.")
    incorrect = ("该项目面向18至25岁的青年。", "The programme is for people aged 18 to 52.")


@register
class AmbiguousMultiple(Rule):
    """增长三倍-style multiples are ambiguous: ×3 in loose usage, ×4 (up by 300%) in strict.

    Why: style guides disagree, so either rendering can be right; an editor should check
    which the author meant. Reported at minor severity only.
    """

    code = "N110"
    name = "ambiguous-multiple"
    category = "number"
    severity = Severity.MINOR
    correct = ("出口额是十年前的三倍。", "Exports are three times what they were ten years ago.")
    incorrect = ("出口额增长三倍。", "Exports tripled.")


# ---------------------------------------------------------------- value comparison

_RELATIVE_TOLERANCE = 1e-6
_EXACT = 15  # Quantity.sig_digits of a plain number: every digit counts
_ONE_DIGIT_ROUNDING = 0.05
_CONVERSION_TOLERANCE = 0.03  # translators round converted units
_POWER_OF_TEN_TOLERANCE = 0.01  # in log10 units


def _close(a: float, b: float, tolerance: float = _RELATIVE_TOLERANCE) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-12)


def _round_sig(value: float, digits: int) -> float:
    if value == 0:
        return 0.0
    exponent = math.floor(math.log10(abs(value)))
    factor = 10 ** (exponent - digits + 1)
    return math.floor(abs(value) / factor + 0.5) * factor * math.copysign(1, value)


def _same_value(source: float, target: float, src: Quantity, tgt: Quantity) -> bool:
    """Equal, or equal after the rounding a translator may legitimately apply."""
    source, target = abs(source), abs(target)
    if _close(source, target):
        return True
    if tgt.sig_digits < src.sig_digits and _close(_round_sig(source, tgt.sig_digits), target):
        return True
    if src.approx or tgt.approx:
        # 约1234人 → "about 1,200": the translator may round, but never adds precision
        # (逾14万 → "more than 135,000" is a different number), keeps the digits it writes
        # ("about 2.40 million" is not 2.44 million) and does not round to one digit a
        # value that moves by more than 5% (约12% is not "about 10%").
        coarse = tgt.sig_digits if tgt.sig_digits < _EXACT else significant_digits(target)
        if coarse > significant_digits(source) or not _close(_round_sig(source, coarse),
                                                             target):
            return False
        return coarse >= 2 or abs(source - target) <= _ONE_DIGIT_ROUNDING * source
    return False


def _in_target_unit(src: Quantity, tgt: Quantity, value: float) -> tuple[float, float]:
    """The source value in the target's unit, and the tolerance the conversion allows."""
    if src.unit and tgt.unit and src.unit != tgt.unit and not units_compatible(src.unit, tgt.unit):
        converted = convert(value, src.unit, tgt.unit)
        if converted is not None:
            return converted, _CONVERSION_TOLERANCE
    return value, _RELATIVE_TOLERANCE


def _values_match(src: Quantity, tgt: Quantity) -> bool:
    if src.vague or tgt.vague:
        return src.low <= tgt.high * 1.0001 and tgt.low <= src.high * 1.0001
    if src.is_range != tgt.is_range and src.kind != QuantityKind.SCORE:
        return False
    pairs = [(src.low, tgt.low), (src.high, tgt.high)]
    if (src.low > src.high) != (tgt.low > tgt.high):
        # 距今5800年至5500年 ↔ "5,500 to 5,800"; 89比91不敌上海 ↔ "Shanghai won 91-89"
        pairs = [(src.low, tgt.high), (src.high, tgt.low)]
    for source_value, target_value in pairs:
        converted, tolerance = _in_target_unit(src, tgt, source_value)
        if tolerance > _RELATIVE_TOLERANCE:
            if not _close(abs(converted), abs(target_value), tolerance):
                return False
        elif not _same_value(converted, target_value, src, tgt):
            return False
    return True


def _scaled_for_kind(src: Quantity, tgt: Quantity) -> Quantity:
    """Read ``src`` in the terms of ``tgt`` where both are common renderings of one value:
    a fraction (一半, 四分之一) as a percentage, basis points as percentage points
    (0.5个百分点 ↔ 50 basis points)."""
    if src.kind == QuantityKind.NUMBER and tgt.kind == QuantityKind.PERCENT and src.high <= 1:
        return replace(src, kind=QuantityKind.PERCENT, low=src.low * 100, high=src.high * 100)
    if src.kind == QuantityKind.NUMBER and src.unit == "bp" and tgt.kind == QuantityKind.POINTS:
        return replace(src, kind=QuantityKind.POINTS, unit=None, low=src.low / 100,
                        high=src.high / 100)
    return src


_INTERCHANGEABLE = {
    frozenset({QuantityKind.NUMBER, QuantityKind.MULTIPLE}),  # 两次 ↔ twice
    frozenset({QuantityKind.NUMBER, QuantityKind.ORDINAL}),  # 32强 ↔ the last 32
}


def _kinds_match(src: Quantity, tgt: Quantity) -> bool:
    if src.kind == tgt.kind:
        return True
    if QuantityKind.SCORE in (src.kind, tgt.kind):  # 6比3 ↔ "6-3", never a single number
        other = tgt if src.kind == QuantityKind.SCORE else src
        return other.kind == QuantityKind.NUMBER and other.is_range
    return frozenset({src.kind, tgt.kind}) in _INTERCHANGEABLE


def _exactly_same_fact(src: Quantity, tgt: Quantity) -> bool:
    return same_fact(src, tgt) and _close(abs(src.low), abs(tgt.low)) and _close(
        abs(src.high), abs(tgt.high))


def _money_against_measure(a: Quantity, b: Quantity) -> bool:
    return bool(a.unit and not a.currency and b.currency and not b.unit)


def _growth_as_percent(multiple: Quantity, percent: Quantity) -> bool:
    """增长1.2倍 ↔ "rose 120%": a rise of p percent is a multiple of 1 + p/100. 增长X倍 is
    strictly ×(X+1), and loosely ×X when X is at least 2 (增长三倍 ↔ "tripled"); an exact
    两倍 is ×2 only ("up 200%" is the classic slip)."""
    factor = 1 + percent.low / 100
    if not multiple.ambiguous:
        return _close(factor, multiple.low)
    # 增长1.4倍 is +140% (×2.4); 增长三倍 is loosely ×3 as well as strictly ×4
    return _close(factor, multiple.high) or (multiple.low >= 2 and _close(factor, multiple.low))


def same_fact(src: Quantity, tgt: Quantity) -> bool:
    """Does ``tgt`` say what ``src`` says?"""
    kinds = (src.kind, tgt.kind)
    if kinds == (QuantityKind.MULTIPLE, QuantityKind.PERCENT):
        return _growth_as_percent(src, tgt)
    if kinds == (QuantityKind.PERCENT, QuantityKind.MULTIPLE):
        return _growth_as_percent(tgt, src)
    src = _scaled_for_kind(src, tgt)
    tgt = _scaled_for_kind(tgt, src)
    if not _kinds_match(src, tgt):
        return False
    if not currencies_compatible(src.currency, tgt.currency):
        return False
    if _money_against_measure(src, tgt) or _money_against_measure(tgt, src):
        return False  # 45公斤 is not "45 pounds" sterling
    if src.unit and tgt.unit and not _measure_the_same(src.unit, tgt.unit):
        return False
    return _values_match(src, tgt)


# ---------------------------------------------------------------- diagnosing a wrong pair


def _power_of_ten(src: Quantity, tgt: Quantity) -> int:
    """n when tgt = src × 10ⁿ (n ≠ 0), else 0."""
    if src.low == 0 or tgt.low == 0 or src.is_range or tgt.is_range:
        return 0
    exponent = math.log10(abs(tgt.low) / abs(src.low))
    nearest = round(exponent)
    if nearest != 0 and abs(exponent - nearest) < _POWER_OF_TEN_TOLERANCE:
        return nearest
    return 0


def diagnose(src: Quantity, tgt: Quantity) -> type[Rule]:
    """Which rule explains how ``tgt`` went wrong as a rendering of ``src``."""
    src, tgt = _scaled_for_kind(src, tgt), _scaled_for_kind(tgt, src)
    kinds = {src.kind, tgt.kind}
    if kinds == {QuantityKind.PERCENT, QuantityKind.POINTS} and _close(src.low, tgt.low):
        return PercentPointsConfusion
    if _power_of_ten(src, tgt) and src.kind == tgt.kind:
        return MagnitudeSlip
    if not currencies_compatible(src.currency, tgt.currency) and same_fact(
        replace(src, currency=None), replace(tgt, currency=None)
    ):
        return CurrencyMismatch
    if src.unit != tgt.unit and same_fact(replace(src, unit=None), replace(tgt, unit=None)):
        return UnitMismatch
    if src.kind == QuantityKind.SCORE or tgt.kind == QuantityKind.SCORE:
        return NumberMismatch  # 6比3 → 6-2 is a wrong score, not a wrong range
    if src.is_range or tgt.is_range:
        return RangeMismatch
    if src.kind == QuantityKind.ORDINAL and tgt.kind == QuantityKind.ORDINAL:
        return OrdinalMismatch
    return NumberMismatch


_PLAUSIBLE_SLIP_RATIO = 5.0


def _measure_the_same(a: str, b: str) -> bool:
    return units_compatible(a, b) or convert(1.0, a, b) is not None


def _far_apart(src: Quantity, tgt: Quantity) -> bool:
    """Values too far apart for a slip of the pen (25 → 21 is one, 6,000 → 52 is not)."""
    a, b = abs(src.low), abs(tgt.low)
    if a == 0 or b == 0:
        return False
    return max(a, b) / min(a, b) > _PLAUSIBLE_SLIP_RATIO


def _is_rate(quantity: Quantity) -> bool:
    return quantity.kind in (QuantityKind.PERCENT, QuantityKind.POINTS) or quantity.unit == "bp"


def _plausible_soft_pair(src: Quantity, tgt: Quantity) -> bool:
    """一盘 (a set) is no evidence about a score of 6-3: small word-numbers pair only with
    small single numbers of the same kind."""
    if any(q.soft and q.low == 1 for q in (src, tgt)):
        return False  # 一个 / "one" is usually the article "a"; "first" is as casual
    return (
        _kinds_match(src, tgt)  # 连续三个月 ↔ "the fourth straight month"
        and QuantityKind.SCORE not in (src.kind, tgt.kind)
        and not (src.is_range or tgt.is_range)
        and src.low.is_integer() and tgt.low.is_integer()  # 两场 is no evidence about "half"
        and max(abs(src.high), abs(tgt.high)) <= 20
    )


def _pairing_score(src: Quantity, tgt: Quantity) -> float:
    """How evidently two leftover quantities are the same fact gone wrong (0: not at all)."""
    growth = {src.kind, tgt.kind} == {QuantityKind.MULTIPLE, QuantityKind.PERCENT}
    if _is_rate(src) != _is_rate(tgt) and not growth:  # 两倍 vs "200%" may be the same rise
        return 0.0
    if src.vague or tgt.vague:
        return 0.0  # 几 or "several" says too little to be called wrong
    if (src.soft or tgt.soft) and not _plausible_soft_pair(src, tgt):
        return 0.0
    score = 1.0
    if src.kind == tgt.kind:
        score += 2
    if src.currency and tgt.currency:
        score += 2
    if src.unit and tgt.unit:
        score += 2 if units_compatible(src.unit, tgt.unit) else 1
    if src.unit and tgt.unit is None or tgt.unit and src.unit is None:
        score -= 0.5
    diagnosis = diagnose(src, tgt)
    if diagnosis is not NumberMismatch:
        return score + 3
    if src.unit and tgt.unit and not _measure_the_same(src.unit, tgt.unit):
        return 0.0  # 1小时40分钟 and "aged 52" are two facts, not one fact gone wrong
    anchored = src.unit and tgt.unit or src.currency and tgt.currency or growth
    if not anchored and _far_apart(src, tgt):
        return 0.0
    return score


# ---------------------------------------------------------------- the segment check


def compare_quantities(source: list[Quantity], target: list[Quantity]) -> Comparison[Quantity]:
    """Pair the quantities of one segment and classify everything that does not pair."""
    matched: list[tuple[Quantity, Quantity]] = []
    free_targets = list(target)
    unmatched_sources = list(source)
    # exact values first, so that 1,015.3万 pairs with "10.15 million" before a rounder
    # "more than 10 million" can take it
    for accept in (_exactly_same_fact, same_fact):
        for src in list(unmatched_sources):
            partner = next((t for t in free_targets if accept(src, t)), None)
            if partner is not None:
                free_targets.remove(partner)
                unmatched_sources.remove(src)
                matched.append((src, partner))
    matched.sort(key=lambda pair: pair[0].span.start)
    for quantity in list(unmatched_sources):
        ends = _two_ends(quantity, free_targets)
        if ends:
            unmatched_sources.remove(quantity)
            matched += [(quantity, end) for end in ends]
    for quantity in list(free_targets):
        ends = _two_ends(quantity, unmatched_sources)
        if ends:
            free_targets.remove(quantity)
            matched += [(end, quantity) for end in ends]
    mismatched = _pair_leftovers(unmatched_sources, free_targets)
    paired_sources = {id(s) for s, _, _ in mismatched}
    paired_targets = {id(t) for _, t, _ in mismatched}
    return Comparison(
        matched=matched,
        mismatched=mismatched,
        missing=[s for s in unmatched_sources if id(s) not in paired_sources],
        added=[t for t in free_targets if id(t) not in paired_targets],
    )


def _two_ends(quantity: Quantity, others: list[Quantity]) -> tuple[Quantity, ...] | None:
    """A ratio or range on one side written as its two numbers on the other (1比3.31 ↔
    "S$1 was worth RM3.31"; 两到三年 ↔ "two or three years"). Removes them from ``others``."""
    if not (quantity.is_range or quantity.kind == QuantityKind.SCORE):
        return None
    kind = quantity.kind if quantity.kind == QuantityKind.PERCENT else QuantityKind.NUMBER
    first_end = replace(quantity, low=quantity.low, high=quantity.low, is_range=False,
                        kind=kind)
    second_end = replace(first_end, low=quantity.high, high=quantity.high)
    ratio = quantity.kind == QuantityKind.SCORE
    first = next((q for q in others if not q.is_range and _loosely_equal(first_end, q, ratio)),
                 None)
    second = next((q for q in others if q is not first and not q.is_range
                   and _loosely_equal(second_end, q, ratio)), None)
    if second is None or (first is None and quantity.low != 1):
        return None
    if first is None:  # "兑美元1比0.74" ↔ "and US$0.74": the 1 of a rate goes unsaid
        others.remove(second)
        return (second,)
    others.remove(first)
    others.remove(second)
    return first, second


def _loosely_equal(end: Quantity, other: Quantity, ratio: bool) -> bool:
    """The same value; the two sides of a rate may carry any currency (S$1 : RM3.31)."""
    kind = end.kind if end.kind in (QuantityKind.PERCENT, QuantityKind.POINTS) else other.kind
    if ratio:
        end, other = replace(end, currency=None), replace(other, currency=None)
    return same_fact(replace(end, kind=kind), other)


def _pair_leftovers(sources: list[Quantity], targets: list[Quantity]
                    ) -> list[tuple[Quantity, Quantity, type[Rule]]]:
    candidates = []
    for i, src in enumerate(sources):
        for j, tgt in enumerate(targets):
            score = _pairing_score(src, tgt)
            if score > 0:
                order_bonus = 0.5 if i == j else 0.0
                candidates.append((score + order_bonus, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_sources: set[int] = set()
    used_targets: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_sources or j in used_targets:
            continue
        used_sources.add(i)
        used_targets.add(j)
        pairs.append((sources[i], targets[j], diagnose(sources[i], targets[j])))
    return sorted(pairs, key=lambda p: p[0].span.start)


# ---------------------------------------------------------------- findings


def mismatch_finding(src: Quantity, tgt: Quantity, rule: type[Rule], target_lang: str,
                     segment: int | None) -> Finding:
    """The finding for a wrong rendering, with the correct value in the translator's style."""
    suggestion = render_quantity(src, target_lang, like=tgt)
    other = LANGUAGE_NAMES[target_lang]
    if rule is MagnitudeSlip:
        message = f"{src.span.text} is {suggestion}, not {tgt.span.text}"
        factor = _power_of_ten(src, tgt)
        message += f" (off by a factor of 10^{factor})" if abs(factor) > 1 else " (off by ×10)"
    elif rule is CurrencyMismatch:
        currency = CURRENCY_NAMES.get(src.currency or "", src.currency)
        message = (f"currency differs: {src.span.text} is in {currency}, "
                   f"the {other} says {tgt.span.text}")
    elif rule is UnitMismatch:
        message = (f"unit differs: {src.span.text} is in {src.unit}, "
                   f"the {other} says {tgt.span.text}")
    elif rule is PercentPointsConfusion:
        kind = "percentage points" if src.kind == QuantityKind.POINTS else "percent"
        message = f"{src.span.text} is {kind}, but the {other} says {tgt.span.text}"
    elif suggestion == src.span.text:  # 27.6% reads the same in both languages
        message = f"{src.span.text} is rendered {tgt.span.text}"
    else:
        message = f"{src.span.text} = {suggestion}, but the {other} says {tgt.span.text}"
    return rule.finding(message, src.span, tgt.span, suggestion, segment)


def missing_finding(src: Quantity, target_lang: str, segment: int | None) -> Finding:
    other = LANGUAGE_NAMES[target_lang]
    rendered = render_quantity(src, target_lang)
    return NumberMissing.finding(
        f"{src.span.text} ({rendered}) is missing from the {other}", src.span, None,
        rendered, segment,
    )


def added_finding(tgt: Quantity, source_lang: str, segment: int | None) -> Finding:
    other = LANGUAGE_NAMES[source_lang]
    if tgt.gloss:  # newsrooms add conversions; worth a look, not an error
        return NumberAdded.finding(
            f"{tgt.span.text} (a bracketed aside or conversion) is not in the {other}: "
            "check it",
            None, tgt.span, None, segment, severity=Severity.MINOR,
        )
    return NumberAdded.finding(
        f"{tgt.span.text} has no counterpart in the {other}", None, tgt.span, None, segment
    )


def ambiguity_findings(matched: list[tuple[Quantity, Quantity]], segment: int | None
                       ) -> list[Finding]:
    findings = []
    for src, tgt in matched:
        ambiguous = src if src.ambiguous else tgt if tgt.ambiguous else None
        if ambiguous is None:
            continue
        message = (f"{ambiguous.span.text} can mean ×{ambiguous.low:g} or ×{ambiguous.high:g}; "
                   f"check which the author meant ({tgt.span.text})")
        findings.append(AmbiguousMultiple.finding(message, src.span, tgt.span, None, segment,
                                                  severity=Severity.MINOR))
    return findings


def reportable(quantity: Quantity) -> bool:
    """Missing or added soft numbers (一个, "two countries") are normal, not errors; so are
    vague ones, which often render idioms (千里之外 → "thousands of miles away")."""
    return not (quantity.soft or quantity.vague)
