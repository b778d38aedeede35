"""Reading numerals: Chinese (一千六百, 4.6万亿, 二〇二五), Arabic (1,234), English words."""

from __future__ import annotations

import math
import re
from functools import lru_cache

FULLWIDTH = str.maketrans("０１２３４５６７８９．，％：", "0123456789.,%:")

# Traditional characters the number grammar reads, folded to Simplified one for one so that
# 億, 萬, 兩, 個, 點, 歲, 噸, 新臺幣, 民國 and 世紀 read like their Simplified forms.
_TRADITIONAL = (
    "億萬兩個點噸時鐘歲歐鎊幣臺圓國紀屆項輛張頭隻條號週區約過餘來數幾單額與從達減漲長費價"
    "釐畝攝後強場類種層級筆門隊對盤會團規劃際訊電視機網線車輪貨銀務業與產區縣鄉鎮億萬"
    "實總統開關發現將進東華灣間裡為這這樣麼會當應經濟貿營運輸鐵陸參賽奪冠軍"
)
_SIMPLIFIED = (
    "亿万两个点吨时钟岁欧镑币台元国纪届项辆张头只条号周区约过余来数几单额与从达减涨长费价"
    "厘亩摄后强场类种层级笔门队对盘会团规划际讯电视机网线车轮货银务业与产区县乡镇亿万"
    "实总统开关发现将进东华湾间里为这这样么会当应经济贸营运输铁陆参赛夺冠军"
)
TRADITIONAL_TO_SIMPLIFIED = str.maketrans(_TRADITIONAL, _SIMPLIFIED)

# The financial forms (壹, 陆, 拾 …) are left out on purpose: in running text 大陆, 收拾 and
# 肆虐 are far more common than a cheque amount.
ZH_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
ZH_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
# 兆 is 10^12 in Taiwan and in finance (新臺幣3兆355億元 = NT$3.0355 trillion)
ZH_BIG_UNITS = {
    "万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000,
    "兆": 1_000_000_000_000,
}  # fmt: skip

_ARABIC = re.compile(r"\d+(?:\.\d+)?")


def normalize_digits(text: str) -> str:
    """Full-width digits and punctuation to ASCII; same length, so offsets survive."""
    return text.translate(FULLWIDTH)


@lru_cache(maxsize=65536)
def normalize_chinese(text: str) -> str:
    """normalize_digits, plus Traditional characters folded to Simplified (same length).
    Cached: the extractors ask about the same short runs again and again."""
    return text.translate(FULLWIDTH).translate(TRADITIONAL_TO_SIMPLIFIED)


def significant_digits(value: float) -> int:
    """Digits of a value without leading or trailing zeros: 1.6e11 → 2, 1015036e8 → 7."""
    if value == 0 or not math.isfinite(value):
        return 1
    digits = f"{abs(value):.12e}".split("e")[0].replace(".", "").rstrip("0")
    return max(1, len(digits))


def parse_arabic(text: str) -> float:
    """'1,234.5' / '1，234' / '1 234' → 1234.5 (the caller has checked the shape)."""
    cleaned = re.sub(r"[,，\s\u00a0\u202f]", "", normalize_digits(text))
    return float(cleaned)


def parse_zh_number(text: str) -> float | None:
    """Value of a Chinese or mixed numeral: 一千六百, 两千, 1600亿, 4.6万亿, 3亿5000万, 二〇二五.

    Returns None when the text is not a well-formed numeral.
    """
    text = normalize_digits(text).replace(",", "")
    if not text:
        return None
    if "点" in text:
        return _parse_zh_decimal(text)
    if not any(c in ZH_SMALL_UNITS or c in ZH_BIG_UNITS for c in text):
        return _parse_digit_sequence(text)
    return _parse_with_units(text)


def _parse_zh_decimal(text: str) -> float | None:
    whole, _, frac = text.partition("点")
    whole_value = parse_zh_number(whole) if whole else 0.0
    frac_digits = [ZH_DIGITS.get(c) for c in frac]
    if whole_value is None or not frac_digits or None in frac_digits:
        return None
    return whole_value + float("0." + "".join(str(d) for d in frac_digits))


def _parse_digit_sequence(text: str) -> float | None:
    """二〇二五 → 2025, 45 → 45, 4.5 → 4.5 (no 十/百/千/万/亿 in it)."""
    if _ARABIC.fullmatch(text):
        return float(text)
    digits = [ZH_DIGITS.get(c) for c in text]
    if None in digits:
        return None
    return float("".join(str(d) for d in digits))


def _parse_with_units(text: str) -> float | None:
    total = 0.0  # completed 兆/亿/万 groups
    section = 0.0  # the part below 万 being built
    current: float | None = None  # the last digit or Arabic number read
    last_big = 0.0  # the big unit applied last
    i = 0
    while i < len(text):
        match = _ARABIC.match(text, i)
        if match:
            current = float(match.group())
            i = match.end()
            continue
        char = text[i]
        if char in ZH_DIGITS:
            current = float(ZH_DIGITS[char])
        elif char in ZH_SMALL_UNITS:
            section += (1.0 if current is None else current) * ZH_SMALL_UNITS[char]
            current = None
        elif char in ZH_BIG_UNITS:
            unit = ZH_BIG_UNITS[char]
            group = section + (current or 0.0)
            if last_big and unit > last_big:  # 4.6万亿: a larger unit multiplies all before it
                total = (total + group) * unit
            else:  # 3亿5000万, 3兆355億: a smaller unit scales only its own group
                total += (group or 1.0) * unit
            last_big = unit
            section, current = 0.0, None
        else:
            return None
        i += 1
    tail = current or 0.0
    # 两千五 = 2500, 三万五 = 35000: a lone digit after a unit counts one step below it
    unit_before = text[-2] if len(text) >= 2 and text[-1] in ZH_DIGITS else ""
    step = ZH_SMALL_UNITS.get(unit_before) or ZH_BIG_UNITS.get(unit_before)
    if current is not None and step:
        tail = current * step / 10
    return total + section + tail


# ---------------------------------------------------------------- English number words

EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
EN_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}  # fmt: skip
EN_SCALE_ABBREVIATIONS = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
    "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}  # fmt: skip
EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip


def parse_en_words(words: list[str]) -> float | None:
    """['one', 'hundred', 'and', 'five'] → 105; ['twenty-five'] → 25; ['a', 'million'] → 1e6."""
    parts: list[str] = []
    for word in words:
        parts.extend(p for p in word.lower().split("-") if p)
    total, current, seen = 0.0, 0.0, False
    for part in parts:
        if part in ("and",):
            continue
        if part in ("a", "an"):
            current, seen = 1.0, True
        elif part in EN_UNITS:
            current += EN_UNITS[part]
            seen = True
        elif part in EN_TENS:
            current += EN_TENS[part]
            seen = True
        elif part == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif part in EN_SCALES:
            total += (current or 1.0) * EN_SCALES[part]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None
