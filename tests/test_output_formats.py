"""--format sarif and --format github, through the command line on the corpora.

The SARIF output is validated against the official SARIF 2.1.0 schema, shipped in
tests/data (see the NOTICE there): nothing is downloaded. Every line and column is checked
against the file itself, read independently of the checker.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.model import Severity
from checker.pipeline import CheckOptions, check_texts
from checker.report.github_report import escape_data, escape_property, render_github
from checker.report.sarif_report import report_to_sarif
from checker.rules import RULES, RuleSelection

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
FINANCE_ZH = "corpora/finance/finance.zh.txt"
FINANCE_EN = "corpora/finance/finance.errors.en.txt"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository root, so that paths are given (and reported) relative."""
    monkeypatch.chdir(ROOT)


def _run(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, ["check", *map(str, args)])
    return result.exit_code, result.stdout


def _validate(log: dict) -> None:
    from jsonschema import Draft4Validator, FormatChecker

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    errors = sorted(Draft4Validator(schema, format_checker=FormatChecker()).iter_errors(log),
                    key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def _text_at(path: str | Path, region: dict) -> str:
    """The characters a SARIF region names, read from the file by lines and columns."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    assert region["startLine"] == region["endLine"]
    line = lines[region["startLine"] - 1]
    return line[region["startColumn"] - 1 : region["endColumn"] - 1]


def _finance_sarif(tmp_path: Path) -> dict:
    out = tmp_path / "finance.sarif"
    code, stdout = _run(FINANCE_ZH, FINANCE_EN, "--format", "sarif", "-o", out)
    assert code == 1 and stdout == ""
    return json.loads(out.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- SARIF


def test_the_schema_shipped_is_the_official_one() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"] == ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/"
                            "schemas/sarif-schema-2.1.0.json")
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    assert len(schema["definitions"]) == 52


def test_sarif_of_a_pair_with_errors_validates_and_locates_every_finding(tmp_path) -> None:
    log = _finance_sarif(tmp_path)
    _validate(log)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("/sarif-schema-2.1.0.json")
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [a["location"]["uri"] for a in run["artifacts"]] == [FINANCE_ZH, FINANCE_EN]
    report = json.loads(_run(FINANCE_ZH, FINANCE_EN, "--format", "json")[1])
    assert [r["ruleId"] for r in run["results"]] == [f["rule"] for f in report["findings"]]
    for result, finding in zip(run["results"], report["findings"], strict=True):
        primary = result["locations"][0]["physicalLocation"]
        side = "target" if finding["target"] else "source"
        assert primary["artifactLocation"]["uri"] == (FINANCE_EN if side == "target"
                                                      else FINANCE_ZH)
        assert _text_at(primary["artifactLocation"]["uri"], primary["region"]) == \
            finding[side]["text"] == primary["region"]["snippet"]["text"]
        if side == "target" and finding["source"]:
            related = result["relatedLocations"][0]["physicalLocation"]
            assert related["artifactLocation"]["uri"] == FINANCE_ZH
            assert _text_at(FINANCE_ZH, related["region"]) == finding["source"]["text"]
        assert result["properties"]["severity"] == finding["severity"]


def test_sarif_result_of_a_magnitude_slip_exactly(tmp_path) -> None:
    run = _finance_sarif(tmp_path)["runs"][0]
    slip = next(r for r in run["results"] if r["ruleId"] == "N102")
    assert slip["level"] == "error"
    assert slip["message"]["text"] == ("45亿美元 is US$4.5 billion, not US$45 billion "
                                       "(off by ×10); suggested: US$4.5 billion")
    assert slip["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 244, "endLine": 3, "endColumn": 257,
        "snippet": {"text": "US$45 billion"}}
    related = slip["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"] == {"uri": FINANCE_ZH, "index": 0}
    assert related["physicalLocation"]["region"]["startLine"] == 3
    assert related["physicalLocation"]["region"]["startColumn"] == 65
    assert related["message"]["text"] == "the original (Chinese): 45亿美元"
    assert run["tool"]["driver"]["rules"][slip["ruleIndex"]]["id"] == "N102"
    # a minor finding is a warning; a number missing from the English sits in the Chinese
    added = next(r for r in run["results"] if r["ruleId"] == "N104")
    assert added["level"] == "warning" and "relatedLocations" not in added
    missing = next(r for r in run["results"] if r["ruleId"] == "N103")
    location = missing["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == FINANCE_ZH
    assert (location["region"]["startLine"], location["region"]["startColumn"]) == (11, 63)


def test_sarif_rules_come_from_the_registry(tmp_path) -> None:
    rules = _finance_sarif(tmp_path)["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(RULES)
    slip = next(r for r in rules if r["id"] == "N102")
    assert slip["name"] == "magnitude-slip"
    assert slip["shortDescription"]["text"] == RULES["N102"].summary()
    assert slip["fullDescription"]["text"].startswith(
        "A number is off by a power of ten: the classic 万/亿 conversion error.\n\nWhy: ")
    assert "Incorrect:\n  zh: 英伟达面临45亿美元库存损失。" in slip["help"]["text"]
    assert slip["defaultConfiguration"] == {"level": "error"}
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["D104"] == "warning" and levels["N101"] == "error"


def test_sarif_without_findings_validates(tmp_path) -> None:
    out = tmp_path / "clean.sarif"
    code, _ = _run("corpora/finance/finance.zh.txt", "corpora/finance/finance.en.txt",
                   "-f", "sarif", "-o", out)
    log = json.loads(out.read_text(encoding="utf-8"))
    _validate(log)
    assert code == 0 and log["runs"][0]["results"] == []


def test_sarif_columns_count_characters_across_crlf_and_astral_characters(tmp_path) -> None:
    # line 2 starts with an astral ideograph (one code point, two UTF-16 units) and CRLF ends
    # every line: the column of the magnitude slip counts code points from the line start
    zh = tmp_path / "a.zh.txt"
    en = tmp_path / "a.en.txt"
    zh.write_bytes("林剑9月18日发言。\r\n𠀀英伟达面临45亿美元库存损失。\r\n".encode())
    en.write_bytes("Lin Jian spoke on September 18.\r\n"
                   "𠀀 NVIDIA faced a $45 billion inventory loss.\r\n".encode())
    out = tmp_path / "a.sarif"
    assert _run(zh, en, "-f", "sarif", "-o", out)[0] == 1
    log = json.loads(out.read_text(encoding="utf-8"))
    _validate(log)
    [slip] = log["runs"][0]["results"]
    region = slip["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 18, "endLine": 2, "endColumn": 29,
                      "snippet": {"text": "$45 billion"}}
    source = slip["relatedLocations"][0]["physicalLocation"]["region"]
    assert (source["startLine"], source["startColumn"], source["endColumn"]) == (2, 7, 12)


def test_sarif_of_a_bilingual_file_has_one_artifact_and_lines_by_pair(tmp_path) -> None:
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("英伟达面临45亿美元库存损失。\tNVIDIA faced a $45 billion inventory loss.\n"
                   "该法案于2023年通过。\tThe bill was passed in 2023.\n", encoding="utf-8")
    out = tmp_path / "pairs.sarif"
    assert _run(tsv, "-f", "sarif", "-o", out)[0] == 1
    run = json.loads(out.read_text(encoding="utf-8"))["runs"][0]
    assert len(run["artifacts"]) == 1
    [slip] = run["results"]
    region = slip["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 16, 27)


def test_info_findings_are_notes_and_notices() -> None:
    options = CheckOptions(selection=RuleSelection(severities=(("N1", Severity.INFO),)))
    report = check_texts("英伟达面临45亿美元库存损失。",
                         "NVIDIA faced a $45 billion inventory loss.", options)
    [result] = report_to_sarif(report)["runs"][0]["results"]
    assert result["level"] == "note"
    assert render_github(report).startswith("::notice file=target.en.txt,line=1,")


# ---------------------------------------------------------------- GitHub annotations


def test_github_annotations_of_a_pair_with_errors() -> None:
    code, out = _run(FINANCE_ZH, FINANCE_EN, "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 9
    assert [line.split(" ", 1)[0] for line in lines] == [
        "::error", "::warning", "::error", "::error", "::error", "::error", "::error",
        "::error", "::error"]
    assert lines[2] == (
        "::error file=corpora/finance/finance.errors.en.txt,line=3,endLine=3,col=244,"
        "endColumn=257,title=N102 magnitude-slip::45亿美元 is US$4.5 billion, not US$45 "
        "billion (off by ×10) [critical, number]%0ASuggested: US$4.5 billion%0AThe original "
        "(Chinese): 45亿美元 (corpora/finance/finance.zh.txt:3:65)")
    # % in a message is escaped; an omission is annotated in the original
    assert lines[3].endswith("::27.6%25 is rendered 26.7%25 [major, number]%0ASuggested: "
                             "27.6%25%0AThe original (Chinese): 27.6%25 "
                             "(corpora/finance/finance.zh.txt:5:20)")
    assert lines[7].startswith("::error file=corpora/finance/finance.zh.txt,line=11,endLine=11,"
                               "col=63,endColumn=71,title=N103 number-missing::")


def test_github_escapes_values_and_properties() -> None:
    assert escape_data("50% off\r\nnext: a,b") == "50%25 off%0D%0Anext: a,b"
    assert escape_property("dir: a,b%\n") == "dir%3A a%2Cb%25%0A"


def test_github_escapes_file_names_with_commas_and_colons(tmp_path) -> None:
    zh = tmp_path / "q3,final: 报告.zh.txt"
    en = tmp_path / "q3,final: report.en.txt"
    zh.write_text("英伟达面临45亿美元库存损失。\n", encoding="utf-8")
    en.write_text("NVIDIA faced a $45 billion inventory loss.\n", encoding="utf-8")
    code, out = _run(zh, en, "-f", "github")
    assert code == 1
    escaped = str(en).replace(",", "%2C").replace(":", "%3A")
    assert out.startswith(f"::error file={escaped},line=1,endLine=1,col=16,endColumn=27,"
                          "title=N102 magnitude-slip::")
    assert out.count("\n") == 1


def test_github_output_without_findings_is_empty() -> None:
    code, out = _run("corpora/finance/finance.zh.txt", "corpora/finance/finance.en.txt",
                     "-f", "github")
    assert (code, out) == (0, "")


def test_an_unwritable_output_is_a_clean_error(tmp_path) -> None:
    result = runner.invoke(app, ["check", FINANCE_ZH, FINANCE_EN, "-f", "sarif", "-o",
                                 str(tmp_path / "missing" / "out.sarif")])
    assert result.exit_code == 2
    assert result.stderr.startswith("checker: error: cannot write ")
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "missing").exists()
