"""Table-driven tests of the English number and date grammar (helpers: test_grammar_zh.py)."""

from __future__ import annotations

import pytest
from test_grammar_zh import D, Expected, Q, case_id, check_extraction

DIGITS = [
    ("45 people attended", [Q("number", 45)]),
    ("up ４５%", [Q("percent", 45)]),
    ("1,234 employees", [Q("number", 1234)]),
    ("1，234 employees", [Q("number", 1234)]),
    ("1 234 employees", [Q("number", 1234)]),
    ("1.85 metres tall", [Q("number", 1.85, unit="m")]),
    ("fell to -5 degrees", [Q("number", -5, unit="degC")]),
    ("minus 12 degrees Celsius", [Q("number", -12, unit="degC")]),
    ("growth of −2.3%", [Q("percent", -2.3)]),
]

SCALES_AND_WORDS = [
    ("1.2 million people", [Q("number", 1.2e6)]),
    ("4.5 billion", [Q("number", 4.5e9)]),
    ("160 billion yuan", [Q("number", 1.6e11, currency="CNY")]),
    ("101.5 trillion yuan", [Q("number", 1.015e14, currency="CNY")]),
    ("a billion people", [Q("number", 1e9)]),
    ("half a million", [Q("number", 5e5)]),
    ("a dozen eggs", [Q("number", 12)]),
    ("nine people", [Q("number", 9, soft=True)]),
    ("twenty-five countries", [Q("number", 25)]),
    ("one hundred and five", [Q("number", 105)]),
    ("1,600 people", [Q("number", 1600)]),
    ("2,000 volunteers", [Q("number", 2000)]),
    ("12,000 people", [Q("number", 12000)]),
    ("$4.5m", [Q("number", 4.5e6, currency="DOLLAR")]),
    ("the fifth edition", [Q("ordinal", 5, soft=False)]),
    ("the 5th edition", [Q("ordinal", 5)]),
    ("the first time", [Q("ordinal", 1, soft=True)]),
    ("the twenty-first session", [Q("ordinal", 21)]),
]

PERCENTAGES = [
    ("up 5%", [Q("percent", 5)]),
    ("5 percent", [Q("percent", 5)]),
    ("5.2 per cent", [Q("percent", 5.2)]),
    ("0.1 percentage points", [Q("points", 0.1)]),
    ("30% of them", [Q("percent", 30)]),
    ("nearly 90% of respondents", [Q("percent", 90, approx=True, text="90%")]),
    ("15-30%", [Q("percent", 15, 30, is_range=True)]),
    ("between 80-90%", [Q("percent", 80, 90, is_range=True)]),
]

FRACTIONS_AND_MULTIPLES = [
    ("a quarter of the total", [Q("number", 0.25)]),
    ("two-thirds of voters", [Q("number", 2 / 3)]),
    ("more than half of them", [Q("number", 0.5, soft=True)]),
    ("twice as many", [Q("multiple", 2)]),
    ("double the output", [Q("multiple", 2)]),
    ("output doubled", [Q("multiple", 2)]),
    ("income quadrupled", [Q("multiple", 4)]),
    ("1.5 times its rival", [Q("multiple", 1.5)]),
    ("exports tripled", [Q("multiple", 3)]),
    ("three times larger", [Q("multiple", 3)]),
]

RANGES = [
    ("two to three years", [Q("number", 2, 3, unit="year", is_range=True)]),
    ("aged 18 to 25", [Q("number", 18, 25, unit="age", is_range=True)]),
    ("December 3 to 5", [D(month=12, day=3, end=D(day=5))]),
    ("3-5 people", [Q("number", 3, 5, is_range=True)]),
    ("between 3 and 5", [Q("number", 3, 5, is_range=True)]),
    ("$3 million to $5 million", [Q("number", 3e6, 5e6, currency="DOLLAR", is_range=True)]),
    ("30 to 50 million yuan", [Q("number", 3e7, 5e7, currency="CNY", is_range=True)]),
    ("1.5-2L of water", [Q("number", 1.5, 2, unit="L", is_range=True)]),
    ("150-200ml", [Q("number", 150, 200, unit="ml", is_range=True)]),
    ("a few people", [Q("number", 2, 9, vague=True, soft=True)]),
    ("a handful of cases", [Q("number", 2, 9, vague=True, soft=True)]),
    ("one in three adults", [Q("number", 1 / 3, soft=True)]),
    ("one-third of voters", [Q("number", 1 / 3)]),
    ("millions of people", [Q("number", 1e6, 99_999_999, vague=True)]),
    ("hundreds of people", [Q("number", 100, 999, vague=True)]),
    ("a dozen or so countries", [Q("number", 10, 19, vague=True)]),
    ("billions of dollars", [Q("number", 1e9, 99_999_999_999, vague=True, currency="DOLLAR")]),
    ("over the past several decades", [Q("number", 20, 90, unit="year", vague=True)]),
    ("for decades", [Q("number", 20, 99, unit="year", vague=True)]),
]

MONEY = [
    ("a $4.5 billion loss", [Q("number", 4.5e9, currency="DOLLAR", text="$4.5 billion")]),
    ("US$4.5 billion", [Q("number", 4.5e9, currency="USD")]),
    ("HK$100", [Q("number", 100, currency="HKD")]),
    ("¥200", [Q("number", 200, currency="YEN_OR_YUAN")]),
    ("RMB 100 million", [Q("number", 1e8, currency="CNY")]),
    ("RMB100 million", [Q("number", 1e8, currency="CNY")]),
    ("CNY 100", [Q("number", 100, currency="CNY")]),
    ("100 yuan", [Q("number", 100, currency="CNY")]),
    ("USD 100", [Q("number", 100, currency="USD")]),
    ("100 USD", [Q("number", 100, currency="USD")]),
    ("6 billion HKD", [Q("number", 6e9, currency="HKD")]),
    ("100 euros", [Q("number", 100, currency="EUR")]),
    ("5,000 yen", [Q("number", 5000, currency="JPY")]),
    ("€20", [Q("number", 20, currency="EUR")]),
    ("£20", [Q("number", 20, currency="GBP")]),
    ("50 billion yuan", [Q("number", 5e10, currency="CNY")]),
]

UNITS = [
    ("100 km", [Q("number", 100, unit="km")]),
    ("100 kilometers", [Q("number", 100, unit="km")]),
    ("30 tons", [Q("number", 30, unit="t")]),
    ("3 hours", [Q("number", 3, unit="h")]),
    ("45 minutes", [Q("number", 45, unit="min")]),
    ("25 years old", [Q("number", 25, unit="age")]),
    ("a 53-year-old man", [Q("number", 53, unit="age")]),
    ("5,000 mAh", [Q("number", 5000, unit="mAh")]),
    ("a 65W charger", [Q("number", 65, unit="W")]),
    ("256GB of storage", [Q("number", 256, unit="GB")]),
    ("62 miles", [Q("number", 62, unit="mile")]),
    ("speeds of 145 kph", [Q("number", 145, unit="km/h")]),
    ("198 million kwh", [Q("number", 1.98e8, unit="kWh")]),
    ("three decades", [Q("number", 30, unit="year")]),
    ("the past decade", [Q("number", 10, unit="year", soft=True)]),
    ("every six months", [Q("number", 6, unit="month")]),
    ("a 2-day trip", [Q("number", 2, unit="day")]),
    ("6,000 mu (400 hectares) of fields", [Q("number", 6000, unit="mu")]),
    ("100 km (62 miles)", [Q("number", 100, unit="km")]),
    ("the 70th anniversary", [Q("ordinal", 70)]),
    ("half a century", [Q("number", 50, unit="year", soft=True)]),
    ("half a year", [Q("number", 0.5, unit="year", soft=True)]),
    ("a two-year term", [Q("number", 2, unit="year", soft=True)]),
    ("output per mu", [Q("number", 1, unit="mu", soft=True)]),
    ("145 kilometres per hour", [Q("number", 145, unit="km/h")]),
    ("from 2F to 6F", [Q("number", 2), Q("number", 6)]),
]

DATES = [
    ("October 27, 2025", [D(year=2025, month=10, day=27)]),
    ("27 October 2025", [D(year=2025, month=10, day=27)]),
    ("on Oct. 27", [D(month=10, day=27)]),
    ("Sept. 26", [D(month=9, day=26)]),
    ("on the 27th", [D(day=27, text="the 27th")]),
    ("April this year", [D(month=4, relative_year=0)]),
    ("in December last year", [D(month=12, relative_year=-1)]),
    ("the 1990s", [D(decade=1990)]),
    ("the 1980’s film", [D(decade=1980)]),
    ("the post-90s generation", [D(decade=1990)]),
    ("the third quarter", [D(quarter=3)]),
    ("in Q3", [D(quarter=3)]),
    ("the first three quarters", [D(quarter=1, end=D(quarter=3))]),
    ("at 3 p.m.", [D(hour=15)]),
    ("at 15:30", [D(hour=15, minute=30)]),
    ("at 3:30 pm", [D(hour=15, minute=30)]),
    ("at 13:34pm", [D(hour=13, minute=34)]),
    ("as of 24:00", [D(hour=0, minute=0)]),
    ("at eight o'clock", [D(hour=8, hour_12=True)]),
    ("in 2025", [D(year=2025)]),
    ("from 2019 to 2021", [D(year=2019, end=D(year=2021))]),
    ("by 2007 and 2008", [D(year=2007), D(year=2008)]),
    ("from October to December", [D(month=10, end=D(month=12))]),
    ("2020-07-26 05:03:17", [D(year=2020, month=7, day=26), D(hour=5, minute=3)]),
]

SCORES = [
    ("won 6-3 in the final set", [Q("score", 6, 3)]),
    ("lost 1-2 to Japan", [Q("score", 1, 2)]),
    ("a 3-1 victory", [Q("score", 3, 1)]),
    ("reached the last 32", [Q("number", 32)]),
    ("in the top 10", [Q("number", 10)]),
]

# Durations written like clock times, BC years, fiscal years, conversions in brackets,
# prices per area, percent ranges, quarters in a list.
COMPOUND = [
    ("won in 2:07:18", [Q("number", 7638, unit="s")]),
    ("a pace of about 3:05 per kilometer", [Q("number", 185, unit="s"),
                                            Q("number", 1, unit="km", soft=True)]),
    ("a full 1 minute 12 seconds ahead", [Q("number", 72, unit="s")]),
    ("the match lasted 2 hours and 41 minutes", [Q("number", 9660, unit="s")]),
    ("at 05:03:17", [D(hour=5, minute=3)]),
    ("or 353 BC", [D(year=-353)]),
    ("the 2025-26 budget", [D(year=2025, end=D(year=2026))]),
    ("96.3 kilograms (212 pounds)", [Q("number", 96.3, unit="kg")]),
    ("12 to 18 degrees Celsius (54 to 64 degrees Fahrenheit)",
     [Q("number", 12, 18, unit="degC", is_range=True)]),
    ("15 km (9 miles) per hour", [Q("number", 15, unit="km")]),
    ("dropping by 4 to 6 degrees Celsius (7 to 11 degrees Fahrenheit)",
     [Q("number", 4, 6, unit="degC", is_range=True)]),
    ("20.84 yuan per kilogram", [Q("number", 20.84, unit="per_kg", currency="CNY")]),
    ("100 yuan at the end", [Q("number", 100, currency="CNY")]),
    ("won in 1:45.32", [Q("number", 105.32, unit="s")]),
    ("a double-blind trial", []),
    ("departures at Terminal 2 and Line 30",
     [Q("number", 2, soft=True), Q("number", 30, soft=True)]),
    ("in the 0.5 to 10 keV band", [Q("number", 0.5, 10, unit="keV", is_range=True)]),
    ("3,458 yuan per square meter", [Q("number", 3458, unit="per_m2", currency="CNY")]),
    ("553 million barrels", [Q("number", 5.53e8, unit="barrel")]),
    ("growth of 2% to 3%", [Q("percent", 2, 3, is_range=True)]),
    ("between 2.5% and 3%", [Q("percent", 2.5, 3, is_range=True)]),
    ("cut from 1.40% to 1.30%", [Q("percent", 1.4), Q("percent", 1.3)]),
    ("in the second and third quarters", [D(quarter=2), D(quarter=3)]),
    ("in the first nine months", [D(month=1, end=D(month=9))]),
    ("a Phase 3 trial", [Q("number", 3, soft=True)]),
    ("on September 26 and 27", [D(month=9, day=26, end=D(day=27))]),
    ("from 8 a.m. on September 24 to 8 a.m. on the 26th",
     [D(hour=8), D(month=9, day=24), D(hour=8), D(day=26)]),
    ("on the 10th floor", [Q("ordinal", 10)]),
    ("5G+4K/8K video", []),
    ("in the first 11 months", [D(month=1, end=D(month=11))]),
    ("exports for January-November", [D(month=1, end=D(month=11))]),
    ("about RM45.6 billion", [Q("number", 4.56e10, currency="MYR", approx=True)]),
    ("the FY2024 Budget surplus and FY25", [D(year=2024), D(year=2025)]),
    ("0.3°C per decade", [Q("number", 0.3, unit="degC"), Q("number", 10, unit="year", soft=True)]),
    ("coxsackievirus type 2 and type 16", []),
    ("at nearly 11 kilometers per second", [Q("number", 11, unit="km", approx=True)]),
    ("re-entered for a third deceleration", [Q("ordinal", 3, soft=True)]),
    ("a third of the cases", [Q("number", 1 / 3)]),
    ("of which about a third is water", [Q("number", 1 / 3)]),
    ("the 19th century and the nineteenth-century", [D(decade=1800), D(decade=1800)]),
    ("a 25-percentage-point gap", [Q("points", 25)]),
    ("a 25-basis-point rate cut", [Q("number", 25, unit="bp")]),
    ("He is 65.", [Q("number", 65)]),
    ("from 5.7% in 2024 to 4.2% in 2025", [Q("percent", 5.7), Q("percent", 4.2), D(year=2024),
                                          D(year=2025)]),
]

ALL_CASES: list[tuple[str, list[Expected]]] = (
    DIGITS + SCALES_AND_WORDS + PERCENTAGES + FRACTIONS_AND_MULTIPLES + RANGES + MONEY + UNITS
    + DATES + SCORES + COMPOUND
)


@pytest.mark.parametrize(("text", "expected"), ALL_CASES, ids=[case_id(c) for c in ALL_CASES])
def test_en_grammar(text: str, expected: list[Expected]) -> None:
    check_extraction(text, "en", expected)
