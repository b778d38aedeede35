"""Writing a normalised value back out in the target language, for messages and suggestions.

A suggestion keeps the translator's own presentation: the correct value for "$45 billion" is
written "$4.5 billion", for "450亿美元" it is "45亿美元", for "120,000" it is "12,000".
"""

from __future__ import annotations

import re

from checker.extract.vocab import SYMBOL_OF_CURRENCY, ZH_CURRENCY_NAMES, currencies_compatible
from checker.model import DateValue, Quantity, QuantityKind

EN_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_EN_SCALES = (("trillion", 1e12), ("billion", 1e9), ("million", 1e6))
_EN_NUMBER_CORE = re.compile(
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:hundred|thousand|million|billion|trillion)\b"
    r"|(?:bn|mn|m|k|tn)\b)?",
    re.IGNORECASE,
)
_ZH_NUMBER_CORE = re.compile(
    r"[\d０-９][\d０-９,，.．]*[十百千万萬亿億]*|[零〇一二两三四五六七八九十百千万萬亿億]+"
)
_EN_UNIT_NAMES = {
    "km": "km", "m": "metres", "t": "tonnes", "kg": "kg", "h": "hours", "min": "minutes",
    "day": "days", "week": "weeks", "month": "months", "year": "years", "age": "years old",
    "mAh": "mAh", "W": "W", "kW": "kW", "GB": "GB", "nm": "nm", "inch": "inches",
    "mile": "miles", "bp": "basis points", "km2": "square kilometres", "s": "seconds",
}  # fmt: skip
_ZH_UNIT_NAMES = {
    "km": "公里", "m": "米", "t": "吨", "kg": "公斤", "h": "小时", "min": "分钟", "day": "天",
    "week": "周", "month": "个月", "year": "年", "age": "岁", "mAh": "毫安时", "W": "瓦",
    "kW": "千瓦", "GB": "GB", "nm": "纳米", "inch": "英寸", "mile": "英里", "bp": "个基点",
    "km2": "平方公里", "s": "秒",
}  # fmt: skip


def plain_number(value: float) -> str:
    """4500000000.0 → '4,500,000,000'; 5.20 → '5.2'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def en_number(value: float, scaled: bool) -> str:
    """An English numeral, with a scale word when the translator used one (4.5 billion)."""
    magnitude = abs(value)
    if scaled:
        for word, factor in _EN_SCALES:
            if magnitude >= factor:
                return f"{plain_number(value / factor)} {word}"
    return plain_number(value)


def zh_number(value: float) -> str:
    """A Chinese numeral in the newsroom style: 45亿, 1.2万, 4.6万亿, 350."""
    magnitude = abs(value)
    for word, factor in (("万亿", 1e12), ("亿", 1e8), ("万", 1e4)):
        if magnitude >= factor:
            return f"{plain_number(value / factor).replace(',', '')}{word}"
    return plain_number(value).replace(",", "")


def _core_value(quantity: Quantity, lang: str, scaled: bool) -> str:
    low = en_number(quantity.low, scaled) if lang == "en" else zh_number(quantity.low)
    if quantity.low == quantity.high:
        return low
    high = en_number(quantity.high, scaled) if lang == "en" else zh_number(quantity.high)
    return f"{low} to {high}" if lang == "en" else f"{low}至{high}"


def render_quantity(quantity: Quantity, lang: str, like: Quantity | None = None) -> str:
    """Write ``quantity`` in ``lang``; with ``like``, reuse that fact's presentation."""
    if quantity.kind in (QuantityKind.PERCENT, QuantityKind.POINTS, QuantityKind.MULTIPLE):
        return _render_relative(quantity, lang)
    if quantity.kind == QuantityKind.ORDINAL:
        value = int(quantity.low)
        return f"第{value}" if lang == "zh" else _en_ordinal(value)
    if like is not None and _same_presentation(quantity, like):
        core_pattern = _EN_NUMBER_CORE if lang == "en" else _ZH_NUMBER_CORE
        core = core_pattern.search(like.span.text)
        if core and quantity.low == quantity.high:
            scaled = lang == "en" and bool(re.search(r"[a-z]", core.group(), re.IGNORECASE))
            value = _core_value(quantity, lang, scaled or quantity.low >= 1e6)
            return like.span.text[: core.start()] + value + like.span.text[core.end() :]
    return _render_fresh(quantity, lang)


def _same_presentation(quantity: Quantity, like: Quantity) -> bool:
    """Can ``like``'s surface be reused with only its number changed?"""
    return (like.kind == quantity.kind and like.low == like.high
            and currencies_compatible(quantity.currency, like.currency)
            and (like.unit == quantity.unit or quantity.unit is None))


def _render_fresh(quantity: Quantity, lang: str) -> str:
    if lang == "zh":
        text = _core_value(quantity, lang, True)
        if quantity.currency:
            text += ZH_CURRENCY_NAMES.get(quantity.currency, quantity.currency)
        if quantity.unit:
            text += _ZH_UNIT_NAMES.get(quantity.unit, quantity.unit)
        return text
    text = _core_value(quantity, lang, quantity.low >= 1e6)
    if quantity.currency in ("CNY", "YUAN", "YEN_OR_YUAN"):
        text += " yuan"
    elif quantity.currency:
        text = SYMBOL_OF_CURRENCY.get(quantity.currency, "$") + text
    if quantity.unit:
        text += " " + _EN_UNIT_NAMES.get(quantity.unit, quantity.unit)
    return text


def _render_relative(quantity: Quantity, lang: str) -> str:
    value = plain_number(quantity.low)
    if quantity.kind == QuantityKind.PERCENT:
        return f"{value}%"
    if quantity.kind == QuantityKind.POINTS:
        return f"{value}个百分点" if lang == "zh" else f"{value} percentage points"
    return f"{value}倍" if lang == "zh" else f"{value} times"


def _en_ordinal(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def render_date(date: DateValue, lang: str) -> str:
    """2025-09-26 → 'September 26, 2025' or '2025年9月26日'; partial dates render partially."""
    text = _render_single_date(date, lang)
    if date.end is not None:
        separator = " to " if lang == "en" else "至"
        text += separator + _render_single_date(date.end, lang)
    return text


def _render_single_date(date: DateValue, lang: str) -> str:
    if lang == "zh":
        return _render_zh_date(date)
    parts: list[str] = []
    if date.month and date.day:
        parts.append(f"{EN_MONTHS[date.month - 1]} {date.day}")
    elif date.month:
        parts.append(EN_MONTHS[date.month - 1])
    elif date.day:
        parts.append(f"the {_en_ordinal(date.day)}")
    if date.year:
        parts.append(("," if date.day and date.month else "") + f" {date.year}")
    if date.decade:
        parts.append(f"the {date.decade}s")
    if date.quarter:
        parts.append(f"Q{date.quarter}")
    if date.hour is not None:
        minute = date.minute or 0
        parts.append(f"{date.hour:02d}:{minute:02d}")
    return "".join(parts).strip() if date.year and date.month else " ".join(parts).strip()


def _render_zh_date(date: DateValue) -> str:
    text = ""
    if date.year:
        text += f"{date.year}年"
    if date.month:
        text += f"{date.month}月"
    if date.day:
        text += f"{date.day}日"
    if date.decade:
        text += f"{date.decade}年代"
    if date.quarter:
        text += f"第{date.quarter}季度"
    if date.hour is not None:
        text += f"{date.hour}时" + (f"{date.minute}分" if date.minute else "")
    return text
