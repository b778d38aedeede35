"""Baselines: --write-baseline records today's findings, --baseline hides them later, and an
edit elsewhere in the document does not undo that."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

ZH = "英伟达因H20芯片滞销面临45亿美元库存损失。\n林剑9月18日表示，中方一直反对歧视性做法。\n"
EN_WRONG = (
    "NVIDIA faced a $45 billion inventory loss due to unsold H20 chips.\n"
    "Lin Jian said on September 18 that China has always opposed discriminatory practices.\n"
)
# a faithful paragraph put in front of both sides: every offset after it moves
INSERTED_ZH = "国家统计局10月20日发布数据，前三季度国内生产总值增长5.2%。\n\n"
INSERTED_EN = ("On October 20, the National Bureau of Statistics said that GDP grew 5.2% in the "
               "first three quarters.\n\n")


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.chdir(tmp_path)
    zh, en = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(EN_WRONG, encoding="utf-8")
    return zh, en


def _check(zh: Path, en: Path, *args: str) -> object:
    return runner.invoke(app, ["check", str(zh), str(en), "--format", "json", *args])


def _rules(result: object) -> list[str]:
    return [f["rule"] for f in json.loads(result.stdout)["findings"]]


def test_write_baseline_records_findings_by_text_not_offset(pair, tmp_path: Path) -> None:
    zh, en = pair
    result = _check(zh, en, "--write-baseline", "base.json")
    assert result.exit_code == 0  # everything found is now accepted
    assert _rules(result) == ["N102"]  # the report is printed as usual
    assert result.stderr == "checker: wrote 1 finding to the baseline base.json\n"
    assert json.loads((tmp_path / "base.json").read_text(encoding="utf-8")) == {
        "checker-baseline": 1,
        "source": str(zh),
        "target": str(en),
        "findings": [{"rule": "N102", "source": "45亿美元", "target": "$45 billion",
                      "suggestion": "$4.5 billion", "count": 1}],
    }


def test_baseline_hides_old_findings_and_reports_new_ones(pair) -> None:
    zh, en = pair
    assert _check(zh, en, "--write-baseline", "base.json").exit_code == 0
    result = _check(zh, en, "--baseline", "base.json")
    assert (result.exit_code, _rules(result)) == (0, [])
    assert result.stderr == ("checker: 1 finding in the baseline base.json not shown; "
                             "0 new\n")

    # an edit elsewhere: a paragraph before moves every offset; the old finding stays hidden
    zh.write_text(INSERTED_ZH + ZH, encoding="utf-8")
    en.write_text(INSERTED_EN + EN_WRONG, encoding="utf-8")
    assert _rules(_check(zh, en)) == ["N102"]  # still there without the baseline
    result = _check(zh, en, "--baseline", "base.json")
    assert (result.exit_code, _rules(result)) == (0, [])

    # a new error is reported, the old one still not
    en.write_text(INSERTED_EN + EN_WRONG.replace("September 18", "September 19"),
                  encoding="utf-8")
    result = _check(zh, en, "--baseline", "base.json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["target"]["text"]) for f in findings] == [("D101", "September 19")]
    assert result.stderr == ("checker: 1 finding in the baseline base.json not shown; "
                             "1 new\n")


def test_the_text_report_shows_only_new_findings(pair) -> None:
    zh, en = pair
    _check(zh, en, "--write-baseline", "base.json")
    result = runner.invoke(app, ["check", str(zh), str(en), "--baseline", "base.json"])
    assert result.exit_code == 0
    assert "N102" not in result.stdout
    assert "0 findings" in result.stdout


def test_duplicates_are_counted(tmp_path: Path, monkeypatch) -> None:
    """The seed article writes "Huang Renxun" three times: a fourth is new."""
    monkeypatch.chdir(tmp_path)
    zh = tmp_path / "seed.zh.txt"
    en = tmp_path / "seed.en.txt"
    zh.write_text((ROOT / "corpora/seed/seed.zh.txt").read_text(encoding="utf-8"), "utf-8")
    en.write_text((ROOT / "corpora/seed/seed.en.txt").read_text(encoding="utf-8"), "utf-8")
    assert _check(zh, en, "--write-baseline", "base.json").exit_code == 0
    [entry] = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["findings"]
    assert entry == {"rule": "E205", "source": "黄仁勋", "target": "Huang Renxun",
                     "suggestion": "Jensen Huang", "count": 3}
    zh.write_text(zh.read_text(encoding="utf-8") + "\n黄仁勋还表示，英伟达将继续投资中国。\n",
                  encoding="utf-8")
    en.write_text(en.read_text(encoding="utf-8") + "\nHuang Renxun also said that NVIDIA "
                  "would keep investing in China.\n", encoding="utf-8")
    result = _check(zh, en, "--baseline", "base.json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["target"]["text"]) for f in findings] == [("E205", "Huang Renxun")]
    assert findings[0]["target"]["start"] > len(EN_WRONG)  # the last one, the new sentence
    assert "3 findings in the baseline base.json not shown; 1 new" in result.stderr


BAD_BASELINES = [
    (None, "cannot read baseline {path}: No such file or directory"),
    ("{not json", "{path}: not a checker baseline (invalid JSON: "),
    ('{"findings": []}', '{path}: not a checker baseline (no "checker-baseline": 1; write one '
                         'with --write-baseline)'),
    ('{"checker-baseline": 1}', '{path}: a baseline needs a "findings" array'),
    ('{"checker-baseline": 1, "findings": [{"rule": "N102", "count": 0}]}',
     "{path}: finding 1: expected an object with rule, source, target, suggestion (strings) "
     "and count (a positive integer)"),
]


@pytest.mark.parametrize(("content", "message"), BAD_BASELINES)
def test_a_bad_baseline_is_one_line_and_exit_2(pair, tmp_path: Path, content: str | None,
                                              message: str) -> None:
    path = tmp_path / "base.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = _check(*pair, "--baseline", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("checker: error: " + message.format(path=path))


def test_a_baseline_that_cannot_be_written_leaves_nothing_behind(pair, tmp_path) -> None:
    (tmp_path / "taken").mkdir()  # a directory where the file should go
    before = sorted(p.name for p in tmp_path.iterdir())
    result = _check(*pair, "--write-baseline", str(tmp_path / "taken"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"checker: error: cannot write {tmp_path / 'taken'}: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temporary file left
