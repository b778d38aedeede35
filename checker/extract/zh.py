"""The Chinese number and date grammar.

Reads 45亿美元, 4.6万亿元, 9000多万, 三成, 百分之五, 0.1个百分点, 四分之一, 翻一番, 两到三年, 十几,
80%至90%, 2025年10月27日, 12月3日至5日, 上世纪90年代, 90后, 第三季度, 下午3点 … into normalised
facts, and leaves alone the numerals inside words (一直, 四川, 万科, 二十国集团, 5G, 卡-52).
"""

from __future__ import annotations

import re
from dataclasses import replace

from checker.extract.base import PRODUCT_NAMES, Claims
from checker.extract.numerals import (
    ZH_DIGITS,
    normalize_chinese,
    normalize_digits,
    parse_arabic,
    parse_zh_number,
    significant_digits,
)
from checker.extract.vocab import CURRENCY_CODE_PATTERN, SOFT_ORDINAL_MAX
from checker.model import DateValue, QuantityKind, SentenceFacts

# ---------------------------------------------------------------- building blocks

# 千瓦, 千米, 千克 are units, not 千; 百分点 and 百分之 are percentages, not 百.
_NOT_UNIT_AFTER_SCALE = r"(?![瓦米克卡帕伏赫兆字焦比]|分点|分之|分比|分位|电子伏)"
_ZH_DIGIT = "零〇○一二两兩三四五六七八九"
_ZH_UNIT = "十百千万萬亿億兆"
_SCALE_CHAR = rf"(?:[{_ZH_UNIT}]{_NOT_UNIT_AFTER_SCALE})"
ZH_NUM = rf"(?:[{_ZH_DIGIT}]|{_SCALE_CHAR})+(?:点[{_ZH_DIGIT}]+)?"
ARABIC = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:,\d{3})*(?:\.\d+)?"
MIXED = rf"(?:{ARABIC})(?:{_SCALE_CHAR}+(?:\d+(?:,\d{{3}})*(?:\.\d+)?{_SCALE_CHAR}+)*)?"
NUMBER = rf"(?:{MIXED}|{ZH_NUM})"

APPROX_BEFORE = (
    "大约|大概|约合|约为|约|将近|接近|近乎|近|超过|超出|超|逾|多达|高达|至少|最多|不到|不足|不少于|几乎"
)
APPROX_AFTER = "多|余|左右|上下|以上|以下|来|许"
_SCALE_AFTER_APPROX = "[万萬亿億]+"  # 9000多万, 1300余万: the scale follows 多/余

CURRENCIES = {
    "美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR", "日元": "JPY",
    "英镑": "GBP", "澳元": "AUD", "加元": "CAD", "新台币": "TWD", "新加坡元": "SGD",
    "人民币": "CNY", "台币": "TWD", "新元": "SGD", "新币": "SGD", "令吉": "MYR",
    "林吉特": "MYR", "马币": "MYR", "韩元": "KRW", "泰铢": "THB", "卢比": "INR", "卢布": "RUB",
    "澳门元": "MOP", "元": "YUAN",
}  # fmt: skip
CURRENCY_PREFIXES = {
    "人民币": "CNY", "¥": "CNY", "￥": "CNY", "US$": "USD", "HK$": "HKD", "$": "USD",
    "€": "EUR", "£": "GBP", "RMB": "CNY", "CNY": "CNY", "USD": "USD", "HKD": "HKD",
    "EUR": "EUR",
}  # fmt: skip
UNITS = {
    "平方公里": "km2", "平方千米": "km2", "平方米": "m2", "公里/小时": "km/h", "公里": "km",
    "千米": "km", "厘米": "cm", "毫米": "mm", "纳米": "nm", "英里": "mile", "英寸": "inch",
    "英尺": "foot", "米": "m", "公吨": "t", "吨": "t", "公斤": "kg", "千克": "kg", "毫克": "mg",
    "克": "g", "平方呎": "sqft", "平方尺": "sqft", "平方英尺": "sqft", "千电子伏特": "keV",
    "千电子伏": "keV", "兆电子伏特": "MeV", "兆电子伏": "MeV", "电子伏特": "eV", "电子伏": "eV",
    "斤": "jin", "磅": "lb", "公顷": "ha", "亩": "mu", "小时": "h", "分钟": "min", "秒钟": "s",
    "秒": "s", "天": "day", "周": "week", "星期": "week", "个月": "month", "年": "year",
    "周岁": "age", "岁": "age", "毫安时": "mAh", "千瓦时": "kWh", "度电": "kWh", "千瓦": "kW",
    "兆瓦": "MW", "吉瓦": "GW", "瓦": "W", "GB": "GB", "TB": "TB", "MB": "MB", "G": "GB",
    "摄氏度": "degC", "℃": "degC", "个基点": "bp", "基点": "bp", "吉赫": "GHz", "GHz": "GHz",
    "兆赫": "MHz", "赫兹": "Hz", "像素": "pixel", "mAh": "mAh", "W": "W", "km": "km", "kg": "kg",
    "毫升": "ml", "公升": "L", "升": "L", "周年": "year", "英亩": "acre", "华氏度": "degF",
    # Latin unit symbols written in Chinese text: 直径达4cm, 功率100kW
    "km/h": "km/h", "cm": "cm", "mm": "mm", "nm": "nm",
    "微米": "um", "μm": "um", "kWh": "kWh", "kW": "kW", "MW": "MW",
    "GW": "GW", "Hz": "Hz", "MHz": "MHz", "ml": "ml", "mL": "ml", "桶": "barrel",
    "月龄": "month", "Mbit/s": "Mbps", "Mbps": "Mbps", "Gbit/s": "Gbps", "Gbps": "Gbps",
    "kbps": "kbps",
}
# 3458元/平方米: a price per square metre
# a price per measure: 3458元/平方米, 20.84元/公斤, 每公斤20.84元
PER_MEASURE = re.compile(
    r"\s*(?:/|每)\s*(?:(?P<per_m2>平方米|平米|㎡|m2|m²)|(?P<per_sqft>平方呎|平方尺|平方英尺)"
    r"|(?P<per_kg>公斤|千克|kg)|(?P<per_jin>斤)|(?P<per_t>吨)|(?P<per_g>克))"
)
PER_MEASURE_BEFORE = re.compile(
    r"每(?:(?P<per_m2>平方米|平米)|(?P<per_sqft>平方呎|平方尺|平方英尺)|(?P<per_kg>公斤|千克)"
    r"|(?P<per_jin>斤)|(?P<per_t>吨)|(?P<per_g>克))\s*$"
)
CLASSIFIERS = (
    "个|名|位|人|家|只|条|次|项|件|座|所|艘|架|辆|台|部|本|场|届|轮|批|种|类|份|篇|支|枚|颗|处|"
    "起|例|户|头|株|棵|片|张|栋|套|间|层|级|期|款|首|票|分|球|局|盘|杆|枪|城|省|州|县|村|"
    "所|门|组|队|对|道|步|段|页|封|声|辆|匹|剂|针|床|笔|单|宗|桩|号|强|码|夜|晚"
)
# 升 is also "rise": 由5升至8 is a rise, 喝2升水 a volume.
_NOT_LITRE_AFTER = "至到为高级值幅温降学职格华空旗起了"
_SPEED_LEAD = re.compile(r"时速[达到为约近超过逾了高最是]{0,4}$")

_unit_alternation = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
_currency_alternation = "|".join(sorted(CURRENCIES, key=len, reverse=True))
_prefix_alternation = "|".join(sorted(map(re.escape, CURRENCY_PREFIXES), key=len, reverse=True))

# Words that contain numerals but are not numbers; claimed before anything else.
NOT_NUMBERS = re.compile(
    "一直|一些|一起|一切|一样|一定|一般|一致|一旦|一度|一再|一向|一律|一贯|一同|一道|一边|"
    "一方面|一体化|一体|一流|一线|一举|一味|一时|一带一路|统一|唯一|万一|进一步|第一时间|"
    "十分|万分|千万别|千万不|千万要|三星|四川|万科|万达|万豪|九寨沟|百度|百事|百姓|百货|"
    "千岛湖|三峡|两会|两岸|三农|八达岭|一汽|三一重工|五粮液|十字|二十国集团|七国集团|"
    "八国集团|三中全会|四中全会|五中全会|二中全会|一中全会|两弹一星|三亚|五四|九州|六一|"
    # metro lines are names: 30号线 ↔ "Line 30", or no number at all
    r"\d{1,2}号线|"
    # 24小时巡查 ↔ "patrolling around the clock" (but 24小时内 is a real span of time)
    r"24小时(?=[\u4e00-\u9fff])(?!内|以内|之内|后|前|的|里|中|左右)|全天候|"
    # holidays named by their date: 双十一 (Singles Day), 十一黄金周 (National Day week)
    r"双十一|双11|双十二|双12|十一黄金周|十一假期|十一长假|十一期间|"
    # virus and disease types: A组6型 (A6), 2型糖尿病 (type 2 diabetes)
    r"(?<![\d.])\d{1,2}型|"
    # names with numbers: carbon-14 dating, stock indices (沪深300 ↔ CSI 300)
    r"碳-?十四|碳-?14|(?:沪深|上证|中证|深证|国证|恒生科技|科创|创业板)\s?\d+|"
    # 几 that is not "a few": 几乎 (almost), 几何 (geometry), 几率 (odds)
    "几乎|几何|几率|几经|几近|庶几|无几|"
    # 零 as a morpheme: parts, retail, snacks (零部件 is no "zero")
    "零部件|零配件|零件|零组件|零組件|零售|零食|零钱|零錢|零星|零散|零碎|零工|"
    # rounds of a tournament: 四分之一决赛 "quarter-finals"
    "(?:四|八)分之一(?:决|決)赛|(?:四|八)分之一(?:决|決)賽|"
    # rates: 14.3/10万 ↔ "14.3 per 100,000"; the base is not a quantity
    r"/(?:10|100|1000)?[万千百]|每(?:10|100)?[万千百]人|/1000|/10000|/100000|‰|"
    # 5G, 4G networks
    r"(?<![\dA-Za-z.])[2-6]G(?![A-Za-z\d])|"
    # designations glued to a Chinese name: 卡-52, 米-28NM, 歼-20 (but 降至-5℃ is a number)
    r"(?<=[\u4e00-\u9fff])(?<![至到为是达降升跌于在从比和与或及约近超逾年月日号时分秒点期届])"
    r"-\d+(?:[A-Za-z]+\d*)*(?![\d.%℃度摄个万亿千百年月日号])|"
    # model names: WTA1000, ATP 500
    rf"(?<![A-Za-z])(?!{CURRENCY_CODE_PATTERN}(?:\b|\d))[A-Z]{{2,}}\s?\d+(?:\.\d+)?"
)

# ---------------------------------------------------------------- dates and times

# 公元前221年 (BC), and the Republic of China calendar used in Taiwan: 民国111年 = 2022,
# also a bare 111年 when a month follows (111年3月).
YEAR = (
    r"(?:公元前\s*\d{1,4}|公元\s*\d{1,4}|民国\s*\d{1,3}|\d{4}|[零〇○一二三四五六七八九]{4}"
    r"|(?<![\d.])1[0-2]\d(?=\s*年\s*(?:1[0-2]|0?[1-9])\s*月))"
)
ROC_EPOCH = 1911
MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
DAY = (
    r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|"
    r"[一二三四五六七八九])"
)
# A day without its month: 一日 and 十日 are more often "one day" and "ten days".
LONE_DAY = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九])"
RANGE_SEP = r"(?:至|到|-|—|–|~|～)"

FULL_DATE = re.compile(
    rf"(?:(?P<rel>今年|去年|明年|前年)|(?P<year>{YEAR})\s*年\s*)?(?P<month>{MONTH})\s*月(?!龄|大)"
    rf"(?:\s*(?P<day>{DAY})\s*(?:[日号]|(?=[和、及与]\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)))?"
    rf"(?:{RANGE_SEP}(?:(?:(?P<year2>{YEAR})年)?(?P<month2>{MONTH})月)?(?P<day2>{DAY})[日号]"
    rf"|{RANGE_SEP}(?P<month3>{MONTH})月)?"
)
YEAR_RANGE = re.compile(rf"(?P<year>{YEAR})(?:年)?{RANGE_SEP}(?P<year2>{YEAR})年(?!代)")
# 1—11月, 1至11月: a range of months with 月 written once
MONTH_RANGE = re.compile(
    rf"(?:(?P<rel>今年|去年|明年)|(?P<year>{YEAR})\s*年\s*)?"
    rf"(?<![\d.])(?P<month>1[0-2]|0?[1-9])\s*{RANGE_SEP}\s*(?P<month2>1[0-2]|0?[1-9])\s*月"
    r"(?![\d日号龄])"
)
# 一二月份 ↔ "January and February": two neighbouring months written as one word
MONTH_PAIR = re.compile(
    r"(?<![一二三四五六七八九十\d])(?P<a>[一二三四五六七八九])(?P<b>[二三四五六七八九十])月(?!\d|[日号])"
)
# 上月, 上个月, 下月, 当月: a month named by reference; the translator may name it
RELATIVE_MONTH = re.compile(r"(?P<which>上个?月|上一个?月|下个?月|本月|当月|同月)(?!份?\d)")
_RELATIVE_MONTHS = {"上": -1, "下": 1, "本": 0, "当": 0, "同": 0}
# 前10个月 ↔ "the first 10 months" ↔ "January to October"
FIRST_MONTHS = re.compile(r"前(?P<n>1[0-2]|[2-9]|十[一二]?|[二两三四五六七八九])个月")
# 2024财政年, 2025财年: a fiscal year
FISCAL_YEAR_SINGLE = re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)\s*(?:财政年度?|财年)")
# 2025至26年度, 2024-25财政年度: a fiscal year written with the second year shortened
FISCAL_YEAR = re.compile(
    r"(?<![\d.])(?P<year>(?:19|20)\d\d)\s*(?:至|到|-|—|–|/)\s*(?P<yy>\d\d)(?![\d.])"
    r"\s*(?:财政)?(?:年度|年)?"
)
# 2019-2020赛季: a year range without 年, recognised by its shape (checked in code).
BARE_YEAR_RANGE = re.compile(
    r"(?<![\d.])(?P<year>(?:19|20)\d\d)\s*(?:-|—|–|~|～|至|到|/)\s*(?P<year2>(?:19|20)\d\d)"
    r"(?![\d.年])"
)
_MAX_YEAR_SPAN = 30
YEAR_ONLY = re.compile(rf"(?<!\d)(?P<year>{YEAR})\s*年(?!代)")
# In Traditional-character text a three-digit year is the Republic's: 115年度 = 2026
ROC_YEAR = re.compile(r"(?<![\d.,])(?P<year>1[0-2]\d)\s*年(?!代|[前后後来來内內間间])")
# 7日年化, 近7日, 二日游: a number of days, not the 7th
DAY_DURATION = re.compile(
    r"(?:(?P<lead>近|过去|最近|连续|未来|前)(?P<n>\d+|[一二两三四五六七八九十]+)日"
    r"|(?P<n2>\d+|[一二两三四五六七八九十]+)日(?=年化|内|之内|以内|均|平均|游|滚动)"
    # 百日冲刺 ↔ "a 100-day campaign"
    r"|(?<![\d一二两三四五六七八九十])(?P<n3>百|千)日"
    # 平均逗留1.2日: a decimal number of days is never a date
    r"|(?P<n4>\d+\.\d+)日)"
)
DAY_ONLY = re.compile(
    rf"(?<![\d月第]){'(?P<day>'}{LONE_DAY}){'(?:'}{RANGE_SEP}(?P<day2>{LONE_DAY}))?"
    r"日(?!元|本|语|报(?!道|告|称))"
)
# 25、26日: the first day of a list borrows the 日 of the last
DAY_LIST = re.compile(r"(?<![\d月.])(?P<day>3[01]|[12]\d|0?[1-9])(?=、(?:3[01]|[12]\d|0?[1-9])日)")
DECADE = re.compile(
    r"(?P<century>上世纪|上个世纪|20世纪|二十世纪|本世纪|21世纪|二十一世纪)?"
    r"(?P<decade>\d{4}|\d0|[二三四五六七八九]十)年代"
)
# 19世纪 ↔ "the 19th century" ↔ "the 1800s": a century is stored as the decade it opens
CENTURY = re.compile(
    r"(?<![\d.])(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})世纪(?![\d一二三四五六七八九十]+年代)"
)
# 90后, 八零后: the generation born in a decade
GENERATION = re.compile(r"(?<![\d.])(?:(?P<digits>[05-9]0|00|10)|(?P<zh>[五六七八九零〇]零))后")
# 三季度, 第三季度, and in Taiwan and Hong Kong 第三季 (without 度)
QUARTER = re.compile(
    r"(?<![上下本每同这该])(?:(?P<first>前)?第?(?P<q>[一二三四1-4])季度|第(?P<q2>[一二三四1-4])季)"
)
PERIOD = "上午|下午|晚上|晚间|凌晨|中午|早上|早晨|傍晚|清晨|夜间|夜里|晚"
TIME_OF_DAY = re.compile(
    rf"(?P<period>{PERIOD})?(?<![\d.])(?P<hour>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})"
    rf"(?:时|点)(?:(?P<minute>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})分|(?P<half>半))?"
)
CLOCK = re.compile(
    r"(?<![\d:])(?P<hour>[01]?\d|2[0-4]):(?P<minute>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
)

_DAY_HOURS = 24
_AFTERNOON = {"下午", "晚上", "晚间", "傍晚", "夜间", "夜里", "晚"}
_THIS_CENTURY = ("本世纪", "21世纪", "二十一世纪")


def _year(text: str | None) -> int | None:
    """The calendar year of a YEAR match: 公元前353 → -353, 民国111 → 2022, 2025 → 2025."""
    if not text:
        return None
    digits = re.sub(r"^(?:公元前|公元|民国)\s*", "", text)
    value = _zh_int(digits)
    if value is None:
        return None
    if text.startswith("公元前"):
        return -value
    if text.startswith("民国") or (len(text) == 3 and text.isdigit()):  # 111年3月
        return value + ROC_EPOCH
    return value


def _zh_int(text: str | None) -> int | None:
    if not text:
        return None
    value = parse_zh_number(text)
    return None if value is None else int(value)


# 2小时07分18秒, 3分05秒, 2小时41分钟: one duration, compared in seconds
DURATION = re.compile(
    r"(?<![\d.])(?:(?P<h>\d{1,3})\s*个?小时\s*(?P<m>\d{1,2})\s*分(?:钟)?(?:\s*(?P<s>\d{1,2})\s*秒)?"
    r"|(?P<m2>\d{1,3})\s*分(?:钟)?\s*(?P<s2>\d{1,2})\s*秒)(?P<cs>\d{2}(?!\d))?"
)
# Results in the sports pages: 9秒97 = 9.97 seconds, 19米58 = 19.58 metres
SPORTS_MARK = re.compile(r"(?<![\d.])(?P<whole>\d{1,3})(?P<unit>秒|米)(?P<hundredths>\d{2})(?!\d)")


def _extract_durations(claims: Claims) -> None:
    for match in claims.matches(DURATION):
        hours = int(match["h"] or 0)
        minutes = int(match["m"] or match["m2"] or 0)
        seconds = int(match["s"] or match["s2"] or 0) + int(match["cs"] or 0) / 100
        claims.add_quantity(match.start(), match.end(), QuantityKind.NUMBER,
                            hours * 3600 + minutes * 60 + seconds, unit="s")
    for match in claims.matches(SPORTS_MARK):
        value = int(match["whole"]) + int(match["hundredths"]) / 100
        claims.add_quantity(match.start(), match.end(), QuantityKind.NUMBER, value,
                            unit="s" if match["unit"] == "秒" else "m")


def _extract_dates(claims: Claims, norm: str, traditional: bool) -> None:
    _extract_durations(claims)
    claims.add_iso_dates()
    _extract_decades(claims)
    _extract_quarters(claims)
    for match in claims.matches(MONTH_PAIR):
        first, second = ZH_DIGITS[match["a"]], _zh_int(match["b"])
        if second == first + 1:
            end = DateValue(span=claims.span(match.start("b"), match.end()), month=second)
            claims.add_date(match.start(), match.end(), month=first, end=end)
    for match in claims.matches(RELATIVE_MONTH):
        claims.add_date(match.start(), match.end(),
                        relative_month=_RELATIVE_MONTHS[match["which"][0]])
    for match in claims.matches(FIRST_MONTHS):
        last = _zh_int(match["n"])
        end = DateValue(span=claims.span(match.start("n"), match.end()), month=last)
        claims.add_date(match.start(), match.end(), month=1, end=end)
    for match in claims.matches(MONTH_RANGE):
        end = DateValue(span=claims.span(match.start("month2"), match.end()),
                        month=int(match["month2"]))
        if int(match["month"]) < int(match["month2"]):
            relative = {"今年": 0, "去年": -1, "明年": 1}.get(match["rel"] or "")
            claims.add_date(match.start(), match.end(), month=int(match["month"]), end=end,
                            year=_year(match["year"]), relative_year=relative)
    for match in claims.matches(FISCAL_YEAR_SINGLE):
        claims.add_date(match.start(), match.end(), year=int(match["year"]))
    for match in claims.matches(FISCAL_YEAR):
        first = int(match["year"])
        second = first // 100 * 100 + int(match["yy"])
        if second == first + 1:
            end = DateValue(span=claims.span(match.start("yy"), match.end()), year=second)
            claims.add_date(match.start(), match.end(), year=first, end=end)
    for match in claims.matches(YEAR_RANGE):
        claims.add_date(match.start(), match.end(), year=_year(match["year"]),
                        end=_year_end(claims, match))
    for match in claims.matches(BARE_YEAR_RANGE):
        if _is_bare_year_range(norm, match):
            claims.add_date(match.start(), match.end(), year=int(match["year"]),
                            end=_year_end(claims, match))
    for match in claims.matches(FULL_DATE):
        _add_full_date(claims, match)
    for match in claims.matches(YEAR_ONLY):
        claims.add_date(match.start(), match.end(), year=_year(match["year"]))
    if traditional:
        for match in claims.matches(ROC_YEAR):
            claims.add_date(match.start(), match.end(), year=int(match["year"]) + ROC_EPOCH)
    _extract_day_durations(claims)
    for match in claims.matches(DAY_LIST):
        claims.add_date(match.start(), match.end(), day=int(match["day"]))
    for match in claims.matches(DAY_ONLY):
        end = None
        if match["day2"]:
            end = _end_date(claims, match, day=_zh_int(match["day2"]))
        claims.add_date(match.start(), match.end(), day=_zh_int(match["day"]), end=end)
    _extract_times(claims, norm)


def _is_bare_year_range(norm: str, match: re.Match[str]) -> bool:
    """2019-2020赛季 is a range of years; 1900-2000元 is a range of prices."""
    first, second = int(match["year"]), int(match["year2"])
    if not first < second <= first + _MAX_YEAR_SPAN:
        return False
    end = match.end()
    return not (_UNIT_RE.match(norm, end) or _CURRENCY_RE.match(norm, end)
                or _AFTER_MARKERS.match(norm, end) or _CLASSIFIER_RE.match(norm, end)
                or re.match(f"[{_ZH_UNIT}]", norm[end : end + 1]))


def _year_end(claims: Claims, match: re.Match[str]) -> DateValue:
    return DateValue(span=claims.span(match.start("year2"), match.end()),
                     year=_year(match["year2"]))


def _end_date(claims: Claims, match: re.Match[str], **parts: int | None) -> DateValue:
    span = claims.span(match.start(), match.end())
    return DateValue(span=span, **parts)  # type: ignore[arg-type]


def _add_full_date(claims: Claims, match: re.Match[str]) -> None:
    relative = {"今年": 0, "去年": -1, "明年": 1, "前年": -2}.get(match["rel"] or "")
    month = _zh_int(match["month"])
    if month is None or not 1 <= month <= 12:
        return
    end = None
    if match["day2"] or match["month3"]:
        end = _end_date(
            claims,
            match,
            year=_year(match["year2"]),
            month=_zh_int(match["month2"]) or _zh_int(match["month3"]),
            day=_zh_int(match["day2"]),
        )
    claims.add_date(
        match.start(),
        match.end(),
        year=_year(match["year"]),
        month=month,
        day=_zh_int(match["day"]),
        relative_year=relative,
        end=end,
    )


def _extract_decades(claims: Claims) -> None:
    for match in claims.matches(DECADE):
        raw = match["decade"]
        value = int(raw) if raw.isdigit() else _zh_int(raw)
        if value is None:
            continue
        if value < 100:
            century = match["century"] or ""
            base = 2000 if century in _THIS_CENTURY else 1900
            value = base + value if century or value >= 30 else 2000 + value
        claims.add_date(match.start(), match.end(), decade=value)
    for match in claims.matches(CENTURY):
        number = _zh_int(match["n"])
        if number and 1 <= number <= 22:
            claims.add_date(match.start(), match.end(), decade=(number - 1) * 100)
    for match in claims.matches(GENERATION):
        two_digits = int(match["digits"] or _zh_int(match["zh"]) or 0)
        decade = 2000 + two_digits if two_digits < 50 else 1900 + two_digits
        claims.add_date(match.start(), match.end(), decade=decade)


def _extract_quarters(claims: Claims) -> None:
    for match in claims.matches(QUARTER):
        quarter = _zh_int(match["q"] or match["q2"])
        if match["first"]:  # 前三季度: the first three quarters
            end = _end_date(claims, match, quarter=quarter)
            claims.add_date(match.start(), match.end(), quarter=1, end=end)
        else:
            claims.add_date(match.start(), match.end(), quarter=quarter)


def _extract_day_durations(claims: Claims) -> None:
    for match in claims.matches(DAY_DURATION):
        group = next(name for name in ("n", "n2", "n3", "n4") if match[name])
        value = _value("一" + match[group]) if group == "n3" else _value(match[group])
        if value is None:
            continue
        claims.add_quantity(match.start(group), match.end(), QuantityKind.NUMBER, value,
                            unit="day", soft=_is_chinese_only(match[group]) and value <= 10)


def _extract_times(claims: Claims, norm: str) -> None:
    for match in claims.matches(CLOCK):
        claims.add_date(match.start(), match.end(), hour=int(match["hour"]) % _DAY_HOURS,
                        minute=int(match["minute"]))
    for match in claims.matches(TIME_OF_DAY):
        _add_time_of_day(claims, norm, match)


def _add_time_of_day(claims: Claims, norm: str, match: re.Match[str]) -> None:
    period, hour_text = match["period"], match["hour"]
    marker = norm[match.end("hour")]
    following = norm[match.end() : match.end() + 1]
    before = norm[max(0, match.start() - 1) : match.start()]
    if marker == "时" and (before == "小" or following in ("间", "代", "候", "期", "刻")):
        return
    if marker == "点" and not (period or hour_text.isdigit() or match["minute"]):
        return  # 一点 / 三点 without a time of day are "a bit" / "three points"
    if (marker == "点" and not match["minute"] and following
            and (following.isdigit() or following in ZH_DIGITS)):
        return  # 三点五 is a decimal (but 3時40分三讀 is a time)
    hour = _zh_int(hour_text)
    if hour is None or hour > 24:
        return
    if period in _AFTERNOON and hour < 12:
        hour += 12
    hour %= _DAY_HOURS  # 24时 is midnight, as "midnight" and 0:00 are
    minute = 30 if match["half"] else _zh_int(match["minute"])
    claims.add_date(match.start(), match.end(), hour=hour, minute=minute,
                    hour_12=not period and hour <= 12 and marker == "点")


# ---------------------------------------------------------------- special quantities

PERCENT_WORDS = re.compile(rf"(?P<approx>{APPROX_BEFORE})?(?:百分之|百分比)(?P<n>{NUMBER})")
PERMILLE = re.compile(rf"千分之(?P<n>{NUMBER})")
FRACTION = re.compile(rf"(?P<d>{NUMBER})分之(?P<n>{NUMBER})")
TENTHS = re.compile(
    rf"(?P<approx>{APPROX_BEFORE})?(?<![\d.])"
    # 偏少六至八成 ↔ "60-80% below normal"
    rf"(?:(?P<low>[一二两三四五六七八九1-9])(?:至|到|-|—|~))?(?P<n>[一二两三四五六七八九十1-9])成"
    r"(?P<extra>[一二三四五六七八九半])?(?![为立功员绩果交长熟都就型品年]|本(?!科))"
)
DOUBLING = re.compile(r"翻了?(?P<n>一|两|三|1|2|3)?番|翻倍|翻了一倍")
MULTIPLE = re.compile(
    rf"(?P<verb>增长|增加|提高|上升|扩大|增长了|增加了|提高了|上升了|扩大了)?"
    rf"(?P<approx>{APPROX_BEFORE})?(?:(?P<low>{NUMBER})(?:至|到|-|—|~)(?=[\d一二两三四五六七八九十]))?"
    rf"(?P<n>{NUMBER})倍"
)
FIVE_YEAR_PLAN = re.compile(r"十(?P<n>[一二三四五六七八九])五")  # 十四五 (规划, 时期, 期间 …)
_SCORE_SIDE = r"\d{1,3}(?:\.\d+)?|[零一二两三四五六七八九十]{1,2}"
# 6比3 (a score), 1.43:1 and 1比3.31 (ratios): two numbers in order
SCORE = re.compile(
    rf"(?<![\d.:])(?P<a>{_SCORE_SIDE})\s*(?:比|:|：)\s*(?P<b>{_SCORE_SIDE})(?![\d.:])"
)
#: The rounds of a tournament English names by a word: the quarter-finals, the semi-finals.
ROUNDS_WITH_NAMES = (4.0, 8.0)
TOP_N = re.compile(
    r"(?<![\d.])(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})强"
    # 前十大企业 ↔ "the top 10 companies", 位列前三 ↔ "ranked top three"
    r"|前(?P<top>十|二十|五十|一百|\d{1,3}|[二三四五])(?=大|名|位|强|[,，。；;、]|$)"
)
# 九折 ↔ "a 10% discount", 八五折 ↔ "15% off": the price paid in tenths
DISCOUNT = re.compile(
    r"(?<![\d.])(?P<n>[一二三四五六七八九1-9])(?P<half>[五5])?折(?!扣|合|算|叠|线|射)"
)
# 五连胜 ↔ "a fifth straight win", 三连冠 ↔ "a third consecutive title"
STREAK = re.compile(
    r"(?P<n>\d{1,2}|[二两三四五六七八九十]{1,3})连(?=胜|败|冠|涨|跌|升|降|增|减|平)"
)
# 大年初四 ↔ "the fourth day of the Lunar New Year"
LUNAR_DAY = re.compile(r"(?<![最])初(?P<n>[一二三四五六七八九十])(?![中次期步级心衷始])")
VAGUE = re.compile(
    rf"(?P<approx>{APPROX_BEFORE})?(?:(?P<few>几|数)(?P<scale>[十百千万亿]*)|十几"
    rf"|(?P<pair>一两|两三|三四|四五|五六|六七|七八|八九)(?P<pscale>[十百千万亿]*)"
    rf"|成千上万|(?P<up>上百|上千|上万)(?P<uscale>[万亿]*)|亿万|数以万计|数以亿计|数以千计)"
    rf"(?=(?:{_unit_alternation}|{_currency_alternation}|{CLASSIFIERS}|[^\d{_ZH_DIGIT}]|$))"
)
HALF = re.compile(r"(?P<approx>过|超过|近|逾)?(?:一半|半数)")
# 半年, 半个月, 半小时 are durations; 上半年 / 下半年 are halves of the calendar year.
HALF_UNIT = re.compile(r"(?<![上下前后])半(?:个)?(?P<unit>年|月|小时|钟头|天|世纪)")
# (value, unit) of half the period: 半个世纪 is fifty years
_HALF_UNITS = {"年": (0.5, "year"), "月": (0.5, "month"), "小时": (0.5, "h"),
               "钟头": (0.5, "h"), "天": (0.5, "day"), "世纪": (50.0, "year")}
ORDINAL = re.compile(rf"第(?P<n>{NUMBER})")
_VAGUE_FIXED = {
    "十几": (11, 19), "成千上万": (1_000, 99_999), "上百": (100, 999), "上千": (1_000, 9_999),
    "上万": (10_000, 99_999), "数以万计": (10_000, 999_999), "数以千计": (1_000, 9_999),
    "数以亿计": (100_000_000, 9_999_999_999), "亿万": (100_000_000, 9_999_999_999),
}  # fmt: skip


def _value(text: str) -> float | None:
    if re.fullmatch(ARABIC, text):
        return parse_arabic(text)
    return parse_zh_number(text)


def _is_chinese_only(text: str) -> bool:
    return not any(c.isdigit() for c in text)


def _extract_special(claims: Claims, norm: str) -> None:
    for match in claims.matches(FIVE_YEAR_PLAN):
        claims.add_quantity(match.start(), match.end(), QuantityKind.ORDINAL,
                            10 + ZH_DIGITS[match["n"]])
    _extract_percent_words(claims)
    for match in claims.matches(FRACTION):
        denominator, numerator = _value(match["d"]), _value(match["n"])
        if denominator and numerator is not None:
            claims.add_quantity(match.start(), match.end(), QuantityKind.NUMBER,
                                numerator / denominator)
    for match in claims.matches(TENTHS):
        value = _value(match["n"]) or 10.0
        extra = 5 if match["extra"] == "半" else ZH_DIGITS.get(match["extra"] or "零", 0)
        value = value * 10 + extra  # 三成半 = 35%
        low = (_value(match["low"]) or 0) * 10 if match["low"] else value
        claims.add_quantity(match.start("low") if match["low"] else match.start("n"),
                            match.end(), QuantityKind.PERCENT, low, value,
                            approx=bool(match["approx"]), is_range=bool(match["low"]))
    _extract_multiples(claims)
    for match in claims.matches(SCORE):
        first, second = _value(match["a"]), _value(match["b"])
        if first is not None and second is not None:
            claims.add_quantity(match.start(), match.end(), QuantityKind.SCORE, first, second)
    for match in claims.matches(TOP_N):
        value = _value(match["n"] or match["top"])
        if value is not None:
            # 八强, 四强: "the quarter-finals", "the semi-finals", as often as "the last eight"
            claims.add_quantity(match.start(), match.end(), QuantityKind.NUMBER, value,
                                soft=bool(match["n"]) and value in ROUNDS_WITH_NAMES)
    for match in claims.matches(DISCOUNT):
        paid = (_value(match["n"]) or 0) * 10 + (5 if match["half"] else 0)
        claims.add_quantity(match.start(), match.end(), QuantityKind.PERCENT, 100.0 - paid)
    for match in claims.matches(STREAK):
        value = _value(match["n"])
        if value is not None:
            claims.add_quantity(match.start(), match.end(), QuantityKind.ORDINAL, value,
                                soft=value <= SOFT_ORDINAL_MAX)
    for match in claims.matches(LUNAR_DAY):
        claims.add_quantity(match.start(), match.end(), QuantityKind.ORDINAL,
                            float(_zh_int(match["n"]) or 0), soft=True)
    for match in claims.matches(HALF_UNIT):
        value, unit = _HALF_UNITS[match["unit"]]
        claims.add_quantity(match.start(), match.end(), QuantityKind.NUMBER, value, unit=unit,
                            soft=True)
    for match in claims.matches(HALF):
        claims.add_quantity(match.start(), match.end(), QuantityKind.NUMBER, 0.5,
                            approx=bool(match["approx"]), soft=True)
    for match in claims.matches(VAGUE):
        _add_vague(claims, norm, match)


def _extract_percent_words(claims: Claims) -> None:
    for match in claims.matches(PERCENT_WORDS):
        value = _value(match["n"])
        if value is not None:
            start = match.end("approx") if match["approx"] else match.start()
            claims.add_quantity(start, match.end(), QuantityKind.PERCENT, value,
                                approx=bool(match["approx"]))
    for match in claims.matches(PERMILLE):
        value = _value(match["n"])
        if value is not None:
            claims.add_quantity(match.start(), match.end(), QuantityKind.PERCENT, value / 10)


def _extract_multiples(claims: Claims) -> None:
    for match in claims.matches(DOUBLING):
        times = {"两": 4, "2": 4, "三": 8, "3": 8}.get(match["n"] or "", 2)
        claims.add_quantity(match.start(), match.end(), QuantityKind.MULTIPLE, float(times))
    for match in claims.matches(MULTIPLE):
        _add_multiple(claims, match)


def _add_multiple(claims: Claims, match: re.Match[str]) -> None:
    value = _value(match["n"])
    if value is None:
        return
    start = match.start("n")  # the span leaves out 约 and 增长
    low = _value(match["low"]) if match["low"] else None
    if low is not None and low < value:  # 历史同期的2至3倍
        claims.add_quantity(match.start("low"), match.end(), QuantityKind.MULTIPLE, low, value,
                            is_range=True, approx=bool(match["approx"]))
        return
    if match["verb"]:  # 增长三倍: ×3 in loose usage, ×4 in strict usage
        claims.add_quantity(start, match.end(), QuantityKind.MULTIPLE, value, value + 1,
                            ambiguous=True, vague=True)
    else:
        claims.add_quantity(start, match.end(), QuantityKind.MULTIPLE, value,
                            approx=bool(match["approx"]))


def _add_vague(claims: Claims, norm: str, match: re.Match[str]) -> None:
    core = match.group()[len(match["approx"] or "") :]
    if match["up"]:  # 上百万: a few million
        scale = parse_zh_number("一" + match["uscale"]) if match["uscale"] else 1.0
        low, high = (value * scale for value in _VAGUE_FIXED[match["up"]])
    elif core in _VAGUE_FIXED:
        low, high = _VAGUE_FIXED[core]
    elif match["pair"]:
        scale = parse_zh_number("一" + match["pscale"]) if match["pscale"] else 1.0
        low = ZH_DIGITS[match["pair"][0]] * scale
        high = ZH_DIGITS[match["pair"][1]] * scale
    else:
        scale = parse_zh_number("一" + match["scale"]) if match["scale"] else 1.0
        low, high = 2 * scale, 9 * scale
        if match["few"] == "数" and not match["scale"]:
            return  # 数 alone is "number" or "several"; not a quantity
    start, end = match.end("approx") if match["approx"] else match.start(), match.end()
    unit, end = _unit_after(norm, end)
    currency = None
    currency_match = _CURRENCY_RE.match(norm, end)
    if currency_match and not unit:
        currency, end = CURRENCIES[currency_match.group()], currency_match.end()
    claims.add_quantity(start, end, QuantityKind.NUMBER, float(low), float(high), vague=True,
                        unit=unit, currency=currency, approx=True, soft=high < 10)


# ---------------------------------------------------------------- plain numbers

PLAIN = re.compile(
    rf"(?P<approx>{APPROX_BEFORE})?(?:(?P<prefix>{_prefix_alternation})\s?)?"
    rf"(?P<neg>[-−负]|零下)?(?P<n>{NUMBER})"
    rf"(?:(?P<sep>{RANGE_SEP})(?P<prefix2>{_prefix_alternation})?(?P<n2>{NUMBER}))?"
    rf"(?P<more>{APPROX_AFTER})?(?P<scale>(?<=[多余来]){_SCALE_AFTER_APPROX})?"
)
_UNIT_RE = re.compile(rf"(?:个)?(?:{_unit_alternation})")
_CURRENCY_RE = re.compile(rf"(?:{_currency_alternation})")
# Latin currency words after a number in Chinese text: 5亿 USD, 100 yuan
_LATIN_CURRENCY_AFTER = re.compile(r"\s?(?P<code>USD|RMB|CNY|HKD|EUR|yuan)(?![A-Za-z])")
_LATIN_CURRENCIES = {"USD": "USD", "RMB": "CNY", "CNY": "CNY", "HKD": "HKD", "EUR": "EUR",
                     "yuan": "CNY"}
_CLASSIFIER_RE = re.compile(rf"(?:{CLASSIFIERS})")
_AFTER_MARKERS = re.compile(r"(?P<percent>%)|(?P<points>个?百分点)|(?P<cheng>成)")
_LATIN_NEIGHBOUR = re.compile(r"[A-Za-z]")
# 15%-30%, 80%至90%, 1.5升至2升, 3万元至5万元: both ends carry the same unit.
_RANGE_UNIT = rf"%|个?百分点|{_unit_alternation}|{_currency_alternation}"
RANGE_REPEATED = re.compile(
    rf"(?P<approx>{APPROX_BEFORE})?(?P<n>{NUMBER})(?P<u>{_RANGE_UNIT})\s*{RANGE_SEP}\s*"
    rf"(?P<n2>{NUMBER})(?P=u)(?P<more>{APPROX_AFTER})?"
)
# 度 is a kilowatt-hour after a scale (1.98亿度), a degree otherwise.
_KWH_AFTER_SCALE = re.compile("度(?!电)")


def _unit_after(norm: str, end: int) -> tuple[str | None, int]:
    match = _UNIT_RE.match(norm, end)
    if not match:
        return None, end
    word = match.group().removeprefix("个") if match.group() != "个月" else "个月"
    classified = match.group().startswith("个") and word not in ("个月", "个基点")
    if classified and "个" + word not in UNITS:
        word = match.group()[1:]
    unit = UNITS.get(match.group()) or UNITS.get(word)
    if unit is None:
        return None, end
    if unit in ("GB", "W", "km", "kg", "mAh", "TB", "MB") and _LATIN_NEIGHBOUR.match(
        norm, match.end()
    ):
        return None, end  # "5G" or "GBA": part of a Latin token
    if word == "升" and norm[match.end() : match.end() + 1] in tuple(_NOT_LITRE_AFTER):
        return None, end
    return unit, match.end()


def _extract_plain(claims: Claims, norm: str) -> None:
    for match in claims.matches(RANGE_REPEATED):
        _add_repeated_range(claims, match)
    for match in claims.matches(PLAIN):
        _add_plain(claims, norm, match)


def _add_repeated_range(claims: Claims, match: re.Match[str]) -> None:
    low, high = _value(match["n"]), _value(match["n2"])
    if low is None or high is None or _is_latin_token(claims.norm, match.start("n"), match.end()):
        return
    marker = match["u"]
    kind, unit, currency = QuantityKind.NUMBER, None, None
    if marker == "%":
        kind = QuantityKind.PERCENT
    elif marker.endswith("百分点"):
        kind = QuantityKind.POINTS
    elif marker in CURRENCIES:
        currency = CURRENCIES[marker]
    else:
        unit = UNITS.get(marker) or UNITS.get(marker.removeprefix("个"))
    claims.add_quantity(match.start("n"), match.end(), kind, low, high, unit=unit,
                        currency=currency, is_range=True,
                        approx=bool(match["approx"] or match["more"]))


def _add_plain(claims: Claims, norm: str, match: re.Match[str]) -> None:
    text = match["n"]
    start = match.start("prefix") if match["prefix"] else match.start("n")
    if match["neg"]:
        start = match.start("neg")
    latin_prefix = bool(match["prefix"]) and match["prefix"].isalpha()
    number_end = match.end("n2") if match["n2"] else match.end("n")
    if _is_latin_token(norm, match.start("n"), number_end, latin_prefix):
        return
    value = _value(text)
    if value is None:
        return
    high = _value(match["n2"]) if match["n2"] else None
    if match["n2"] and high is None:
        return
    scaled_after = match["scale"] or ""
    if scaled_after:
        factor = parse_zh_number("一" + scaled_after) or 1.0
        value, high = value * factor, None if high is None else high * factor
    end = match.end()
    currency = CURRENCY_PREFIXES.get(match["prefix"] or "") or CURRENCY_PREFIXES.get(
        match["prefix2"] or ""
    )
    kind, unit, end, currency = _suffix(norm, start, end, currency, _has_scale(text + scaled_after))
    chinese_only = _is_chinese_only(text)
    has_context = bool(
        kind != QuantityKind.NUMBER or unit or currency or match["approx"] or match["more"]
        or match["n2"] or _CLASSIFIER_RE.match(norm, end)
    )
    if chinese_only and not has_context and not _has_scale(text):
        return  # a bare 三 or 一 inside running text is rarely a number
    lone_scale = chinese_only and len(text) == 1 and text in "万萬亿億千百十"
    if lone_scale and not (has_context and kind == QuantityKind.NUMBER):
        return
    low, high = _scale_range_ends(text, value, match["n2"], high)
    if match["neg"]:
        low, high = -low, -high
    small_word = chinese_only and max(abs(low), abs(high)) <= 10 and not currency
    claims.add_quantity(
        start,
        end,
        kind,
        low,
        high,
        unit=unit,
        currency=currency,
        approx=bool(match["approx"] or match["more"]),
        is_range=match["n2"] is not None,
        sig_digits=_precision(text),
        # 万人空巷, 千家万户: a lone 万 or 千 is a figure of speech unless 近/余 make it a count
        soft=(lone_scale and not (match["approx"] or match["more"]))
        or (small_word and kind == QuantityKind.NUMBER and match["n2"] is None)
        # 1分钟内 ↔ "within a minute", 每多缴费1年 ↔ "each additional year"
        or (low == high == 1 and unit in _TIME_UNITS),
    )


_TIME_UNITS = {"s", "min", "h", "day", "week", "month", "year"}


def _suffix(norm: str, start: int, end: int, currency: str | None, scaled: bool
            ) -> tuple[QuantityKind, str | None, int, str | None]:
    """(kind, unit, end, currency) from what follows a number: %, 个百分点, a unit, 美元."""
    markers = _AFTER_MARKERS.match(norm, end)
    if markers and markers["percent"]:
        return QuantityKind.PERCENT, None, markers.end(), currency
    if markers and markers["points"]:
        return QuantityKind.POINTS, None, markers.end(), currency
    unit, end = _unit_after(norm, end)
    if unit is None and scaled and _KWH_AFTER_SCALE.match(norm, end):
        unit, end = "kWh", end + 1
    if unit == "km" and _SPEED_LEAD.search(norm, max(0, start - 8), start):
        unit = "km/h"  # 时速186公里 is a speed
    currency_match = _CURRENCY_RE.match(norm, end)
    latin_match = _LATIN_CURRENCY_AFTER.match(norm, end)
    if currency_match and not unit:
        named = CURRENCIES[currency_match.group()]
        end = currency_match.end()
        following = _CURRENCY_RE.match(norm, end) if named == "YUAN" else None
        if following and CURRENCIES[following.group()] != "YUAN":
            named, end = CURRENCIES[following.group()], following.end()  # 100亿元人民币
        # 人民币500万元: the prefix already says which yuan
        currency = currency if named == "YUAN" and currency else named
        per_measure = PER_MEASURE.match(norm, end)
        before = PER_MEASURE_BEFORE.search(norm, max(0, start - 6), start)
        if per_measure:
            unit, end = per_measure.lastgroup, per_measure.end()
        elif before:  # 每公斤20.84元
            unit = before.lastgroup
    elif latin_match and not unit:
        currency, end = _LATIN_CURRENCIES[latin_match["code"]], latin_match.end()
    return QuantityKind.NUMBER, unit, end, currency


def _has_scale(text: str) -> bool:
    return any(c in _ZH_UNIT for c in text) and len(text) >= 2


def _scale_range_ends(text: str, value: float, second: str | None, high: float | None
                      ) -> tuple[float, float]:
    """3000万至5000万 and 3000至5000万 both mean 30-50 million: carry the scale back."""
    if high is None:
        return value, value
    assert second is not None
    trailing_scale = re.search(rf"[{_ZH_UNIT}]+$", second)
    if trailing_scale and not re.search(rf"[{_ZH_UNIT}]$", text):
        scaled = _value(text + trailing_scale.group())
        if scaled is not None and scaled <= high:
            return scaled, high
    return value, high


def _precision(text: str) -> int:
    """Significant digits the surface claims: 101.5万亿 → 4; plain 1,234 → exact (15)."""
    mantissa = re.match(r"[\d.,]+", text)
    if not mantissa or not re.search(rf"[{_ZH_UNIT}]", text):
        return 15
    if len(re.findall(r"\d+", text.replace(",", "").replace(".", ""))) > 1:
        value = parse_zh_number(text)  # 3兆355亿: every group's digits count
        return significant_digits(value) if value else 15
    digits = mantissa.group().replace(",", "")
    return significant_digits(float(digits)) if "." not in digits else len(
        digits.replace(".", "").lstrip("0")
    )


def _is_latin_token(norm: str, start: int, end: int, latin_prefix: bool = False) -> bool:
    """H20, G20, A100, COVID-19, 5G: digits glued to Latin letters are names, not numbers."""
    before = norm[start - 1] if start > 0 else ""
    if _LATIN_NEIGHBOUR.match(before) and not latin_prefix:
        return True
    if before in ("-", "_") and start >= 2 and _LATIN_NEIGHBOUR.match(norm[start - 2]):
        return True  # COVID-19
    after = norm[end : end + 1]
    if after and _LATIN_NEIGHBOUR.match(after):
        return not _UNIT_RE.match(norm, end)
    return False


def _extract_ordinals(claims: Claims, norm: str) -> None:
    for match in claims.matches(ORDINAL):
        value = _value(match["n"])
        if value is None:
            continue
        claims.add_quantity(match.start(), match.end(), QuantityKind.ORDINAL, value,
                            soft=_is_chinese_only(match["n"]) and value <= SOFT_ORDINAL_MAX)


def _is_traditional(claims: Claims) -> bool:
    """Written in Traditional characters (Taiwan, Hong Kong, Macao): folding changed it."""
    return claims.norm != normalize_digits(claims.text)


def _regional_yuan(facts: SentenceFacts, traditional: bool) -> SentenceFacts:
    """A bare 元 is the renminbi in Simplified text, and in Traditional text the local
    dollar (新臺幣, 港元) or the renminbi: only the latter keeps the wider family."""
    if traditional:
        return facts
    quantities = tuple(replace(q, currency="CNY") if q.currency == "YUAN" else q
                       for q in facts.quantities)
    return SentenceFacts(quantities, facts.dates)


def extract_zh(text: str, offset: int = 0) -> SentenceFacts:
    """All numbers, amounts, percentages, dates and times of one Chinese sentence."""
    norm = normalize_chinese(text)
    claims = Claims(text, offset, norm)
    traditional = _is_traditional(claims)
    claims.mask(NOT_NUMBERS)
    claims.mask(PRODUCT_NAMES)
    _extract_dates(claims, norm, traditional)
    _extract_special(claims, norm)
    _extract_ordinals(claims, norm)
    _extract_plain(claims, norm)
    return _regional_yuan(claims.facts(), traditional)
