"""Shared vocabulary of the number grammars: units, currencies, scales, approximation words."""

from __future__ import annotations

# Canonical unit codes. Conversions between units of one dimension let a translator's
# legitimate conversion (100公里 → 62 miles) pass while 100公里 → 100 miles is flagged.
UNIT_DIMENSION: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0),
    "m": ("length", 1.0),
    "cm": ("length", 0.01),
    "mm": ("length", 0.001),
    "nm": ("length", 1e-9),
    "um": ("length", 1e-6),
    "mile": ("length", 1609.344),
    "inch": ("length", 0.0254),
    "foot": ("length", 0.3048),
    "t": ("mass", 1000.0),
    "kg": ("mass", 1.0),
    "g": ("mass", 0.001),
    "mg": ("mass", 1e-6),
    "jin": ("mass", 0.5),
    "lb": ("mass", 0.45359237),
    "km2": ("area", 1e6),
    "m2": ("area", 1.0),
    "ha": ("area", 1e4),
    "acre": ("area", 4046.8564224),
    "barrel": ("oil volume", 1.0),
    "kbps": ("data rate", 1e3),
    "Mbps": ("data rate", 1e6),
    "Gbps": ("data rate", 1e9),
    "per_m2": ("price per area", 1.0),
    "per_sqft": ("price per area", 10.7639104),
    "per_kg": ("price per mass", 1.0),
    "per_jin": ("price per mass", 2.0),
    "per_t": ("price per mass", 0.001),
    "per_g": ("price per mass", 1000.0),
    "mu": ("area", 666.6667),
    "sqmile": ("area", 2589988.11),
    "sqft": ("area", 0.09290304),
    "h": ("time", 3600.0),
    "min": ("time", 60.0),
    "s": ("time", 1.0),
    "day": ("time", 86400.0),
    "week": ("time", 604800.0),
    "month": ("time", 2629800.0),
    "year": ("time", 31557600.0),
    "age": ("age", 1.0),
    "W": ("power", 1.0),
    "kW": ("power", 1000.0),
    "MW": ("power", 1e6),
    "GW": ("power", 1e9),
    "kWh": ("energy", 1.0),
    "MWh": ("energy", 1e3),
    "GWh": ("energy", 1e6),
    "TWh": ("energy", 1e9),
    "mAh": ("charge", 1.0),
    "MB": ("data", 1e6),
    "GB": ("data", 1e9),
    "TB": ("data", 1e12),
    "bp": ("rate", 1.0),
    "degC": ("temperature", 1.0),
    "degF": ("temperature", 5 / 9),  # affine: see convert()
    "km/h": ("speed", 1.0),
    "mph": ("speed", 1.609344),
    "GHz": ("frequency", 1e9),
    "eV": ("energy per particle", 1.0),
    "keV": ("energy per particle", 1e3),
    "MeV": ("energy per particle", 1e6),
    "MHz": ("frequency", 1e6),
    "Hz": ("frequency", 1.0),
    "mp": ("pixels", 1e6),
    "pixel": ("pixels", 1.0),
    "L": ("volume", 1e-3),
    "ml": ("volume", 1e-6),
    "yuan": ("money", 1.0),
}

# "age" and "year" are the same quantity in practice: 25岁 ↔ "25 years".
COMPATIBLE_UNITS: set[frozenset[str]] = {frozenset({"age", "year"})}

# Currency families: a bare "$" or "dollars" is any dollar; a bare ¥ is yuan or yen.
CURRENCY_FAMILIES: dict[str, frozenset[str]] = {
    "DOLLAR": frozenset({"USD", "HKD", "TWD", "SGD", "AUD", "CAD", "NZD"}),
    "YEN_OR_YUAN": frozenset({"JPY", "CNY"}),
    # a bare 元 is the renminbi on the mainland and the New Taiwan dollar in Taiwan
    # (and the Hong Kong dollar in Hong Kong, 1500元 = HK$1,500)
    "YUAN": frozenset({"CNY", "TWD", "HKD", "MOP"}),
}

SYMBOL_OF_CURRENCY: dict[str, str] = {
    "USD": "$",
    "HKD": "HK$",
    "TWD": "NT$",
    "SGD": "S$",
    "AUD": "A$",
    "CAD": "C$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "",
    "MYR": "RM",
    "KRW": "₩",
    "INR": "₹",
    "THB": "฿",
    "MOP": "MOP$",
}

ZH_CURRENCY_NAMES: dict[str, str] = {
    "USD": "美元",
    "HKD": "港元",
    "TWD": "新台币",
    "SGD": "新加坡元",
    "AUD": "澳元",
    "CAD": "加元",
    "EUR": "欧元",
    "GBP": "英镑",
    "JPY": "日元",
    "CNY": "元",
    "DOLLAR": "美元",
    "YEN_OR_YUAN": "元",
    "YUAN": "元",
    "MYR": "令吉",
    "KRW": "韩元",
    "INR": "卢比",
    "THB": "泰铢",
    "MOP": "澳门元",
}

# "first", "second", "third" come and go with style ("for the first time" ↔ 首次); a
# "fifth" or "tenth" is a fact that must have a source.
SOFT_ORDINAL_MAX = 3

# ISO-style codes written before an amount (RMB100亿, RM45.6 billion, USD 3m): never a
# model name, although they look like one.
CURRENCY_CODES = ("RMB", "USD", "HKD", "CNY", "EUR", "GBP", "JPY", "TWD", "SGD", "MYR", "KRW",
                  "THB", "INR", "MOP", "RM")
CURRENCY_CODE_PATTERN = "(?:" + "|".join(CURRENCY_CODES) + ")"

# How messages name a currency code or family.
CURRENCY_NAMES: dict[str, str] = {
    "DOLLAR": "dollars",
    "YEN_OR_YUAN": "yen or yuan",
    "YUAN": "yuan",
    "CNY": "yuan (CNY)",
}


def currencies_compatible(a: str | None, b: str | None) -> bool:
    """Same currency, or one side unspecified, or a family that contains the other."""
    if a is None or b is None or a == b:
        return True
    for family, members in CURRENCY_FAMILIES.items():
        if a == family and b in members or b == family and a in members:
            return True
    return False


def units_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return frozenset({a, b}) in COMPATIBLE_UNITS


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """Convert between units of one dimension; None when they measure different things."""
    if from_unit not in UNIT_DIMENSION or to_unit not in UNIT_DIMENSION:
        return None
    dim_a, factor_a = UNIT_DIMENSION[from_unit]
    dim_b, factor_b = UNIT_DIMENSION[to_unit]
    if dim_a != dim_b:
        return None
    if dim_a == "temperature" and from_unit != to_unit:
        celsius = (value - 32) * 5 / 9 if from_unit == "degF" else value
        return celsius * 9 / 5 + 32 if to_unit == "degF" else celsius
    return value * factor_a / factor_b
