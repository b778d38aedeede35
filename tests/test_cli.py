"""The command line as a user runs it: reports, formats, exit codes and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED_ZH = ROOT / "corpora/seed/seed.zh.txt"
SEED_EN = ROOT / "corpora/seed/seed.en.txt"
runner = CliRunner()

ZH = "英伟达因H20芯片滞销面临45亿美元库存损失。\n林剑9月18日表示，中方一直反对歧视性做法。\n"
EN_RIGHT = (
    "NVIDIA faced a $4.5 billion inventory loss due to unsold H20 chips.\n"
    "Lin Jian said on September 18 that China has always opposed discriminatory practices.\n"
)
EN_WRONG = EN_RIGHT.replace("$4.5 billion", "$45 billion")


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _check(*args: str | Path) -> object:
    return runner.invoke(app, ["check", *map(str, args)])


def test_correct_translation_exits_0(tmp_path: Path) -> None:
    result = _check(_write(tmp_path, "a.zh.txt", ZH), _write(tmp_path, "a.en.txt", EN_RIGHT))
    assert result.exit_code == 0, result.output
    assert "0 findings" in result.output


def test_magnitude_slip_is_reported_with_its_fix(tmp_path: Path) -> None:
    result = _check(_write(tmp_path, "a.zh.txt", ZH), _write(tmp_path, "a.en.txt", EN_WRONG))
    assert result.exit_code == 1
    assert "N102" in result.output
    assert "45亿美元 is $4.5 billion, not $45 billion" in result.output


def test_json_report_follows_the_schema(tmp_path: Path) -> None:
    zh, en = _write(tmp_path, "a.zh.txt", ZH), _write(tmp_path, "a.en.txt", EN_WRONG)
    result = _check(zh, en, "--format", "json")
    report = json.loads(result.stdout)
    assert report["schema"] == 1
    assert report["source"] == {"path": str(zh), "lang": "zh", "format": "text"}
    assert report["target"] == {"path": str(en), "lang": "en", "format": "text"}
    assert report["segments"][0]["source"] == [0] and report["segments"][0]["target"] == [0]
    assert 0 <= report["score"]["overall"] < 100
    (finding,) = report["findings"]
    assert finding["rule"] == "N102" and finding["name"] == "magnitude-slip"
    assert finding["category"] == "number" and finding["severity"] == "critical"
    assert finding["suggestion"] == "$4.5 billion"
    # offsets point into the files' text as decoded
    assert ZH[finding["source"]["start"]:finding["source"]["end"]] == "45亿美元"
    assert EN_WRONG[finding["target"]["start"]:finding["target"]["end"]] == "$45 billion"


def test_either_order_on_the_command_line(tmp_path: Path) -> None:
    zh, en = _write(tmp_path, "a.zh.txt", ZH), _write(tmp_path, "a.en.txt", EN_WRONG)
    report = json.loads(_check(en, zh, "--format", "json").stdout)
    assert report["source"]["lang"] == "en" and report["target"]["lang"] == "zh"
    (finding,) = report["findings"]
    assert finding["rule"] == "N102"
    assert finding["source"]["text"] == "$45 billion" and finding["target"]["text"] == "45亿美元"
    assert finding["suggestion"] == "450亿美元"


@pytest.mark.parametrize(("fail_on", "code"), [("critical", 1), ("major", 1), ("never", 0)])
def test_fail_on_sets_the_exit_code(tmp_path: Path, fail_on: str, code: int) -> None:
    zh, en = _write(tmp_path, "a.zh.txt", ZH), _write(tmp_path, "a.en.txt", EN_WRONG)
    assert _check(zh, en, "--fail-on", fail_on).exit_code == code


def test_ignore_and_select_rules(tmp_path: Path) -> None:
    zh, en = _write(tmp_path, "a.zh.txt", ZH), _write(tmp_path, "a.en.txt", EN_WRONG)
    assert _check(zh, en, "--ignore", "N102").exit_code == 0
    assert _check(zh, en, "--select", "D").exit_code == 0
    assert _check(zh, en, "--select", "N1").exit_code == 1
    unknown = _check(zh, en, "--ignore", "X999")
    assert unknown.exit_code == 2 and "unknown rule" in unknown.stderr


def test_bilingual_tsv_is_pre_aligned(tmp_path: Path) -> None:
    tsv = _write(tmp_path, "pairs.tsv", "source\ttarget\n营收500亿元。\tRevenue was $50 billion.\n"
                 "利润增长12%。\tProfit rose 12%.\n")
    report = json.loads(_check(tsv, "--format", "json").stdout)
    assert [s["source"] for s in report["segments"]] == [[0], [1]]
    assert [f["rule"] for f in report["findings"]] == ["N105"]


def test_output_file_is_written_and_an_error_leaves_it_intact(tmp_path: Path) -> None:
    zh, en = _write(tmp_path, "a.zh.txt", ZH), _write(tmp_path, "a.en.txt", EN_WRONG)
    out = tmp_path / "report.json"
    assert _check(zh, en, "--format", "json", "-o", out).exit_code == 1
    first = json.loads(out.read_text(encoding="utf-8"))
    assert first["findings"][0]["rule"] == "N102"
    failed = _check(zh, tmp_path / "missing.txt", "--format", "json", "-o", out)
    assert failed.exit_code == 2
    assert json.loads(out.read_text(encoding="utf-8")) == first
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


LATIN1_TEXT = "café crème brûlée à la carte, déjà vu. ".encode("latin-1") * 5


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, Path]]:
    en = _write(tmp_path, "good.en.txt", EN_RIGHT)
    zh = _write(tmp_path, "good.zh.txt", ZH)
    (tmp_path / "folder").mkdir()
    return {
        "missing": (tmp_path / "nope.zh.txt", en),
        "directory": (tmp_path / "folder", en),
        "empty": (_write(tmp_path, "empty.zh.txt", ""), en),
        "blank": (_write(tmp_path, "blank.zh.txt", " \n\n "), en),
        "binary": (_write(tmp_path, "img.zh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\rIHDR" * 20), en),
        "undecodable": (zh, _write(tmp_path, "latin1.en.txt", LATIN1_TEXT)),
        "two-english": (_write(tmp_path, "other.en.txt", EN_WRONG), en),
        "same-file": (zh, zh),
        "one-plain-file": (zh, None),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "blank", "binary",
                                  "undecodable", "two-english", "same-file", "one-plain-file"])
def test_bad_input_is_one_line_on_stderr_and_exit_2(tmp_path: Path, case: str) -> None:
    first, second = _bad_inputs(tmp_path)[case]
    args = [sys.executable, "-m", "checker.cli", "check", str(first)]
    if second is not None:
        args.append(str(second))
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2, (case, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("checker: error: "), result.stderr
    assert "Traceback" not in result.stderr


def test_gbk_chinese_file_is_read(tmp_path: Path) -> None:
    zh = _write(tmp_path, "gbk.zh.txt", ZH.encode("gbk"))
    en = _write(tmp_path, "a.en.txt", EN_WRONG.encode("utf-16"))
    result = _check(zh, en, "--format", "json")
    assert json.loads(result.stdout)["findings"][0]["rule"] == "N102"


def test_seed_pair_end_to_end_has_no_number_findings() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "checker.cli", "check", str(SEED_ZH), str(SEED_EN),
         "--format", "json"],
        capture_output=True, text=True, cwd=ROOT,
    )
    report = json.loads(result.stdout)
    assert [f for f in report["findings"] if f["category"] in ("number", "date")] == []
    assert len(report["segments"]) >= 15


def test_rules_and_explain() -> None:
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0
    assert "N102" in listing.output and "magnitude-slip" in listing.output
    explained = runner.invoke(app, ["explain", "n102"])
    assert explained.exit_code == 0
    assert "万/亿" in explained.output and "Incorrect" in explained.output
    unknown = runner.invoke(app, ["explain", "Z000"])
    assert unknown.exit_code == 2


def test_help_describes_every_option() -> None:
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    for option in ("--format", "--output", "--fail-on", "--select", "--ignore"):
        assert option in result.output
