"""Whatever text comes in, the grammars and the pipeline answer without an exception.

Seeded random token soups over the vocabulary the grammars react to: the cases a regex
grammar breaks on are the odd juxtapositions no one writes down as a test.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from checker.extract import extract_facts
from checker.model import Document
from checker.pipeline import check_documents

EN_TEXT = (
    "a an one two three ten twenty-five hundred thousand million billion trillion half dozen "
    "first second third fifth 1 2 3 12 45 1.5 2,000 3.86 1:1 2:07:18 9:30 3pm a.m. p.m. % "
    "percent per cent percentage points basis points times fold double tripled yuan dollars $ "
    "HK$ RM € £ ¥ km miles kg pounds tons hours minutes seconds days years old aged to - – and "
    "between from in on the of January May March Sept. 26th 2025 1990s Q3 quarter quarters "
    "months 11 fiscal FY2024 BC AD ( ) , . ; per square meter foot jin kilogram degrees Celsius "
    "Fahrenheit hour"
)
EN_TOKENS = EN_TEXT.split()
ZH_TEXT = (
    "一 两 三 十 百 千 万 亿 兆 1 2 12 45 1.5 2,000 3.86 年 月 日 号 时 分 秒 点 半 至 到 - — "
    "约 近 超过 逾 多 余 元 美元 港元 新臺幣 人民币 公里 公斤 斤 吨 小时 分钟 天 岁 % 个百分点 "
    "成 倍 翻一番 第 季度 前 上月 今年 民國 公元前 每 / 平方米 比 : 强 世纪 年代 （ ） ， 。"
)
ZH_TOKENS = ZH_TEXT.split()


@pytest.mark.parametrize("seed", range(4))
def test_english_token_soup(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        text = " ".join(rng.choice(EN_TOKENS) for _ in range(rng.randint(1, 14)))
        extract_facts(text.replace(" - ", "-"), "en")


@pytest.mark.parametrize("seed", range(4))
def test_chinese_token_soup(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        extract_facts("".join(rng.choice(ZH_TOKENS) for _ in range(rng.randint(1, 16))), "zh")


@pytest.mark.parametrize("seed", range(3))
def test_random_document_pairs_run_through_the_pipeline(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(20):
        zh = "。".join("".join(rng.choice(ZH_TOKENS) for _ in range(rng.randint(1, 12)))
                      for _ in range(rng.randint(0, 6)))
        en = ". ".join(" ".join(rng.choice(EN_TOKENS) for _ in range(rng.randint(1, 10)))
                       for _ in range(rng.randint(0, 6)))
        separator = rng.choice(["\n", "\n\n", " "])
        report = check_documents(Document(zh.replace("。", "。" + separator) or "中", "zh"),
                                 Document(en or "a", "en"))
        assert all(0 <= s.score <= 100 for s in report.segments)


def test_unrelated_documents_do_not_crash_the_rules() -> None:
    """Two documents that do not translate each other still get a report (an ordinal parsed
    as an int once crashed the number rules)."""
    from checker.pipeline import check_paths

    corpora = Path(__file__).resolve().parent.parent / "corpora"
    report = check_paths(corpora / "statistics" / "statistics.zh.txt",
                         corpora / "sport" / "sport.errors.en.txt")
    assert report.findings
