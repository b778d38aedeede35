"""Table-driven tests of the Chinese number and date grammar.

Each case is (text, expected facts). An expected fact names only the attributes that matter
for the case; ``check_extraction`` compares those and nothing else. Extracted soft quantities
(一个, 两国) that a case does not mention are ignored; every other extracted fact must be
expected. The helpers here are shared by tests/test_grammar_en.py and test_grammar_traps.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pytest

from checker.extract import extract_facts
from checker.model import DateValue, Quantity

# ---------------------------------------------------------------- helpers


@dataclass(frozen=True)
class Q:
    """An expected quantity; None means "not checked" (``high`` defaults to ``low``)."""

    kind: str
    low: float
    high: float | None = None
    unit: str | None = None
    currency: str | None = None
    is_range: bool | None = None
    vague: bool | None = None
    approx: bool | None = None
    soft: bool | None = None
    ambiguous: bool | None = None
    text: str | None = None  # the span's surface, when the span itself is under test


_QUANTITY_FLAGS = ("unit", "currency", "is_range", "vague", "approx", "soft", "ambiguous")


@dataclass(frozen=True)
class D:
    """An expected date: the given parts must be exactly the extracted parts."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    decade: int | None = None
    quarter: int | None = None
    hour: int | None = None
    minute: int | None = None
    end: D | None = None
    relative_year: int | None = None
    relative_month: int | None = None
    hour_12: bool | None = None
    text: str | None = None

    def parts(self) -> dict[str, int]:
        names = ("year", "month", "day", "decade", "quarter", "hour", "minute")
        return {n: getattr(self, n) for n in names if getattr(self, n) is not None}


Expected = Q | D
Fact = Quantity | DateValue


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def quantity_matches(expected: Q, actual: Quantity) -> bool:
    if actual.kind.value != expected.kind or not _close(actual.low, expected.low):
        return False
    high = expected.low if expected.high is None else expected.high
    if not _close(actual.high, high):
        return False
    if expected.text is not None and actual.span.text != expected.text:
        return False
    return all(
        getattr(expected, name) is None or getattr(expected, name) == getattr(actual, name)
        for name in _QUANTITY_FLAGS
    )


def date_matches(expected: D, actual: DateValue) -> bool:
    if actual.parts() != expected.parts():
        return False
    if expected.text is not None and actual.span.text != expected.text:
        return False
    if expected.relative_year is not None and actual.relative_year != expected.relative_year:
        return False
    if actual.relative_month != expected.relative_month:
        return False
    if expected.hour_12 is not None and actual.hour_12 != expected.hour_12:
        return False
    if expected.end is None:
        return actual.end is None
    return actual.end is not None and date_matches(expected.end, actual.end)


def fact_matches(expected: Expected, actual: Fact) -> bool:
    if isinstance(expected, Q):
        return isinstance(actual, Quantity) and quantity_matches(expected, actual)
    return isinstance(actual, DateValue) and date_matches(expected, actual)


def describe(fact: Fact) -> str:
    if isinstance(fact, Quantity):
        flags = [n for n in _QUANTITY_FLAGS[2:] if getattr(fact, n)]
        return (f"Q({fact.kind.value} {fact.low:g}..{fact.high:g} unit={fact.unit} "
                f"cur={fact.currency} {' '.join(flags)} [{fact.span.text}])")
    end = f" end={fact.end.parts()}" if fact.end else ""
    return f"D({fact.parts()} rel={fact.relative_year}{end} [{fact.span.text}])"


def check_extraction(text: str, lang: str, expected: list[Expected]) -> None:
    """Every expected fact is extracted, in order; nothing else but soft quantities is."""
    facts = extract_facts(text, lang)
    actual: list[Fact] = sorted([*facts.quantities, *facts.dates], key=lambda f: f.span.start)
    remaining = list(actual)
    for item in expected:
        partner = next((f for f in remaining if fact_matches(item, f)), None)
        assert partner is not None, f"{text!r}: no {item} in {[describe(f) for f in actual]}"
        remaining.remove(partner)
    unexpected = [f for f in remaining if not (isinstance(f, Quantity) and f.soft)]
    assert not unexpected, f"{text!r}: unexpected {[describe(f) for f in unexpected]}"


def case_id(case: tuple) -> str:
    return case[0][:30]


# ---------------------------------------------------------------- the cases

DIGITS = [
    ("共有45人参加", [Q("number", 45)]),
    ("增长４５％", [Q("percent", 45)]),
    ("全年接待１２３４５人次", [Q("number", 12345)]),
    ("员工1,234名", [Q("number", 1234)]),
    ("员工１，２３４名", [Q("number", 1234)]),
    ("员工1 234名", [Q("number", 1234)]),
    ("身高1.85米", [Q("number", 1.85, unit="m")]),
    ("气温降至-5℃", [Q("number", -5, unit="degC")]),
    ("气温低至零下12摄氏度", [Q("number", -12, unit="degC")]),
    ("增速为-2.3%", [Q("percent", -2.3)]),
]

ZH_NUMERALS = [
    ("一千六百人", [Q("number", 1600)]),
    ("两千名志愿者", [Q("number", 2000)]),
    ("十五个省份", [Q("number", 15)]),
    ("一百零五名", [Q("number", 105)]),
    ("三万五千人", [Q("number", 35000)]),
    ("两千五百万元", [Q("number", 2.5e7, currency="CNY")]),
    ("二〇二五年", [D(year=2025)]),
    ("利率下调零点五个百分点", [Q("points", 0.5)]),
    ("1600亿元", [Q("number", 1.6e11, currency="CNY")]),
    ("4.6万亿元", [Q("number", 4.6e12, currency="CNY")]),
    ("1.2万人", [Q("number", 12000)]),
    ("3千台", [Q("number", 3000)]),
    ("5千万元", [Q("number", 5e7, currency="CNY")]),
    ("3百万人", [Q("number", 3e6)]),
    ("近百万人", [Q("number", 1e6, approx=True)]),
    ("45億美元", [Q("number", 4.5e9, currency="USD")]),
    ("3萬人", [Q("number", 30000)]),
    ("1015036亿元", [Q("number", 1.015036e14, currency="CNY")]),
    ("9000多万党员", [Q("number", 9e7, approx=True)]),
    ("1300余万元", [Q("number", 1.3e7, currency="CNY", approx=True)]),
    ("十余家上市公司", [Q("number", 10, approx=True)]),
    ("近千人", [Q("number", 1000, approx=True, soft=False)]),
    ("百年未有之大变局", [Q("number", 100, unit="year", soft=True)]),
    ("250余万千瓦", [Q("number", 2.5e6, unit="kW", approx=True)]),
]

PERCENTAGES = [
    ("增长5%", [Q("percent", 5)]),
    ("百分之五", [Q("percent", 5)]),
    ("百分之5.2", [Q("percent", 5.2)]),
    ("上升0.1个百分点", [Q("points", 0.1)]),
    ("下降0.3百分点", [Q("points", 0.3)]),
    ("三成", [Q("percent", 30)]),
    ("近九成受访者", [Q("percent", 90, approx=True, text="九成")]),
    ("6成是男性", [Q("percent", 60)]),
    ("千分之三", [Q("percent", 0.3)]),
    ("约5%", [Q("percent", 5, approx=True, text="5%")]),
    ("15%-30%左右", [Q("percent", 15, 30, is_range=True)]),
    ("80％至90％", [Q("percent", 80, 90, is_range=True)]),
]

FRACTIONS_AND_MULTIPLES = [
    ("四分之一", [Q("number", 0.25)]),
    ("三分之二", [Q("number", 2 / 3)]),
    ("一半以上", [Q("number", 0.5, soft=True)]),
    ("是去年的两倍", [Q("multiple", 2)]),
    ("产量翻一番", [Q("multiple", 2)]),
    ("收入翻两番", [Q("multiple", 4)]),
    ("是对手的1.5倍", [Q("multiple", 1.5)]),
    ("出口增长三倍", [Q("multiple", 3, 4, ambiguous=True)]),
]

RANGES = [
    ("两到三年", [Q("number", 2, 3, unit="year", is_range=True)]),
    ("18至25岁", [Q("number", 18, 25, unit="age", is_range=True)]),
    ("12月3日至5日", [D(month=12, day=3, end=D(day=5))]),
    ("3-5人", [Q("number", 3, 5, is_range=True)]),
    ("3000万至5000万元", [Q("number", 3e7, 5e7, currency="CNY", is_range=True)]),
    ("3000至5000万元", [Q("number", 3e7, 5e7, currency="CNY", is_range=True)]),
    ("1.5升至2升", [Q("number", 1.5, 2, unit="L", is_range=True)]),
    ("150毫升至200毫升", [Q("number", 150, 200, unit="ml", is_range=True)]),
    ("几个人", [Q("number", 2, 9, vague=True)]),
    ("数百人", [Q("number", 200, 900, vague=True)]),
    ("十几个国家", [Q("number", 11, 19, vague=True)]),
    ("几十亿美元", [Q("number", 2e9, 9e9, vague=True, currency="USD")]),
    ("两三天", [Q("number", 2, 3, unit="day", vague=True)]),
    ("近几十年", [Q("number", 20, 90, unit="year", vague=True, text="几十年")]),
    ("约3倍", [Q("multiple", 3, approx=True, text="3倍")]),
    ("过去几十年", [Q("number", 20, 90, unit="year", vague=True)]),
    ("上百万人", [Q("number", 1e6, 9.99e6, vague=True)]),
    ("亿万人民", [Q("number", 1e8, 9_999_999_999, vague=True)]),
    ("3年至5年", [Q("number", 3, 5, unit="year", is_range=True)]),
    ("3万元至5万元", [Q("number", 3e4, 5e4, currency="CNY", is_range=True)]),
]

MONEY = [
    ("45亿美元", [Q("number", 4.5e9, currency="USD")]),
    ("100元", [Q("number", 100, currency="CNY")]),
    ("人民币500万元", [Q("number", 5e6, currency="CNY", text="人民币500万元")]),
    ("人民币300亿", [Q("number", 3e10, currency="CNY")]),
    ("60亿港元", [Q("number", 6e9, currency="HKD")]),
    ("200欧元", [Q("number", 200, currency="EUR")]),
    ("5000日元", [Q("number", 5000, currency="JPY")]),
    ("售价¥200", [Q("number", 200, currency="CNY", text="¥200")]),
    ("售价$100", [Q("number", 100, currency="USD")]),
    ("融资US$5亿", [Q("number", 5e8, currency="USD")]),
    ("票价HK$100", [Q("number", 100, currency="HKD")]),
    ("融资RMB 100亿", [Q("number", 1e10, currency="CNY")]),
    ("融资CNY 100亿", [Q("number", 1e10, currency="CNY")]),
    ("融资USD 5亿", [Q("number", 5e8, currency="USD")]),
    ("融资100亿元人民币", [Q("number", 1e10, currency="CNY")]),
    ("融资5亿 USD", [Q("number", 5e8, currency="USD")]),
    ("售价100 yuan", [Q("number", 100, currency="CNY")]),
]

UNITS = [
    ("100公里", [Q("number", 100, unit="km")]),
    ("5千米", [Q("number", 5, unit="km")]),
    ("30吨", [Q("number", 30, unit="t")]),
    ("3小时", [Q("number", 3, unit="h")]),
    ("45分钟", [Q("number", 45, unit="min")]),
    ("25岁", [Q("number", 25, unit="age")]),
    ("5000毫安时", [Q("number", 5000, unit="mAh")]),
    ("65瓦快充", [Q("number", 65, unit="W")]),
    ("256GB存储", [Q("number", 256, unit="GB")]),
    ("10千瓦", [Q("number", 10, unit="kW")]),
    ("3.5平方公里", [Q("number", 3.5, unit="km2")]),
    ("时速达到145公里", [Q("number", 145, unit="km/h")]),
    ("十年", [Q("number", 10, unit="year")]),
    ("万亩良田", [Q("number", 10000, unit="mu")]),
    ("发电700多万度", [Q("number", 7e6, unit="kWh", approx=True)]),
    ("建国70周年", [Q("number", 70, unit="year")]),
    ("半个世纪", [Q("number", 50, unit="year", soft=True)]),
    ("喝2升水", [Q("number", 2, unit="L")]),
    ("由5升至8", [Q("number", 5), Q("number", 8)]),
]

DATES = [
    ("2025年10月27日", [D(year=2025, month=10, day=27)]),
    ("10月27日", [D(month=10, day=27)]),
    ("27日", [D(day=27)]),
    ("今年4月", [D(month=4, relative_year=0)]),
    ("去年12月", [D(month=12, relative_year=-1)]),
    ("上世纪90年代", [D(decade=1990)]),
    ("上世纪八十年代", [D(decade=1980)]),
    ("第三季度", [D(quarter=3)]),
    ("前三季度", [D(quarter=1, end=D(quarter=3))]),
    ("下午3点", [D(hour=15)]),
    ("15时30分", [D(hour=15, minute=30)]),
    ("晚上8点半", [D(hour=20, minute=30)]),
    ("8点开会", [D(hour=8, hour_12=True)]),
    ("2019年至2021年", [D(year=2019, end=D(year=2021))]),
    ("10月至12月", [D(month=10, end=D(month=12))]),
    ("2020 年7月27日", [D(year=2020, month=7, day=27)]),
    ("2020-07-26 05:03:17", [D(year=2020, month=7, day=26), D(hour=5, minute=3)]),
    ("2019-2020赛季", [D(year=2019, end=D(year=2020))]),
    ("24日报道", [D(day=24)]),
    ("截至25日24时", [D(day=25), D(hour=0)]),
    ("90后", [D(decade=1990)]),
    ("八零后", [D(decade=1980)]),
    ("00后", [D(decade=2000)]),
    ("25、26日", [D(day=25), D(day=26)]),
    ("2020/7/26", [D(year=2020, month=7, day=26)]),
]

SCORES = [
    ("以6比3获胜", [Q("score", 6, 3)]),
    ("1比2告负", [Q("score", 1, 2)]),
    ("跻身32强", [Q("number", 32)]),
]

# Durations that look like dates: 7日年化 is a seven-day yield, not the 7th.
DURATIONS = [
    ("7日年化收益率", [Q("number", 7, unit="day")]),
    ("近7日", [Q("number", 7, unit="day", text="7日")]),
    ("半年", [Q("number", 0.5, unit="year", soft=True)]),
    ("二日游", [Q("number", 2, unit="day", soft=True)]),
]

# Traditional characters, the Republic of China calendar, BC years, fiscal years, compound
# durations, prices per area, and the regional meaning of a bare 元.
REGIONAL_AND_COMPOUND = [
    ("新臺幣1億2000萬元", [Q("number", 1.2e8, currency="YUAN")]),
    ("罰款500萬元", [Q("number", 5e6, currency="YUAN")]),
    ("成交额2316.5亿元", [Q("number", 2.3165e11, currency="CNY")]),
    ("民國111年3月", [D(year=2022, month=3)]),
    ("111年3月起", [D(year=2022, month=3)]),
    ("公元前353年", [D(year=-353)]),
    ("2025至26年度", [D(year=2025, end=D(year=2026))]),
    ("2024-25财政年度", [D(year=2024, end=D(year=2025))]),
    ("以2小时07分18秒夺冠", [Q("number", 7638, unit="s")]),
    ("配速3分05秒", [Q("number", 185, unit="s")]),
    ("历时2小时41分钟", [Q("number", 9660, unit="s")]),
    ("均价3458元/平方米", [Q("number", 3458, unit="per_m2", currency="CNY")]),
    ("原油5.53亿吨", [Q("number", 5.53e8, unit="t")]),
    ("增长2%至3%", [Q("percent", 2, 3, is_range=True)]),
    ("经碳十四测年", []),
    ("沪深300指数上涨1.3%", [Q("percent", 1.3)]),
    ("直径达4cm", [Q("number", 4, unit="cm")]),
    ("最大吞吐量可达600Mbit/s", [Q("number", 600, unit="Mbps")]),
    ("1—11月，汽车出口534.8万辆", [D(month=1, end=D(month=11)), Q("number", 5.348e6)]),
    ("今年1—10月", [D(month=1, end=D(month=10), relative_year=0)]),
    ("前10个月", [D(month=1, end=D(month=10))]),
    ("一二月份物流延时", [D(month=1, end=D(month=2))]),
    ("海地自19世纪初以来", [D(decade=1800)]),
    ("降水偏少六至八成", [Q("percent", 60, 80, is_range=True)]),
    ("豪取五连胜", [Q("ordinal", 5)]),
    ("享受九折优惠", [Q("percent", 10)]),
    ("全场八五折", [Q("percent", 15)]),
    ("0.5至10千电子伏特能段", [Q("number", 0.5, 10, unit="keV", is_range=True)]),
    ("地铁30号线一期", []),
    ("下午3時40分三讀通過", [D(hour=15, minute=40)]),
    ("7月17和7月22日", [D(month=7, day=17), D(month=7, day=22)]),
    ("增速比上月末低0.2个百分点", [D(relative_month=-1), Q("points", 0.2)]),
    ("6月龄以上", [Q("number", 6, unit="month")]),
    ("较上一季度下降37.6%", [Q("percent", 37.6)]),
    ("约三成本科毕业生", [Q("percent", 30, approx=True)]),
    ("为历史同期的2至3倍", [Q("multiple", 2, 3, is_range=True)]),
    ("百日冲刺行动", [Q("number", 100, unit="day")]),
    ("男女性别比为1.43:1", [Q("score", 1.43, 1)]),
    ("新元兑令吉汇率约为1比3.31", [Q("score", 1, 3.31)]),
    ("2024财政年的预算盈余", [D(year=2024)]),
    ("投资额约为456亿令吉", [Q("number", 4.56e10, currency="MYR", approx=True)]),
    ("补贴4万新元", [Q("number", 4e4, currency="SGD")]),
    ("苏炳添以9秒97夺冠", [Q("number", 9.97, unit="s")]),
    ("铅球成绩19米58", [Q("number", 19.58, unit="m")]),
    ("1分45秒32", [Q("number", 105.32, unit="s")]),
    ("每公斤20.84元", [Q("number", 20.84, unit="per_kg", currency="CNY")]),
    ("苹果5.6元/斤", [Q("number", 5.6, unit="per_jin", currency="CNY")]),
    ("實用面積812平方呎", [Q("number", 812, unit="sqft")]),
    ("每次100毫克", [Q("number", 100, unit="mg")]),
    ("新臺幣3兆355億元", [Q("number", 3.0355e12, currency="YUAN")]),
    ("802.11n标准", []),
]

ALL_CASES = (DIGITS + ZH_NUMERALS + PERCENTAGES + FRACTIONS_AND_MULTIPLES + RANGES + MONEY
             + UNITS + DATES + SCORES + DURATIONS + REGIONAL_AND_COMPOUND)


@pytest.mark.parametrize(("text", "expected"), ALL_CASES, ids=[case_id(c) for c in ALL_CASES])
def test_zh_grammar(text: str, expected: list[Expected]) -> None:
    check_extraction(text, "zh", expected)


def test_spans_point_into_the_document() -> None:
    facts = extract_facts("营收约45亿美元。", "zh", offset=100)
    (quantity,) = facts.quantities
    assert (quantity.span.start, quantity.span.text) == (103, "45亿美元")
