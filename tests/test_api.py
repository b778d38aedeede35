"""The Python API: ``from checker import check`` on texts and files, its options, its errors,
a cheap import, and the README's example run as written."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker import check
from checker.model import InputError, Report
from checker.names.glossary import GlossaryEntry
from checker.pipeline import check_paths
from checker.report.json_report import report_to_dict

ROOT = Path(__file__).resolve().parent.parent
SEED_ZH = ROOT / "corpora/seed/seed.zh.txt"
SEED_EN = ROOT / "corpora/seed/seed.en.txt"
ZH = "英伟达面临45亿美元库存损失，股价下跌5%。"
EN = "NVIDIA faced a $45 billion inventory loss, and its shares fell 6%."


def _findings(report: Report) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity.value, f.message) for f in report.findings]


def test_texts_give_a_report() -> None:
    report = check(ZH, EN)
    assert isinstance(report, Report)
    assert _findings(report) == [
        ("N102", "critical", "45亿美元 is $4.5 billion, not $45 billion (off by ×10)"),
        ("N101", "major", "5% is rendered 6%"),
    ]
    assert (report.source.lang, report.target.lang) == ("zh", "en")
    assert check(EN, ZH).source.lang == "en"  # either side may be the Chinese


def test_paths_give_the_same_report_as_the_cli_pipeline() -> None:
    report = check(SEED_ZH, SEED_EN)
    assert report_to_dict(report) == report_to_dict(check_paths(SEED_ZH, SEED_EN))
    assert (report.source_label, report.target_label) == (str(SEED_ZH), str(SEED_EN))


def test_a_path_and_a_text_mix() -> None:
    report = check(SEED_ZH, SEED_EN.read_text(encoding="utf-8"))
    assert [f.target.text for f in report.findings] == ["Huang Renxun"] * 3
    assert (report.source_label, report.target_label) == (str(SEED_ZH), "en")


def test_one_path_is_a_bilingual_file(tmp_path: Path) -> None:
    tsv = tmp_path / "tm.tsv"
    tsv.write_text(f"{ZH}\t{EN}\n", encoding="utf-8")
    assert [f.rule for f in check(tsv).findings] == ["N102", "N101"]


def test_select_ignore_and_severity() -> None:
    assert [f.rule for f in check(ZH, EN, select="N102").findings] == ["N102"]
    assert [f.rule for f in check(ZH, EN, ignore=["n102"]).findings] == ["N101"]
    report = check(ZH, EN, severity={"N1": "minor", "N102": "critical"})
    assert [(f.rule, f.severity.value) for f in report.findings] == [("N102", "critical"),
                                                                     ("N101", "minor")]


def test_glossary_files_and_entries(tmp_path: Path) -> None:
    zh = "黄仁勋表示，中国芯片制造仅落后美国几纳秒。"
    en = "Jensen Huang said China lags the US by only a few nanoseconds in chip making."
    assert check(zh, en).findings == []
    house = tmp_path / "house.tsv"
    house.write_text("黄仁勋\tHuang Jen-hsun\n", encoding="utf-8")
    expected = [("T101", "major",
                 'term: the glossary renders 黄仁勋 as "Huang Jen-hsun", the English does '
                 "not use it")]
    assert _findings(check(zh, en, glossary=house)) == expected
    entry = GlossaryEntry(zh=("黄仁勋",), en="Huang Jen-hsun", aliases=())
    assert _findings(check(zh, en, glossary=[entry])) == expected


@pytest.mark.parametrize(("call", "message"), [
    (lambda: check(EN, EN), "need one Chinese and one English text"),
    (lambda: check(ZH), "give a target text, or a path to a bilingual .tsv/.tmx file"),
    (lambda: check(ZH, EN, select="X1"), "unknown rule code or prefix: X1"),
    (lambda: check(ZH, EN, severity={"N101": "low"}), "severity of N101 must be one of"),
    (lambda: check(Path("/nonexistent/a.zh.txt"), EN), "/nonexistent/a.zh.txt"),
    (lambda: check(SEED_ZH, ZH), "both files are Chinese"),
])
def test_bad_input_raises_input_error(call, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        call()


def test_importing_checker_does_not_load_the_pipeline() -> None:
    code = ("import sys, checker; from checker import check; "
            "print(sorted(m for m in sys.modules if m.startswith('checker')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "['checker', 'checker.api', 'checker.model']"


def test_the_readme_example_prints_what_the_readme_says() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API"):readme.index("## Batch")]
    code, shown = re.findall(r"```(?:python|text)\n(.*?)```", section, re.DOTALL)[:2]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(code, {})  # noqa: S102 - the README's own example
    assert printed.getvalue() == shown
