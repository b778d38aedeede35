"""Rule documentation: `checker rules`, `checker explain CODE` and docs/rules.md, all from
the registry; docs/rules.md must match what `make docs` would write."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.docs import DOCS_PATH, rule_doc, rules_markdown
from checker.model import Severity
from checker.rules import RULES
from checker.rules.registry import Rule, register

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def test_docs_rules_md_is_up_to_date() -> None:
    assert DOCS_PATH == ROOT / "docs" / "rules.md"
    assert DOCS_PATH.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is out of date: run `make docs`")


def test_docs_check_command_fails_on_a_stale_file(tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "checker.docs", *args],
                              capture_output=True, text=True, cwd=ROOT)

    assert run("--check").returncode == 0
    stale = tmp_path / "rules.md"
    stale.write_text(DOCS_PATH.read_text(encoding="utf-8").replace("N102", "N1O2"),
                     encoding="utf-8")
    result = run("--check", str(stale))
    assert result.returncode == 1
    assert "out of date: run `make docs`" in result.stderr
    written = run(str(stale))
    assert written.returncode == 0
    assert stale.read_text(encoding="utf-8") == DOCS_PATH.read_text(encoding="utf-8")


def test_docs_have_an_index_row_and_a_section_for_every_rule() -> None:
    text = DOCS_PATH.read_text(encoding="utf-8")
    for code, rule in RULES.items():
        anchor = f"{code}-{rule.name}".lower()
        assert (f"| [{code}](#{anchor}) | {rule.name} | {rule.category} | "
                f"{rule.severity.value} |") in text
        section = text.split(f"\n## {code} {rule.name}\n")[1].split("\n## ")[0]
        assert f"| correct | {rule.correct[0]} |" in section
        assert f"| incorrect | {rule.incorrect[0]} |" in section
        assert "**Why:** " in section
        assert f"On the incorrect pair the checker reports:\n\n    {code} " in section


def test_rules_lists_every_rule_with_name_category_and_severity() -> None:
    result = runner.invoke(app, ["rules"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["code", "name", "category", "severity"]
    for code, rule in RULES.items():
        [row] = [line for line in lines if line.split()[:1] == [code]]
        assert row.split()[1:4] == [rule.name, rule.category, rule.severity.value]


@pytest.mark.parametrize("code", sorted(RULES))
def test_explain_gives_what_why_examples_and_the_real_finding(code: str) -> None:
    rule = RULES[code]
    doc = rule_doc(rule)
    result = runner.invoke(app, ["explain", code.lower()])
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert page.startswith(f"{code} {rule.name}  [{rule.category}, default severity "
                           f"{rule.severity.value}]\n")
    flat = " ".join(page.split())
    assert doc.summary in flat and f"Why: {doc.why}" in flat
    assert (f"Correct:\n  zh: {rule.correct[0]}\n  en: {rule.correct[1]}\n"
            f"Incorrect:\n  zh: {rule.incorrect[0]}\n  en: {rule.incorrect[1]}\n"
            f"The checker reports:\n  {code} ") in page
    assert all(len(line) <= 88 or " " not in line for line in page.splitlines()
               if not line.startswith("  "))


def test_explain_shows_the_glossary_an_example_needs() -> None:
    page = runner.invoke(app, ["explain", "T101"]).stdout
    assert "With the glossary entry: 新质生产力 → new quality productive forces" in page


def test_explain_of_an_unknown_code_is_a_usage_error() -> None:
    result = runner.invoke(app, ["explain", "Z000"])
    assert result.exit_code == 2
    assert result.stderr == "checker: error: unknown rule 'Z000' (see `checker rules`)\n"


def test_the_registry_refuses_a_rule_without_why_or_examples() -> None:
    def rule(doc: str, **examples: tuple[str, str]) -> type[Rule]:
        attributes = {"__doc__": doc, "code": "X999", "name": "x", "category": "other",
                      "severity": Severity.MINOR, **examples}
        return type("X", (Rule,), attributes)

    pair = ("中文", "English")
    with pytest.raises(ValueError, match="'Why: '"):
        register(rule("Summary.\n\nNo reason given.", correct=pair, incorrect=pair))
    with pytest.raises(ValueError, match="needs the correct example"):
        register(rule("Summary.\n\nWhy: because.", incorrect=pair))
    with pytest.raises(ValueError, match="needs the incorrect example"):
        register(rule("Summary.\n\nWhy: because.", correct=pair, incorrect=("中文", "")))
    assert "X999" not in RULES
