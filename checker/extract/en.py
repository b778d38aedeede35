"""The English number and date grammar.

Reads $4.5 billion, 101.5 trillion yuan, half a million, twenty-five, 30%, 0.1 percentage points,
two-thirds, doubled, 1.5 times, two to three years, aged 18 to 25, hundreds, September 26,
December 3 to 5, October to December, the 1990s, post-90s, Q3, 3 p.m., 15:30, three decades …
into the same normalised facts as the Chinese grammar, and leaves alone numerals in names (G20,
H20, COVID-19, iPhone 15 Pro, the 14th Five-Year Plan's "Five").
"""

from __future__ import annotations

import re
from dataclasses import replace

from checker.extract.base import PRODUCT_NAMES, Claims
from checker.extract.numerals import (
    EN_ORDINALS,
    EN_SCALE_ABBREVIATIONS,
    EN_SCALES,
    EN_TENS,
    EN_UNITS,
    parse_arabic,
    parse_en_words,
    significant_digits,
)
from checker.extract.vocab import CURRENCY_CODE_PATTERN, SOFT_ORDINAL_MAX, convert
from checker.model import DateValue, Quantity, QuantityKind, SentenceFacts

# ---------------------------------------------------------------- vocabulary

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|"
    r"Dec\.?)"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_TO = r"\s*(?:-|–|—|to|through|until|till)\s*"
_RELATIVE = r"(?:,?\s+(?P<rel>this|last|next)\s+year)"

CURRENCY_WORDS = {
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY", "us dollars": "USD",
    "u.s. dollars": "USD", "dollars": "DOLLAR", "dollar": "DOLLAR", "usd": "USD",
    "hong kong dollars": "HKD", "hk dollars": "HKD", "hkd": "HKD", "euros": "EUR",
    "euro": "EUR", "eur": "EUR", "yen": "JPY", "jpy": "JPY", "pounds sterling": "GBP",
    "pounds": "GBP", "sterling": "GBP", "gbp": "GBP", "won": "KRW",
    "new taiwan dollars": "TWD", "taiwan dollars": "TWD", "singapore dollars": "SGD",
    "australian dollars": "AUD", "canadian dollars": "CAD",
}  # fmt: skip
CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "HK$": "HKD", "NT$": "TWD", "S$": "SGD", "A$": "AUD",
    "C$": "CAD", "$": "DOLLAR", "€": "EUR", "£": "GBP", "¥": "YEN_OR_YUAN", "￥": "CNY",
    "RMB": "CNY", "CNY": "CNY", "USD": "USD", "HKD": "HKD", "EUR": "EUR", "JPY": "JPY",
    "GBP": "GBP", "RM": "MYR", "MYR": "MYR", "SGD": "SGD", "KRW": "KRW", "₩": "KRW",
    "THB": "THB", "INR": "INR", "₹": "INR", "MOP": "MOP",
}  # fmt: skip
UNITS = {
    "square kilometres": "km2", "square kilometers": "km2", "square km": "km2", "sq km": "km2",
    "km2": "km2", "square metres": "m2", "square meters": "m2", "square miles": "sqmile",
    "kilometres per hour": "km/h", "kilometers per hour": "km/h", "km/h": "km/h", "kph": "km/h",
    "miles per hour": "mph", "km per hour": "km/h", "km an hour": "km/h",
    "kilometres an hour": "km/h", "kilometers an hour": "km/h", "mph": "mph", "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km", "kilometer": "km", "km": "km", "centimetres": "cm", "centimeters": "cm",
    "cm": "cm", "millimetres": "mm", "millimeters": "mm", "mm": "mm", "nanometres": "nm",
    "nanometers": "nm", "nanometre": "nm", "nanometer": "nm", "nm": "nm", "microns": "um",
    "micron": "um", "micrometres": "um", "micrometers": "um", "μm": "um", "miles": "mile",
    "mile": "mile", "inches": "inch", "inch": "inch", "in.": "inch", "feet": "foot",
    "foot": "foot", "ft": "foot", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "m": "m", "tonnes": "t", "tons": "t", "tonne": "t", "ton": "t", "kilograms": "kg",
    "kilogram": "kg", "kg": "kg", "grams": "g", "gram": "g", "g": "g", "jin": "jin",
    "milligrams": "mg", "milligram": "mg", "mg": "mg", "square feet": "sqft",
    "square foot": "sqft", "sq ft": "sqft", "square-foot": "sqft", "square-feet": "sqft",
    "square meter": "m2", "square metre": "m2", "square-meter": "m2", "square-metre": "m2",
    "barrels": "barrel", "barrel": "barrel", "lbs": "lb", "lb": "lb",
    "acres": "acre", "acre": "acre",
    "degrees fahrenheit": "degF", "°f": "degF", "fahrenheit": "degF", "hectares": "ha",
    "hectare": "ha", "mu": "mu", "hours": "h",
    "hour": "h", "hrs": "h", "minutes": "min", "minute": "min", "mins": "min", "min": "min",
    "seconds": "s", "second": "s", "secs": "s", "days": "day", "day": "day", "weeks": "week",
    "week": "week", "months": "month", "month": "month", "years old": "age",
    "year olds": "age", "year-olds": "age", "year-old": "age", "years of age": "age",
    "years": "year", "year": "year", "mah": "mAh", "milliampere-hours": "mAh",
    "kilowatt-hours": "kWh", "kilowatt hours": "kWh", "kwh": "kWh", "kilowatts": "kW",
    "kilowatt": "kW", "kw": "kW", "megawatts": "MW", "megawatt": "MW", "mw": "MW",
    "gigawatts": "GW", "gigawatt": "GW", "megawatt-hours": "MWh", "megawatt hours": "MWh",
    "mwh": "MWh", "gigawatt-hours": "GWh", "gigawatt hours": "GWh", "gwh": "GWh",
    "terawatt-hours": "TWh", "terawatt hours": "TWh", "twh": "TWh",
    "gw": "GW", "watts": "W", "watt": "W", "w": "W", "gb": "GB", "gigabytes": "GB",
    "tb": "TB", "terabytes": "TB", "mb": "MB", "megabytes": "MB", "degrees celsius": "degC",
    "degrees": "degC", "°c": "degC",
    "kev": "keV", "mev": "MeV", "ev": "eV", "mbit/s": "Mbps", "mbps": "Mbps", "gbit/s": "Gbps",
    "gbps": "Gbps", "kbps": "kbps", "ghz": "GHz", "mhz": "MHz", "megapixels": "mp",
    "megapixel": "mp", "mp": "mp", "basis points": "bp", "basis point": "bp", "bps": "bp",
    "basis-point": "bp", "basis-points": "bp",
    "litres": "L", "liters": "L", "litre": "L", "liter": "L", "l": "L", "millilitres": "ml",
    "milliliters": "ml", "ml": "ml", "decades": "decade", "decade": "decade",
}  # fmt: skip
# "three decades" is thirty years: the unit word scales the number.
_UNIT_SCALES = {"decade": ("year", 10.0)}
# Units a lone letter could also be a word for ("m" in "$4.5m" is million, "in" a preposition):
# these only count when glued to the number or after a hyphen.
_GLUED_ONLY_UNITS = {"m", "g", "in.", "mp", "s", "l"}

APPROX = (
    r"(?:about|around|approximately|roughly|nearly|almost|close\s+to|more\s+than|over|above|"
    r"under|below|less\s+than|fewer\s+than|at\s+least|up\s+to|some|an\s+estimated|"
    r"upwards\s+of|in\s+excess\s+of|just\s+over|just\s+under|exceeding|over\s+a|nearly\s+a|"
    r"well\s+over|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|no\s+fewer\s+than|"
    r"no\s+less\s+than|at\s+most|some|approx\.)"
)

_UNIT19 = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_WORD = rf"(?:{_UNIT19}|{_TENS})"
_SMALL = rf"(?:{_TENS}(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b)?|{_UNIT19})"
_GROUP = rf"(?:{_SMALL}(?:\s+hundred(?:\s+(?:and\s+)?{_SMALL})?)?)"
_BIG = r"(?:thousand|million|billion|trillion)"
# "twenty-five", "one hundred and five", "two million three hundred thousand", "a billion";
# never two bare numerals in a row ("two three-year terms" is two numbers).
WORD_NUMBER = (
    rf"(?:(?:a|an)\s+(?:hundred|{_BIG})\b|{_GROUP}\b(?:\s+{_BIG}\b(?:,?\s+(?:and\s+)?{_GROUP}\b"
    rf"(?:\s+{_BIG}\b)?)*)?)"
)
# 1,234 / 1 234 (thin or plain space between groups of three) / 1234.5
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+)(?:\.\d+)?"
SCALE = r"(?:[\s-]*(?:hundred|thousand|million|billion|trillion)\b|(?:bn|mn|mln|tn|trn|k|m|b)\b)"
NUMBER = (
    rf"(?:(?P<digits>{DIGITS})(?P<scale>{SCALE})?"
    r"|(?P<half>half\s+a\s+(?:million|billion|trillion|dozen))|(?P<dozen>a\s+dozen)"
    rf"|(?P<words>{WORD_NUMBER}))"
)

_UNIT_ALTERNATION = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
_CURRENCY_WORD_ALTERNATION = "|".join(
    sorted(map(re.escape, CURRENCY_WORDS), key=len, reverse=True)
)
_CURRENCY_SYMBOL_ALTERNATION = "|".join(
    sorted(map(re.escape, CURRENCY_SYMBOLS), key=len, reverse=True)
)

NOT_NUMBERS = re.compile(
    r"\b(?:Five-Year\s+Plans?|one\s+another|no\s+one|one\s+of\s+(?:the|its|his|her|their|our|"
    r"those|these|them|us)|(?-i:G\d+|[A-Z]+-\d+)|at\s+times|one\s+day|one-off|one-time|one-on-one|"
    # 上半年 is a period, not 0.5; "type 2 diabetes" (2型) names a kind
    r"one-stop|once|(?:first|second|latter|former)\s+half|type\s+\d{1,2}|"
    r"(?:per|every|each|a\s+split)\s+second|"  # a unit of time, not the ordinal
    r"Double\s+(?:11|Eleven|12)|"  # 双11, the shopping festival
    r"(?:in|out\s+of|for)\s+every\s+(?:1,000|1000|10,000|100,000|100|thousand)|"
    r"24-hour(?=\s+[a-z])|24/7|"  # 24小时巡查 ↔ "24-hour patrols", "around the clock"
    r"Group\s+of\s+(?:Seven|Twenty|Eight)|double-digit|"
    r"triple-digit|single-digit|one\s+country,?\s+two\s+systems|Formula\s+One|"
    r"Big\s+Four|Big\s+Three|seventh\s+heaven|(?-i:[248]K)|"
    r"per\s+(?:1,000|1000|10,000|100,000|1,000,000|thousand|hundred\s+thousand|million|"
    r"hundred)(?:\s+(?:people|residents|population|live\s+births|inhabitants))?|"
    rf"(?-i:(?!(?:{CURRENCY_CODE_PATTERN}|FY)(?:\b|\d))[A-Z]{{2,}}\s?\d+(?:\.\d+)?))\b",
    re.IGNORECASE,
)
_LATIN_TOKEN = re.compile(r"\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]+(?:-[A-Za-z\d]+)*\b")

# ---------------------------------------------------------------- dates and times

# the second day of a range is not a clock time: "from 8 a.m. on September 24 to 8 a.m."
_NOT_CLOCK = r"(?!\s*(?:a\.?m\b|p\.?m\b|o'clock|:\d|\.\d|%))"
DATE_MONTH_DAY = re.compile(
    rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b"
    rf"(?:{_TO}(?:(?P<month2>{_MONTH})\s+)?(?P<day2>{_DAY})\b{_NOT_CLOCK}"
    rf"|\s+and\s+(?P<day3>{_DAY})\b{_NOT_CLOCK})?"
    rf"(?:,?\s+(?P<year>{_YEAR})\b)?{_RELATIVE}?"
)
DATE_DAY_MONTH = re.compile(
    rf"\b(?:the\s+)?(?P<day>{_DAY})(?:{_TO}(?P<day2>{_DAY}))?(?:\s+of)?\s+(?P<month>{_MONTH})\b"
    rf"(?:,?\s+(?P<year>{_YEAR})\b)?{_RELATIVE}?"
)
DATE_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})(?:\s+of)?,?\s+(?P<year>{_YEAR})\b")
# "May" and "March" are also words: as bare months they need a lead-in ("in May").
DATE_MONTH_ONLY = re.compile(
    rf"(?:\b(?i:(?P<lead>in|since|from|by|until|till|early|late|mid|during|before|after|of|"
    rf"last|this|next|between|and|to|or|through|end\s+of|beginning\s+of|for|on|as\s+of|"
    rf"ahead\s+of|around|throughout))(?:\s+|(?<=mid)-))?"
    rf"(?P<month>(?(lead)(?:May|March)|(?!))|January|February|April|June|July|August|September|"
    rf"October|November|December|Sept?\.|Jan\.|Feb\.|Aug\.|Oct\.|Nov\.|Dec\.)(?![\w-])"
    rf"{_RELATIVE}?"
)
# "from October to December", "between May and July" (a range needs its lead-in for May/March)
DATE_MONTH_RANGE = re.compile(
    rf"(?:\b(?i:(?P<from>from)|(?P<between>between))\s+)?(?P<month>{_MONTH})(?!\w|-[a-z])\s*"
    rf"(?:-|–|—|to|through|until|till|(?(between)and|(?!)))\s*(?P<month2>{_MONTH})(?![\w-])"
    rf"(?:,?\s+(?P<year>{_YEAR})\b)?{_RELATIVE}?"
)
ON_THE_DAY = re.compile(
    r"\b(?:on|by|from|until|since|to|through|(?:morning|afternoon|evening|night)\s+of)"
    r"\s+the\s+(?P<day>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b"
    # "on the 10th floor", "of the 10th session": an ordinal before a noun is not a day
    r"(?!\s+(?!of\b|and\b|at\b|in\b|to\b|when\b|as\b|after\b|before\b|local\b)[A-Za-z])"
)
# "2007 and 2008" is two years; "between 2007 and 2008" is a range.
YEAR_RANGE = re.compile(
    rf"\b(?:from\s+|(?P<between>between\s+))?(?P<year>{_YEAR})\s*"
    rf"(?:-|–|—|to|through|(?(between)and|(?!)))\s*(?P<year2>{_YEAR}|\d\d)\b(?!\s*%|\s*per)"
)
YEAR = re.compile(
    rf"(?<![\d$€£¥.,])\b(?P<year>{_YEAR})(?:'s)?\b(?![.,]\d|\s*(?:%|percent|per\s+cent|million|billion|"
    rf"trillion|thousand|people|yuan|dollars|units|tons|tonnes|km|kilomet|meters|metres|"
    rf"square|hectares|cases|residents|students|workers|employees|families|households|"
    rf"companies|enterprises|vehicles|cars|jobs|times|points|votes|seats|members|deaths|"
    rf"patients|km))"
)
# the 1990s, the 1980's, the '90s, the 90s, post-90s (the generation born in the 1990s)
DECADE = re.compile(
    r"\b(?:the\s+)?(?:(?P<full>1[5-9]\d0|20\d0)['’]?s|['’](?P<short>\d0)s)\b"
    r"|(?:(?<=\bpost-)|(?<=\bpre-)|(?<=\bthe\s))(?P<bare>\d0)['’]?s\b",
    re.IGNORECASE,
)
CENTURY = re.compile(
    r"\b(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
    r"seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[\s-]+century\b",
    re.IGNORECASE,
)
DECADE_WORDS = re.compile(
    r"\bthe\s+(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    re.IGNORECASE,
)
QUARTER = re.compile(
    r"\b(?:(?P<word>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarters?|"
    r"Q(?P<q>[1-4])|(?P<n>[1-4])Q|first\s+(?P<nq>two|three)\s+quarters|"
    # the first 11 months (1—11月): January to November; 前三季度 compares as months 1-9
    r"first\s+(?P<month_count>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)"
    r"\s+months|"
    # "the second and third quarters" (二季度和三季度): the first of the two
    r"(?P<listed>first|second|third)(?=\s+(?:and|or)\s+(?:second|third|fourth)\s+quarters))\b",
    re.IGNORECASE,
)
# 3 p.m., 3:30pm; a 24-hour time with a redundant "pm" (13:34pm) keeps its hour
TIME_12 = re.compile(
    r"\b(?:(?P<hour>1[0-2]|0?[1-9])|(?P<hour24>1[3-9]|2[0-3])(?=[:.]))(?:[:.](?P<minute>[0-5]\d))?"
    r"\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b|AM\b|PM\b)"
)
TIME_24 = re.compile(
    r"(?<![\d:.$])\b(?P<hour>[01]?\d|2[0-4]):(?P<minute>[0-5]\d)(?::[0-5]\d)?\b(?![:\d])"
)
O_CLOCK = re.compile(rf"\b(?P<hour>1[0-2]|[1-9]|{_WORD})\s+o'clock\b", re.IGNORECASE)
NOON = re.compile(r"\b(?P<word>noon|midnight)\b", re.IGNORECASE)

_DAY_HOURS = 24
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                  "3rd": 3, "4th": 4}
_DECADE_WORDS = {"twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950,
                 "sixties": 1960, "seventies": 1970, "eighties": 1980, "nineties": 1990}


def _day(text: str | None) -> int | None:
    return int(re.match(r"\d+", text).group()) if text else None  # type: ignore[union-attr]


def _month(text: str | None) -> int | None:
    return MONTHS.get(text.lower().rstrip(".")) if text else None


def _relative(match: re.Match[str]) -> int | None:
    rel = match.groupdict().get("rel")
    return {"this": 0, "last": -1, "next": 1}.get(rel) if rel else None


def _extract_dates(claims: Claims) -> None:
    claims.add_iso_dates()
    for match in claims.matches(DATE_MONTH_DAY):
        _add_day_date(claims, match)
    for match in claims.matches(DATE_DAY_MONTH):
        _add_day_date(claims, match)
    for match in claims.matches(DATE_MONTH_RANGE):
        _add_month_range(claims, match)
    for match in claims.matches(DATE_MONTH_YEAR):
        claims.add_date(match.start(), match.end(), month=_month(match["month"]),
                        year=int(match["year"]))
    for match in claims.matches(DATE_MONTH_ONLY):
        claims.add_date(match.start("month"), match.end(), month=_month(match["month"]),
                        relative_year=_relative(match))
    for match in claims.matches(ON_THE_DAY):
        claims.add_date(match.start() + match.group().index("the"), match.end(),
                        day=int(match["day"]))
    _extract_periods(claims)
    _extract_times(claims)


def _add_day_date(claims: Claims, match: re.Match[str]) -> None:
    month = _month(match["month"])
    end = None
    second_day = match["day2"] or match.groupdict().get("day3")
    if second_day:  # December 3 to 5; September 26 and 27 (both days of 26日至27日)
        end = DateValue(span=claims.span(match.start(), match.end()),
                        month=_month(match.groupdict().get("month2")), day=_day(second_day))
    claims.add_date(match.start(), match.end(), month=month, day=_day(match["day"]),
                    year=int(match["year"]) if match["year"] else None,
                    relative_year=_relative(match), end=end)


def _add_month_range(claims: Claims, match: re.Match[str]) -> None:
    if match["month"] in ("May", "March") and not (match["from"] or match["between"]):
        return  # "May to" could be the verb
    year = int(match["year"]) if match["year"] else None
    end = DateValue(span=claims.span(match.start("month2"), match.end()),
                    month=_month(match["month2"]), year=year)
    claims.add_date(match.start("month"), match.end(), month=_month(match["month"]), year=year,
                    relative_year=_relative(match), end=end)


def _short_decade(two_digits: str) -> int:
    """'90s → 1990; post-00s and post-10s are this century's generations."""
    value = int(two_digits)
    return 2000 + value if value in (0, 10) else 1900 + value


def _extract_periods(claims: Claims) -> None:
    for match in claims.matches(DECADE):
        full = match["full"]
        decade = int(full) if full else _short_decade(match["short"] or match["bare"])
        claims.add_date(match.start(), match.end(), decade=decade)
    for match in claims.matches(CENTURY):
        word = (match["w"] or "").lower()
        number = int(match["n"]) if match["n"] else (
            21 if word == "twenty-first" else EN_ORDINALS[word])
        claims.add_date(match.start(), match.end(), decade=(number - 1) * 100)
    for match in claims.matches(DECADE_WORDS):
        claims.add_date(match.start(), match.end(),
                        decade=_DECADE_WORDS[match["word"].lower()])
    for match in claims.matches(QUARTER):
        if match["nq"]:
            last = {"two": 2, "three": 3}[match["nq"].lower()]
            end = DateValue(span=claims.span(match.start(), match.end()), quarter=last)
            claims.add_date(match.start(), match.end(), quarter=1, end=end)
            continue
        if match["month_count"]:
            count = match["month_count"]
            last = int(count) if count.isdigit() else int(parse_en_words([count]) or 0)
            if 1 < last <= 12:
                end = DateValue(span=claims.span(match.start(), match.end()), month=last)
                claims.add_date(match.start(), match.end(), month=1, end=end)
            continue
        if match["listed"]:
            claims.add_date(match.start(), match.end(),
                            quarter=_QUARTER_WORDS[match["listed"].lower()])
            continue
        quarter = (_QUARTER_WORDS.get((match["word"] or "").lower())
                   or int(match["q"] or match["n"]))
        claims.add_date(match.start(), match.end(), quarter=quarter)
    for match in claims.matches(YEAR_RANGE):
        second = match["year2"]
        year2 = int(second) if len(second) == 4 else int(match["year"][:2] + second)
        if year2 <= int(match["year"]):
            continue
        end = DateValue(span=claims.span(match.start("year2"), match.end()), year=year2)
        claims.add_date(match.start(), match.end(), year=int(match["year"]), end=end)
    for match in claims.matches(YEAR):
        claims.add_date(match.start(), match.end(), year=int(match["year"]))


def _extract_times(claims: Claims) -> None:
    for match in claims.matches(TIME_12):
        if match["hour24"]:
            hour = int(match["hour24"])
        else:
            hour = int(match["hour"]) % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
        claims.add_date(match.start(), match.end(), hour=hour,
                        minute=int(match["minute"]) if match["minute"] else None)
    for match in claims.matches(TIME_24):
        # 24:00 is midnight: the same hour as "midnight", 0:00 and 24时
        claims.add_date(match.start(), match.end(), hour=int(match["hour"]) % _DAY_HOURS,
                        minute=int(match["minute"]))
    for match in claims.matches(O_CLOCK):
        hour = match["hour"]
        value = int(hour) if hour.isdigit() else parse_en_words([hour])
        if value:
            claims.add_date(match.start(), match.end(), hour=int(value), hour_12=True)
    for match in claims.matches(NOON):
        claims.add_date(match.start(), match.end(),
                        hour=12 if match["word"].lower() == "noon" else 0, minute=0)


# ---------------------------------------------------------------- special quantities

# a price per measure: 3,458 yuan per square metre, 20.84 yuan per kilogram (元/公斤)
PER_MEASURE = re.compile(
    r"\s*(?:(?:per|a|an)\s+|/\s*)"
    r"(?:sq(?:uare)?\.?\s*(?:(?P<metre>met(?:er|re)s?|m)|(?P<foot>foot|feet|ft))"
    r"|(?P<m2>m2|m²)|(?P<kg>kilograms?|kilos?|kg)|(?P<jin>jin)|(?P<tonne>tonnes?|tons?|t)"
    r"|(?P<gram>grams?|g))\b",
    re.IGNORECASE,
)
_PER_MEASURE_UNITS = {"metre": "per_m2", "m2": "per_m2", "foot": "per_sqft", "kg": "per_kg",
                      "jin": "per_jin", "tonne": "per_t", "gram": "per_g"}
# 2% to 3%, between 2.5% and 3%: a range whose ends both carry the sign
PERCENT_RANGE = re.compile(
    # "from 1.40% to 1.30%" and "rose 5.2% to 86.3%" are changes, not ranges
    r"(?<!from\s)(?<!rose\s)(?<!fell\s)(?<!up\s)(?<!down\s)(?<!grew\s)(?<!by\s)"
    r"(?<!increased\s)(?<!decreased\s)(?<!dropped\s)(?<!declined\s)(?<!climbed\s)"
    r"(?<!jumped\s)(?<!gained\s)(?<!slipped\s)(?<![\d.])(?:(?P<approx>about|around|roughly|nearly)\s+)?(?P<between>between\s+)?"
    r"(?P<a>\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s*"
    r"(?:to|-|–|—|(?(between)and|(?!)))\s*(?P<b>\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)",
    re.IGNORECASE,
)
PERCENT_SUFFIX = r"(?P<percent>\s*%|\s*per\s*cent\b|\s*pct\b)"
POINTS_SUFFIX = (
    r"(?P<points>[\s-]*(?:percentage|percent|per\s+cent)(?:age)?[\s-]+points?\b|\s*pp\b|\s*ppts?\b)"
)
# "a decade", "the past decade": ten years, as casual as 十年 (hence soft)
DECADE_DURATION = re.compile(
    r"\b(?:a|one|per|every|each|the\s+(?:past|last|next|previous|coming|following|latest))"
    r"\s+decade\b",
    re.IGNORECASE,
)
# half a year ↔ 半年, half an hour ↔ 半小时
HALF_PERIOD = re.compile(r"\bhalf\s+an?\s+(?P<unit>year|month|hour|day|century)\b",
                         re.IGNORECASE)
# (value, unit) of half the period: half a century is fifty years
_HALF_UNITS = {"year": (0.5, "year"), "month": (0.5, "month"), "hour": (0.5, "h"),
               "day": (0.5, "day"), "century": (50.0, "year")}
# "one in three" ↔ 三分之一
ONE_IN = re.compile(
    r"\b(?:one|1)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<d>\d{1,3}|two|three|four|five|six|seven|"
    r"eight|nine|ten|twenty|a\s+hundred|hundred)\b",
    re.IGNORECASE,
)
FRACTIONS = re.compile(
    r"\b(?P<text>(?:a|one)[\s-]+half|two[\s-]+thirds|three[\s-]+quarters|half"
    # "a third of", but "a third deceleration" is an ordinal
    r"|(?:a|one)[\s-]+(?:third|quarter|fifth|tenth)"
    r"(?=\s+(?:of|to|or|and|is|are|was|were|has|have|had)\b|\s*[,.;:)]|\s*$))\b"
    r"(?!\s+(?:a\s+)?(?:million|billion|trillion|dozen|hour|day|year|century|decade|time))",
    re.IGNORECASE,
)
_FRACTION_VALUES = {"half": 0.5, "third": 1 / 3, "thirds": 2 / 3, "quarter": 0.25,
                    "quarters": 0.75, "fifth": 0.2, "tenth": 0.1}
MULTIPLE_WORDS = re.compile(
    r"\b(?P<w>twice|doubled|doubling|doubles|double|tripled|tripling|triples|triple|threefold|"
    r"three-fold|quadrupled|quadrupling|quadruple|fourfold|four-fold|fivefold|five-fold|"
    r"tenfold|ten-fold)\b"
    r"(?![\s-]+(?:digit|check|standard|agent|bed|room|click|life|decker|blind|\d))",
    re.IGNORECASE,
)
_MULTIPLE_VALUES = {"twice": 2, "doubl": 2, "tripl": 3, "three": 3, "quadrupl": 4, "four": 4,
                    "five": 5, "ten": 10}
VAGUE = re.compile(
    r"\b(?:(?P<approx>" + APPROX + r")\s+)?(?P<text>a\s+few|a\s+couple\s+of|several"
    r"|a\s+dozen\s+or\s+so|a\s+handful\s+of|dozens|decades|scores|tens\s+of\s+thousands"
    r"|hundreds\s+of\s+thousands|tens\s+of\s+millions|"
    r"hundreds\s+of\s+millions|tens\s+of\s+billions|hundreds\s+of\s+billions|hundreds|"
    r"thousands|millions|billions|more\s+than\s+a\s+dozen|over\s+a\s+dozen)\b",
    re.IGNORECASE,
)
_VAGUE_VALUES = {
    "a few": (2, 9), "a couple of": (2, 3), "a handful of": (2, 9), "several": (2, 9),
    "a dozen or so": (10, 19),
    "more than a dozen": (11, 19), "over a dozen": (11, 19), "dozens": (20, 99),
    "scores": (20, 99), "tens of thousands": (10_000, 99_999),
    "hundreds of thousands": (100_000, 999_999), "tens of millions": (10_000_000, 99_999_999),
    "hundreds of millions": (100_000_000, 999_999_999),
    "tens of billions": (10_000_000_000, 99_999_999_999),
    "hundreds of billions": (100_000_000_000, 999_999_999_999), "hundreds": (100, 999),
    "thousands": (1_000, 9_999), "millions": (1_000_000, 99_999_999),
    "billions": (1_000_000_000, 99_999_999_999), "decades": (20, 99),
}  # fmt: skip
# "billions of dollars", "several decades", "hundreds of kilometres": what the vague amount counts
_VAGUE_DECADES = re.compile(r"\s+decades\b", re.IGNORECASE)
_NUMBER_BEFORE = re.compile(rf"(?:\d|\b{_WORD})[\s-]+$", re.IGNORECASE)
ORDINAL_DIGITS = re.compile(r"\b(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?:st|nd|rd|th)\b")
ORDINAL_WORDS = re.compile(
    r"\b(?P<tens>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?P<w>"
    + "|".join(EN_ORDINALS)
    + r")\b",
    re.IGNORECASE,
)
TOP_N = re.compile(
    r"\b(?:last|top|final|round\s+of)\s+(?P<n>\d{1,3}|four|eight|sixteen|ten|three|five)\b",
    re.IGNORECASE,
)


def _extract_special(claims: Claims) -> None:
    for match in claims.matches(TOP_N):
        value = _number_value(match["n"])
        if value is not None:
            claims.add_quantity(match.start(), match.end(), QuantityKind.NUMBER, value)
    for match in claims.matches(DECADE_DURATION):
        claims.add_quantity(match.start(), match.end(), QuantityKind.NUMBER, 10.0, unit="year",
                            soft=True)
    for match in claims.matches(HALF_PERIOD):
        value, unit = _HALF_UNITS[match["unit"].lower()]
        claims.add_quantity(match.start(), match.end(), QuantityKind.NUMBER, value, unit=unit,
                            soft=True)
    for match in claims.matches(ONE_IN):
        denominator = _number_value(match["d"])
        if denominator:
            # soft: Chinese often counts it out instead (每三人中就有一人)
            claims.add_quantity(match.start(), match.end(), QuantityKind.NUMBER,
                                1 / denominator, soft=True)
    for match in claims.matches(FRACTIONS):
        last_word = re.split(r"[\s-]+", match["text"].lower())[-1]
        value = _FRACTION_VALUES[last_word]
        claims.add_quantity(match.start(), match.end(), QuantityKind.NUMBER, value,
                            soft=value == 0.5)
    for match in claims.matches(MULTIPLE_WORDS):
        word = match["w"].lower()
        value = next(v for k, v in _MULTIPLE_VALUES.items() if word.startswith(k))
        claims.add_quantity(match.start(), match.end(), QuantityKind.MULTIPLE, float(value))
    for match in claims.matches(VAGUE):
        _add_vague(claims, match)
    for match in claims.matches(ORDINAL_DIGITS):
        claims.add_quantity(match.start(), match.end(), QuantityKind.ORDINAL,
                            parse_arabic(match["n"]))
    for match in claims.matches(ORDINAL_WORDS):
        value = EN_ORDINALS[match["w"].lower()]
        if match["tens"]:
            value += EN_TENS[match["tens"].rstrip("-").lower()]
        claims.add_quantity(match.start(), match.end(), QuantityKind.ORDINAL, float(value),
                            soft=value <= SOFT_ORDINAL_MAX)


def _add_vague(claims: Claims, match: re.Match[str]) -> None:
    text = re.sub(r"\s+", " ", match["text"].lower())
    low, high = _VAGUE_VALUES[text]
    unit, currency, end = None, None, match.end()
    decades = _VAGUE_DECADES.match(claims.norm, end)
    if text == "decades":
        if _NUMBER_BEFORE.search(claims.norm, 0, match.start("text")):
            return  # "three decades" is thirty years, read with the plain numbers
        unit = "year"
    elif decades:
        low, high, unit, end = low * 10, high * 10, "year", decades.end()
    else:
        unit, end = _unit_after(claims.norm, end)
        currency_after = _CURRENCY_AFTER.match(claims.norm, end) if unit is None else None
        if currency_after:
            currency, end = CURRENCY_WORDS[currency_after["cur"].lower()], currency_after.end()
    claims.add_quantity(match.start("text"), end, QuantityKind.NUMBER, float(low), float(high),
                        vague=True, approx=True, unit=unit, currency=currency, soft=high < 10)


def _number_value(text: str) -> float | None:
    if re.fullmatch(DIGITS, text):
        return parse_arabic(text)
    return parse_en_words(text.split())


# ---------------------------------------------------------------- plain numbers

QUANTITY = re.compile(  # never starts inside a word: prunes most positions, and H20 is a name
    rf"(?<![A-Za-z])(?:(?P<approx>{APPROX})\s+)?(?P<between>between\s+|from\s+)?"
    rf"(?:(?<![A-Za-z])(?P<cur>{_CURRENCY_SYMBOL_ALTERNATION})\s?)?(?P<neg>[-−–](?=\d)|minus\s+)?"
    rf"(?P<num>{NUMBER})"
    rf"(?P<range>(?:\s*-\s*|\s*(?:–|—|to)\s*|-?\s+to\s+|(?(between)\s+and\s+|(?!)))"
    rf"(?P<cur2>{_CURRENCY_SYMBOL_ALTERNATION})?"
    rf"(?P<num2>(?:{DIGITS})(?:{SCALE})?|{WORD_NUMBER}))?"
    rf"(?:{POINTS_SUFFIX}|{PERCENT_SUFFIX}|(?P<times>\s*(?:times|-fold|fold)\b|(?-i:x)\b))?",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    rf"(?P<sep>\s*-\s*|\s+|)(?P<unit>{_UNIT_ALTERNATION})(?![\w])", re.IGNORECASE
)
_CURRENCY_AFTER = re.compile(
    rf"(?P<sep>\s+|-|)(?:(?:in|of)\s+)?(?P<cur>{_CURRENCY_WORD_ALTERNATION})\b", re.IGNORECASE
)
_AGED = re.compile(r"\baged?\s+$", re.IGNORECASE)
# 6-3 is a score, not a range, when it runs downhill or the sentence is about a result.
_SCORE_CONTEXT = re.compile(
    r"\b(?:beat|beats|beaten|defeat|defeated|defeats|won|win|wins|lost|lose|loses|loss|victory|"
    r"draw|drew|tied|scored?|trailing|edged|thrashed|routed|swept)\b",
    re.IGNORECASE,
)
_SCORE_SEPARATOR = re.compile(r"\s*[-–]\s*")
_MAX_SCORE = 200
# "6,000 mu (400 hectares)": the translator's own conversion in brackets is not a new fact.
_CONVERSION_GAP = re.compile(
    r"(?:\s*[A-Za-z-]+){0,2}\s*[(（]\s*(?:about\s+|around\s+|approximately\s+|roughly\s+|some\s+|nearly\s+|over\s+)?"
)
_CONVERSION_TOLERANCE = 0.06
PER_UNIT = re.compile(rf"\bper\s+(?P<unit>{_UNIT_ALTERNATION})(?![\w])", re.IGNORECASE)
_SMALL_WORDS = set(EN_UNITS) | set(EN_TENS)


def _extract_plain(claims: Claims) -> None:
    for match in claims.matches(QUANTITY):
        _add_plain(claims, match)


def _scaled_value(match: re.Match[str], prefix: str) -> tuple[float, int] | None:
    """(value, claimed precision) of the NUMBER group named with ``prefix``."""
    text = match[prefix + "num"] if prefix else match["num"]
    if prefix:
        return _parse_number_text(text)
    if match["half"]:
        scale_word = match["half"].split()[-1].lower()
        return 0.5 * (12 if scale_word == "dozen" else EN_SCALES[scale_word]), 1
    if match["dozen"]:
        return 12.0, 15
    if match["words"]:
        value = parse_en_words(match["words"].split())
        return (value, 15) if value is not None else None
    return _parse_number_text(text)


def _parse_number_text(text: str) -> tuple[float, int] | None:
    found = re.fullmatch(rf"(?P<digits>{DIGITS})(?P<scale>{SCALE})?", text.strip(), re.IGNORECASE)
    if not found:
        value = parse_en_words(text.split())
        return (value, 15) if value is not None else None
    base = parse_arabic(found["digits"])
    scale = (found["scale"] or "").strip(" -").lower()
    if not scale:
        return base, 15
    factor = EN_SCALES.get(scale) or EN_SCALE_ABBREVIATIONS[scale]
    return base * factor, _mantissa_precision(found["digits"])


def _mantissa_precision(digits: str) -> int:
    digits = digits.replace(",", "")
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0"))
    return significant_digits(float(digits))


def _add_plain(claims: Claims, match: re.Match[str]) -> None:
    text = claims.norm
    num_start = match.start("num")
    latin_currency = bool(match["cur"]) and match["cur"].isalpha()
    if not latin_currency and _inside_latin_token(text, num_start):
        return
    parsed = _scaled_value(match, "")
    if parsed is None:
        return
    value, precision = parsed
    metric_unit = None
    if (match["scale"] or "").strip().lower() in ("m", "k", "b") and not match["cur"]:
        # "$4.5m" is millions, but "the 100m final" is metres
        value, precision = parse_arabic(match["digits"]), 15
        metric_unit = "m" if match["scale"].strip().lower() == "m" else None
    high = value
    if match["num2"]:
        second = _parse_number_text(match["num2"])
        if second is None:
            return
        high = second[0]
        value = _carry_scale(match, value, high)
        if _is_change(text, match):
            _add_change(claims, match, (value, precision), second)
            return
    if match["words"] and match["words"].lower() in ("a", "an"):
        return
    kind = _kind(match)
    currency = CURRENCY_SYMBOLS.get(match["cur"] or match["cur2"] or "")
    if currency and match["cur"] and match["cur"].isalpha() and not match["cur"].isupper():
        currency = None  # "Rs" style prefixes must be written as such
    unit, end = metric_unit, match.end()
    if kind == QuantityKind.NUMBER and unit is None:
        unit, currency, end = _measure(text, match, currency)
        if unit in _UNIT_SCALES:
            unit, factor = _UNIT_SCALES[unit]
            value, high = value * factor, high * factor
    if kind == QuantityKind.NUMBER and _is_score(claims, match, value, high, unit or currency):
        kind = QuantityKind.SCORE
    if value == high and value.is_integer() and value >= 1000 and _is_year_like(match):
        return
    start = match.start("cur") if match["cur"] else match.start("neg") if match["neg"] else (
        match.start("between") if match["between"] and match["num2"] else num_start
    )
    words_only = bool(match["words"]) and not match["num2"]
    sign = -1.0 if match["neg"] else 1.0
    claims.add_quantity(
        start, end, kind, sign * value, sign * high,
        unit=unit, currency=currency, approx=bool(match["approx"]),
        is_range=bool(match["num2"]) and kind != QuantityKind.SCORE, sig_digits=precision,
        # "two years", "one-day" are as casual as 两年 and 一天: soft with or without a unit
        soft=words_only and value <= 10 and not currency
        and kind == QuantityKind.NUMBER and match["words"].lower() in _SMALL_WORDS,
    )  # fmt: skip


_CHANGE_LEAD = re.compile(r"\b(?:by|from|cut|raised|lowered)\s+$", re.IGNORECASE)


def _is_change(text: str, match: re.Match[str]) -> bool:
    """"cut by NT$3.86 billion to US$449.5 billion", "from 5 to 8 yuan": two figures, a
    change from one to the other, not a range (nor two ends in different currencies)."""
    first = CURRENCY_SYMBOLS.get(match["cur"] or "")
    second = CURRENCY_SYMBOLS.get(match["cur2"] or "")
    if first and second and first != second:
        return True
    # "dropping by 4 to 6 degrees" is a range; with both amounts in money, "by … to …" moves
    return bool(first and second and _CHANGE_LEAD.search(text, 0, match.start()))


def _add_change(claims: Claims, match: re.Match[str], first: tuple[float, int],
                second: tuple[float, int]) -> None:
    unit, currency_after, end = _measure(claims.norm, match, None)
    first_currency = CURRENCY_SYMBOLS.get(match["cur"] or "") or currency_after
    second_currency = CURRENCY_SYMBOLS.get(match["cur2"] or "") or currency_after or first_currency
    start = match.start("cur") if match["cur"] else match.start("num")
    claims.add_quantity(start, match.end("num"), QuantityKind.NUMBER, first[0], unit=unit,
                        currency=first_currency, sig_digits=first[1],
                        approx=bool(match["approx"]))
    second_start = match.start("cur2") if match["cur2"] else match.start("num2")
    claims.add_quantity(second_start, end, QuantityKind.NUMBER, second[0], unit=unit,
                        currency=second_currency, sig_digits=second[1])


def _kind(match: re.Match[str]) -> QuantityKind:
    if match["points"]:
        return QuantityKind.POINTS
    if match["percent"]:
        return QuantityKind.PERCENT
    if match["times"]:
        return QuantityKind.MULTIPLE
    return QuantityKind.NUMBER


def _measure(text: str, match: re.Match[str], currency: str | None
             ) -> tuple[str | None, str | None, int]:
    """(unit, currency, end) from the words after a number: "25 km", "100 yuan", "aged 18"."""
    unit, end = _unit_after(text, match.end())
    if unit is None:
        currency_after = _CURRENCY_AFTER.match(text, end)
        if currency_after:
            currency, end = CURRENCY_WORDS[currency_after["cur"].lower()], currency_after.end()
    if currency:
        per_measure = PER_MEASURE.match(text, end)
        if per_measure:
            unit, end = _PER_MEASURE_UNITS[per_measure.lastgroup or ""], per_measure.end()
    if _AGED.search(text[: match.start()]):
        unit = "age"
    return unit, currency, end


def _is_score(claims: Claims, match: re.Match[str], low: float, high: float,
              measured: str | None) -> bool:
    """6-3 or 1-2 between two small whole numbers, in a sentence about a result."""
    if not match["num2"] or measured or match["between"] or match["cur2"]:
        return False
    if not _SCORE_SEPARATOR.fullmatch(claims.norm, match.end("num"), match.start("num2")):
        return False
    if not (low.is_integer() and high.is_integer() and max(low, high) <= _MAX_SCORE):
        return False
    return low >= high or bool(_SCORE_CONTEXT.search(claims.norm))


def _carry_scale(match: re.Match[str], low: float, high: float) -> float:
    """'3 to 5 million' means 3-5 million: the scale of the second end applies to the first."""
    if low < high / 1000 and not re.search(SCALE, match["num"], re.IGNORECASE):
        factor = 1.0
        for scale in (1e3, 1e6, 1e9, 1e12):
            if low * scale <= high:
                factor = scale
        return low * factor
    return low


def _unit_after(text: str, end: int) -> tuple[str | None, int]:
    match = _UNIT_AFTER.match(text, end)
    if not match:
        return None, end
    word = match["unit"].lower()
    if word in _GLUED_ONLY_UNITS and match["sep"].strip() == "" and match["sep"] != "":
        return None, end
    if word == "in." or (word == "m" and match["sep"] != ""):
        return None, end
    return UNITS[word], match.end()


def _is_year_like(match: re.Match[str]) -> bool:
    return bool(re.fullmatch(r"1[5-9]\d\d|20\d\d", match["num"])) and not (
        match["cur"] or match["percent"] or match["points"]
    )


def _inside_latin_token(text: str, start: int) -> bool:
    """Ka-52, Mi28: a number glued to a name is part of it."""
    before = text[start - 1] if start > 0 else ""
    return before.isalpha() or (before == "-" and start >= 2 and text[start - 2].isalpha()
                                and text[start - 2].isupper())


def _mark_bracketed_asides(claims: Claims) -> None:
    """"the Eastern Han (25-220)": a number alone in brackets is the translator's aside
    (dates of a dynasty, a reign, a conversion), worth a look if it has no source."""
    for quantity in list(claims.quantities):
        start, end = quantity.span.start - claims.offset, quantity.span.end - claims.offset
        if claims.text[max(0, start - 1) : start] in ("(", "（") and claims.text[end : end + 1] in (
            ")", "）"
        ):
            claims.mark_gloss(quantity)


def _drop_added_conversions(claims: Claims) -> None:
    """Forget "(400 hectares)" after "6,000 mu": the same fact in another unit."""
    quantities = sorted(claims.quantities, key=lambda q: q.span.start)
    for first, second in zip(quantities, quantities[1:], strict=False):
        gap = claims.text[first.span.end - claims.offset : second.span.start - claims.offset]
        if not _CONVERSION_GAP.fullmatch(gap):
            continue
        measure = _as_weight(first, second)
        if _is_conversion(first, measure):
            claims.drop_quantity(second)
        elif _convertible(first, measure):
            if measure is not second:  # keep "(282 pounds)" as a weight, to be compared
                claims.quantities[claims.quantities.index(second)] = measure
        elif second.kind == first.kind == QuantityKind.NUMBER:
            # "NT$120 million (US$3.85 million)", "3,860 lots (3.86 million shares)": a
            # restatement at a rate or in a measure the checker cannot verify
            claims.mark_gloss(second)


def _convertible(first: Quantity, second: Quantity) -> bool:
    return bool(first.unit and second.unit and first.unit != second.unit
                and convert(1.0, first.unit, second.unit) is not None)


def _as_weight(first: Quantity, second: Quantity) -> Quantity:
    """"96.3 kilograms (212 pounds)": pounds after a weight are a weight, not sterling."""
    if second.currency == "GBP" and first.unit in ("kg", "jin", "t", "g"):
        return replace(second, currency=None, unit="lb")
    return second


def _is_conversion(first: Quantity, second: Quantity) -> bool:
    if not (first.unit and second.unit) or first.unit == second.unit or second.low == 0:
        return False
    converted = convert(first.low, first.unit, second.unit)
    if converted is None:
        return False
    candidates = [converted]
    if {first.unit, second.unit} == {"degC", "degF"}:
        # "dropping by 4 to 6 degrees Celsius (7 to 11 degrees Fahrenheit)": a difference
        # converts without the 32-degree offset
        factor = 9 / 5 if second.unit == "degF" else 5 / 9
        candidates.append(first.low * factor)
    return any(abs(value / second.low - 1) <= _CONVERSION_TOLERANCE for value in candidates)


# 2 hours and 41 minutes, 1 minute 12 seconds, a finishing time of 2:07:18, a pace of 3:05
# per kilometre: one duration, compared in seconds (Chinese 2小时07分18秒 reads the same way).
_H = r"(?:hours?|hrs?)"
_M = r"(?:minutes?|mins?)"
_S = r"(?:seconds?|secs?)"
DURATION = re.compile(
    rf"\b(?:(?P<h>\d{{1,3}}|an|one)\s*{_H},?\s+(?:and\s+)?(?P<m>\d{{1,2}})\s*{_M}"
    rf"(?:,?\s+(?:and\s+)?(?P<s>\d{{1,2}})\s*{_S})?"
    rf"|(?P<m2>\d{{1,3}})\s*{_M},?\s+(?:and\s+)?(?P<s2>\d{{1,2}})\s*{_S}"
    rf"|(?<!at\s)(?P<h3>[1-9]):(?P<m3>[0-5]\d):(?P<s3>[0-5]\d)(?!\s*(?:a\.?m|p\.?m))"
    rf"|(?P<m4>\d{{1,2}}):(?P<s4>[0-5]\d)(?=\s*(?:per|a|/)\s*(?:kilomet|km|mile))"
    # a race time to the hundredth: 1:45.32
    rf"|(?P<m5>\d{{1,2}}):(?P<s5>[0-5]\d)\.(?P<cs5>\d{{2}}))\b",
    re.IGNORECASE,
)
RELATIVE_MONTH = re.compile(
    r"\b(?:(?P<last>last|the\s+previous|the\s+prior)|(?P<next>next|the\s+following|the\s+coming)"
    r"|(?P<this>this|the\s+same))\s+month\b",
    re.IGNORECASE,
)
FISCAL_YEAR = re.compile(r"\b(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<year>(?:19|20)\d\d|\d\d)\b")
BC_YEAR = re.compile(r"\b(?P<year>\d{1,4})\s*(?P<era>BC|B\.C\.|BCE|AD|A\.D\.|CE)(?![\w])")


# "in a 1:1 ratio" (1:1的比例): one digit after the colon is never a clock time
RATIO = re.compile(r"(?<![\d:.])(?P<a>\d{1,3}(?:\.\d+)?):(?P<b>\d(?:\.\d+)?)(?![\d:])")


def _extract_ratios(claims: Claims) -> None:
    for match in claims.matches(RATIO):
        claims.add_quantity(match.start(), match.end(), QuantityKind.SCORE, float(match["a"]),
                            float(match["b"]))


def _extract_percent_ranges(claims: Claims) -> None:
    for match in claims.matches(PERCENT_RANGE):
        start = match.start("between") if match["between"] else match.start("a")
        claims.add_quantity(start, match.end(), QuantityKind.PERCENT, float(match["a"]),
                            float(match["b"]), is_range=True, approx=bool(match["approx"]))


def _extract_durations(claims: Claims) -> None:
    for match in claims.matches(DURATION):
        hour_text = match["h"] or match["h3"] or "0"
        hours = int(hour_text) if hour_text.isdigit() else 1  # "an hour and 40 minutes"
        minutes = int(match["m"] or match["m2"] or match["m3"] or match["m4"] or match["m5"]
                      or 0)
        seconds = int(match["s"] or match["s2"] or match["s3"] or match["s4"] or match["s5"]
                      or 0) + int(match["cs5"] or 0) / 100
        claims.add_quantity(match.start(), match.end(), QuantityKind.NUMBER,
                            hours * 3600 + minutes * 60 + seconds, unit="s")
    for match in claims.matches(RELATIVE_MONTH):
        which = -1 if match["last"] else 1 if match["next"] else 0
        claims.add_date(match.start(), match.end(), relative_month=which)
    for match in claims.matches(FISCAL_YEAR):  # FY2024, FY24, fiscal 2024 (2024财政年)
        year = int(match["year"])
        claims.add_date(match.start(), match.end(), year=year if year > 99 else 2000 + year)
    for match in claims.matches(BC_YEAR):
        year = int(match["year"])
        claims.add_date(match.start(), match.end(),
                        year=-year if match["era"].upper().startswith("B") else year)


def extract_en(text: str, offset: int = 0) -> SentenceFacts:
    """All numbers, amounts, percentages, dates and times of one English sentence."""
    claims = Claims(text, offset)
    claims.mask(NOT_NUMBERS)
    claims.mask(PRODUCT_NAMES)
    claims.mask(_LATIN_TOKEN_WITHOUT_UNITS)
    _extract_durations(claims)
    _extract_ratios(claims)
    _extract_percent_ranges(claims)
    _extract_phases(claims)
    _extract_dates(claims)
    _extract_special(claims)
    _extract_plain(claims)
    _extract_per_unit(claims)
    _drop_added_conversions(claims)
    _mark_bracketed_asides(claims)
    return claims.facts()


# "a Phase 3 trial" (III期临床试验): a stage name; as casual as a word-number
# "a Phase 3 trial", "Terminal 2", "Line 7": names with a number in them, as casual as a
# word-number (III期, T2航站楼, 7号线 are often written other ways)
PHASE = re.compile(
    r"\b(?:[Pp]hase|Terminal|Line|Gate|Platform|Stage|Zone|Runway|Pier|Hall|Exit|Block)"
    r"\s+(?P<n>\d{1,3})\b(?!\s*(?:%|percent|million|billion))"
)


def _extract_phases(claims: Claims) -> None:
    for match in claims.matches(PHASE):
        claims.add_quantity(match.start(), match.end(), QuantityKind.NUMBER,
                            float(match["n"]), soft=True)


def _extract_per_unit(claims: Claims) -> None:
    """"per mu" is the 1亩 of "1亩苹果的年产值": one of the unit, as casual as a word-number.

    Runs after the plain numbers so that "145 kilometres per hour" keeps its unit.
    """
    for match in claims.matches(PER_UNIT):
        word = match["unit"].lower()
        if word in _GLUED_ONLY_UNITS or UNITS[word] in _UNIT_SCALES:
            continue
        claims.add_quantity(match.start(), match.end(), QuantityKind.NUMBER, 1.0,
                            unit=UNITS[word], soft=True)


_UNIT_SUFFIX = (
    r"(?:x|mah|kwh|kw|mw|gw|gb|tb|mbit/s|gbit/s|mbps|gbps|kbps|mb|km|kg|nm|mm|cm|ghz|mhz|mp|bn|mn"
    r"|tn|ml|m|k|b|g|w|l|st|nd|rd"
    r"|th|s|am|pm|f)"  # f: floors, "from 2F to 6F"
)
# H20, G20, 5G, A100, COVID-19 — but not 5GB, 4.5bn, 10km, 3pm, 26th, 1990s, post-90s, RMB100.
_LATIN_TOKEN_WITHOUT_UNITS = re.compile(
    rf"\b(?!Q[1-4]\b)(?:(?!(?i:post|pre)-)[A-Z][A-Za-z]*-\d[\w-]*"
    rf"|(?!(?:{CURRENCY_CODE_PATTERN}|FY)\d)[A-Za-z]+\d[\w-]*|[2-6]G\b"
    rf"|\d+(?!(?i:{_UNIT_SUFFIX})\b)[A-Za-z][\w-]*)\b"
)
