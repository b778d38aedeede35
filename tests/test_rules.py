"""Per-rule tests: each rule's documented correct pair raises nothing from it, its incorrect
pair raises it; plus traps (correct translations a naive checker would flag)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.docs import example_findings
from checker.model import Severity
from checker.pipeline import check_texts
from checker.rules import RULES


def _rules_found(zh: str, en: str, minimum: Severity = Severity.INFO) -> list[str]:
    report = check_texts(zh, en)
    return [f.rule for f in report.findings if f.severity.rank >= minimum.rank]


# Every rule, with the glossary entries its examples assume (T101 needs one): the examples
# are what `checker explain` and docs/rules.md show, so they must be true.
@pytest.mark.parametrize("code", sorted(RULES))
def test_documented_correct_example_is_clean(code: str) -> None:
    rule = RULES[code]
    assert example_findings(rule, rule.correct) == []


@pytest.mark.parametrize("code", sorted(RULES))
def test_documented_incorrect_example_is_caught(code: str) -> None:
    rule = RULES[code]
    assert code in [f.rule for f in example_findings(rule, rule.incorrect)]


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_is_documented(code: str) -> None:
    rule = RULES[code]
    doc = rule.documentation()
    assert "Why:" in doc, f"{code} docstring must say why it matters"
    assert rule.summary() and rule.correct != rule.incorrect


TRAPS = [
    ("英伟达面临45亿美元库存损失。", "NVIDIA faced a $4.5 billion inventory loss."),
    ("前三季度国内生产总值1015036亿元。", "GDP in the first nine months was 101.5 trillion yuan."),
    ("约三成受访者表示支持。", "About 30% of respondents expressed support."),
    ("近九成企业实现盈利。", "Nearly 90% of companies were profitable."),
    ("他出生于四川。", "He was born in Sichuan."),
    ("中方一直反对单边制裁。", "China has always opposed unilateral sanctions."),
    ("这是十四五规划的收官之年。", "This is the final year of the 14th Five-Year Plan."),
    ("二十国集团峰会在约翰内斯堡举行。", "The G20 summit was held in Johannesburg."),
    ("三星与万科签署协议。", "Samsung and Vanke signed an agreement."),
    ("一些企业一起推进一带一路建设。", "Some firms are working together on the Belt and Road."),
    ("两国签署了一个合作协议。", "The two countries signed a cooperation agreement."),
    ("九寨沟景区接待游客1.2万人次。", "Jiuzhaigou received 12,000 visits."),
    ("全程约100公里。", "The route is about 62 miles long."),
    ("会议于下午3点开始。", "The meeting began at 3 p.m."),
    ("今年4月，美国实施禁令。", "In April this year, the U.S. imposed a ban."),
    ("出口额比上年增长了两倍。", "Exports tripled from the previous year."),
    ("中国芯片业落后美国两到三年。", "China's chip industry is two to three years behind the U.S."),
    ("参赛者年龄在18至25岁之间。", "Participants are aged 18 to 25."),
    ("会议于12月3日至5日举行。", "The meeting was held from December 3 to 5."),
    ("这一趋势始于上世纪90年代。", "The trend began in the 1990s."),
    ("王欣然以6比3取胜，首次打进32强。", "Wang won 6-3 and reached the last 32 for the first time"),
    ("营收翻了一番。", "Revenue doubled."),
    ("四分之一的家庭拥有汽车。", "A quarter of households own a car."),
    ("失业率下降0.1个百分点。", "The jobless rate fell 0.1 percentage points."),
    ("黄仁勋26日接受采访。", "Huang was interviewed on the 26th."),
]


@pytest.mark.parametrize(("zh", "en"), TRAPS, ids=[t[1][:40] for t in TRAPS])
def test_correct_translations_raise_nothing_major(zh: str, en: str) -> None:
    assert _rules_found(zh, en, Severity.MAJOR) == []


def test_ambiguous_multiple_is_at_most_minor() -> None:
    report = check_texts("出口额增长三倍。", "Exports quadrupled.")
    assert [(f.rule, f.severity) for f in report.findings] == [("N110", Severity.MINOR)]


def test_conversion_in_brackets_is_checked_when_it_can_be() -> None:
    zh = "回收平台距发射场约380公里。"
    right = check_texts(zh, "The platform is about 380 kilometers (236 miles) from the site.")
    assert right.findings == []
    wrong = check_texts(zh, "The platform is about 380 kilometers (936 miles) from the site.")
    assert [(f.rule, f.target.text) for f in wrong.findings] == [("N104", "936 miles")]


def test_unverifiable_restatement_is_only_minor() -> None:
    report = check_texts("罚款1.2亿元新台币。", "The fine was NT$120 million (US$3.85 million).")
    assert [(f.rule, f.severity) for f in report.findings] == [("N104", Severity.MINOR)]


def test_translation_may_round_but_not_add_precision() -> None:
    assert _rules_found("利润增加7.4亿元。", "Profit rose by 740 million yuan.") == []
    assert _rules_found("利润增加7.4亿元。", "Profit rose by 744 million yuan.") == ["N101"]
    assert _rules_found("利润增加7.4369亿元。", "Profit rose by 740 million yuan.") == []


DATA = Path(__file__).parent / "data"


def _table(name: str) -> list[list[str]]:
    """Rows of a small TSV of test sentences (header skipped)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t") for line in lines if line.strip()]


# Everyday newsroom sentences: correct renderings raise nothing at major ...
NEWSROOM_CORRECT = _table("newsroom_correct.tsv")


@pytest.mark.parametrize(("zh", "en"), NEWSROOM_CORRECT, ids=[p[1][:40] for p in NEWSROOM_CORRECT])
def test_newsroom_sentence_raises_nothing_major(zh: str, en: str) -> None:
    assert _rules_found(zh, en, Severity.MAJOR) == []


# ... and the same sentences with one slip each are caught by the right rule (code prefix).
NEWSROOM_SLIPS = _table("newsroom_slips.tsv")


@pytest.mark.parametrize(("zh", "en", "rule"), NEWSROOM_SLIPS,
                         ids=[p[1][:40] for p in NEWSROOM_SLIPS])
def test_newsroom_slip_is_caught(zh: str, en: str, rule: str) -> None:
    found = _rules_found(zh, en, Severity.MAJOR)
    assert any(code.startswith(rule) for code in found), found


def test_approximate_values_may_round_but_not_drift() -> None:
    assert _rules_found("约1234人参加。", "About 1,200 people took part.") == []
    assert _rules_found("约4.47亿元。", "About 450 million yuan.") == []
    assert _rules_found("约12%的受访者。", "About 10% of respondents.") == ["N101"]
    assert _rules_found("日均约244万人次。", "About 2.40 million a day.") == ["N101"]
    assert _rules_found("逾14万例。", "More than 135,000 cases.") == ["N101"]


def test_exact_partner_wins_over_a_rounder_one() -> None:
    zh = "集装箱吞吐量达1,015.3万标准箱，首次突破千万标准箱。"
    en = ("Container throughput reached 10.15 million TEUs, passing 10 million TEUs for the "
          "first time.")
    assert _rules_found(zh, en, Severity.MAJOR) == []


def test_unrelated_leftovers_are_not_called_one_wrong_number() -> None:
    found = check_texts("经过约1小时40分钟的转运，5人全部升井。",
                        "All five were brought to the surface. Two, aged 52 and 47, are injured.")
    assert {f.rule for f in found.findings if f.severity.rank >= 2} == {"N103", "N104"}


def test_reversed_range_and_bracketed_aside() -> None:
    zh, en = "距今约5,800年至5,500年的遗址。", "A site dating back 5,500 to 5,800 years."
    assert _rules_found(zh, en, Severity.MAJOR) == []
    report = check_texts("东汉时期的墓葬群。", "A cemetery from the Eastern Han (25-220).")
    assert [(f.rule, f.severity) for f in report.findings] == [("N104", Severity.MINOR)]
