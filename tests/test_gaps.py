"""Words dropped (O305): a gap in the English where a name or figure was deleted, through the
CLI on a real pair (corpora/finance), and the patterns on sentences good English keeps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.rules.gaps import _gap_spans

FINANCE = Path(__file__).resolve().parent.parent / "corpora" / "finance"
ZH = FINANCE / "finance.zh.txt"
EN_TEXT = (FINANCE / "finance.en.txt").read_text(encoding="utf-8")


def gaps(tmp_path: Path, english: str, *extra: str) -> list[tuple[str, str, str]]:
    en = tmp_path / "finance.en.txt"
    en.write_text(english, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(ZH), str(en), "-f", "json",
                                      "--fail-on", "never", *extra])
    assert result.exit_code == 0, result.output
    return [(f["rule"], f["severity"], f["target"]["text"])
            for f in json.loads(result.stdout)["findings"] if f["rule"] == "O305"]


def test_the_faithful_pair_has_no_gap(tmp_path):
    assert gaps(tmp_path, EN_TEXT) == []


def test_a_deleted_exchange_leaves_a_gap_that_is_o305_at_the_gap(tmp_path):
    cut = "putting Hong Kong ahead of Nasdaq and the New York Stock Exchange"
    assert cut in EN_TEXT
    english = EN_TEXT.replace(cut, "putting Hong Kong ahead of and the New York Stock Exchange")
    assert gaps(tmp_path, english) == [("O305", "major", "of and")]


def test_a_possessive_left_without_its_owner_is_o305(tmp_path):
    english = EN_TEXT.replace("a figure that has doubled from last year's full-year total",
                              "a figure that has doubled from 's full-year total")
    assert gaps(tmp_path, english) == [("O305", "major", "'s")]


def test_an_english_source_is_not_read_for_gaps(tmp_path):
    en = tmp_path / "source.en.txt"
    en.write_text("The match between and Genoa was the club's 3,000th.\n", encoding="utf-8")
    zh = tmp_path / "target.zh.txt"
    zh.write_text("国际米兰与热那亚的比赛是该俱乐部第3000场比赛。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(en), str(zh), "-f", "json",
                                      "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert "O305" not in [f["rule"] for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize(("sentence", "gap"), [
    ("According to Italian media reports, the match between and Genoa is the 3,000th.",
     "between and"),
    ("On June 1, the Colosseum reopened in Rome, the capital of .", "of ."),
    ("There are more than 2,300 data labelers in .", "in ."),
    ("Most of the goods imported into this country from are duty free.", "from are"),
    ("This is the tenth time that 's daily death toll has surpassed 100.", "'s"),
    ("The has an area of 3,850 square kilometers.", "The has"),
    ("The final was played at the Royal Bafokeng Stadium in Rustenburg, .", ", ."),
])
def test_a_gap_is_found_between_the_words_around_it(sentence, gap):
    assert [sentence[s:e] for s, e in _gap_spans(sentence)] == [gap]


@pytest.mark.parametrize("sentence", [
    "Eighteen high-capacity pumps were brought in, with a maximum drainage rate of 800 cubic "
    "meters an hour.",
    "The plan is something all sides have agreed to.",
    "It was the will of the people.",
    "In the semi-finals, An had knocked out Japan's Akane Yamaguchi.",
    '"This is the most complete match we have played," she said.',
    "Twelve days of heavy pollution, nine fewer than in 2023.",
    "The province tested 4,213 samples, of which 31.6% were positive.",
    "Highlights include Flower is a Go-between, Mother and others.",
    "The car drove away amid boos from passers-by.",
    "Its has-been stars still draw crowds.",
    "Reported by: Yang Hong",
    "China's exports rose, and so did Korea's.",
    # the "an" of a place name is no article
    "Samsung said its plant in Xi'an would be upgraded.",
])
def test_good_english_has_no_gap(sentence):
    assert _gap_spans(sentence) == []
