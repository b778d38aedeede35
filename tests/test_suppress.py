"""Suppression comments: <!-- checker: ignore RULE --> in Markdown, plain text and HTML, in
either file, silences those rules for the next paragraph; the report counts them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.formats.comments import blank_comments
from checker.model import InputError, Suppression

runner = CliRunner()

ZH = ("英伟达面临45亿美元库存损失。\n"
      "\n"
      "失业率下降0.3个百分点。\n")
EN = ("NVIDIA faced a $45 billion inventory loss.\n"
      "\n"
      "The jobless rate fell 0.3%.\n")


def _pair(tmp_path: Path, zh: str, en: str, suffix: str = "md") -> tuple[Path, Path]:
    zh_path, en_path = tmp_path / f"a.zh.{suffix}", tmp_path / f"a.en.{suffix}"
    zh_path.write_text(zh, encoding="utf-8")
    en_path.write_text(en, encoding="utf-8")
    return zh_path, en_path


def _report(*args: str | Path) -> dict:
    result = runner.invoke(app, ["check", *map(str, args), "--format", "json",
                                 "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _rules(report: dict) -> list[str]:
    return [f["rule"] for f in report["findings"]]


def test_without_comments_both_errors_are_reported(tmp_path: Path) -> None:
    report = _report(*_pair(tmp_path, ZH, EN))
    assert _rules(report) == ["N102", "N107"]
    assert report["summary"]["suppressed"] == 0


def test_comment_in_the_chinese_file_silences_its_rule_for_the_next_paragraph(
        tmp_path: Path) -> None:
    zh = "<!-- checker: ignore N102 -->\n" + ZH
    report = _report(*_pair(tmp_path, zh, EN))
    assert _rules(report) == ["N107"]
    assert report["summary"]["suppressed"] == 1


def test_comment_in_the_english_file_works_the_same(tmp_path: Path) -> None:
    en = EN.replace("The jobless", "<!-- checker: ignore N107 -->\nThe jobless")
    report = _report(*_pair(tmp_path, ZH, en))
    assert _rules(report) == ["N102"]
    assert report["summary"]["suppressed"] == 1


def test_comment_for_another_rule_silences_nothing(tmp_path: Path) -> None:
    zh = "<!-- checker: ignore D101, E2 -->\n" + ZH
    assert _rules(_report(*_pair(tmp_path, zh, EN))) == ["N102", "N107"]


def test_comment_without_codes_silences_every_rule_and_a_prefix_a_family(
        tmp_path: Path) -> None:
    every = ZH.replace("失业率", "<!-- checker: ignore -->\n失业率")
    assert _rules(_report(*_pair(tmp_path, every, EN))) == ["N102"]
    family = "<!-- Checker: Ignore n1 -->\n" + ZH
    assert _rules(_report(*_pair(tmp_path, family, EN))) == ["N107"]


def test_markdown_paragraph_runs_to_the_blank_line(tmp_path: Path) -> None:
    """In Markdown the paragraph is the lines up to a blank line: both lines of the first
    paragraph are silenced, the paragraph after the blank line is not."""
    zh = ("<!-- checker: ignore -->\n英伟达面临45亿美元库存损失。\n第三届论坛在上海举行。\n\n"
          "失业率下降0.3个百分点。\n")
    en = ("NVIDIA faced a $45 billion inventory loss.\nThe fourth forum was held in Shanghai.\n"
          "\nThe jobless rate fell 0.3%.\n")
    report = _report(*_pair(tmp_path, zh, en))
    assert _rules(report) == ["N107"]
    assert report["summary"]["suppressed"] == 2


def test_plain_text_paragraph_is_one_line(tmp_path: Path) -> None:
    """In plain text every line is a paragraph (as the segmenter reads it): the comment
    silences the next line only."""
    zh = "<!-- checker: ignore -->\n英伟达面临45亿美元库存损失。\n失业率下降0.3个百分点。\n"
    en = "NVIDIA faced a $45 billion inventory loss.\nThe jobless rate fell 0.3%.\n"
    assert _rules(_report(*_pair(tmp_path, zh, en, "txt"))) == ["N107"]


def test_comments_change_no_offset_and_hide_their_own_content(tmp_path: Path) -> None:
    """A comment is blanked out: a number inside it is not "missing" from the English, and
    the findings' offsets still point into the file as it is."""
    zh = "<!-- 旧稿：营收1000亿元，2019年3月 -->\n" + ZH.replace(
        "失业率", "<!-- checker: ignore N102 -->失业率")
    zh_path, en_path = _pair(tmp_path, zh, EN)
    report = _report(zh_path, en_path)
    assert _rules(report) == ["N102", "N107"]
    text = zh_path.read_text(encoding="utf-8")
    for finding in report["findings"]:
        span = finding["source"]
        assert text[span["start"]:span["end"]] == span["text"]


def test_text_report_says_how_many_were_suppressed(tmp_path: Path) -> None:
    zh = "<!-- checker: ignore N102 -->\n" + ZH
    result = runner.invoke(app, ["check", *map(str, _pair(tmp_path, zh, EN))])
    assert result.exit_code == 1  # N107 is still there
    summary = " ".join(result.stdout.split()[-20:])
    assert summary.endswith("· 1 suppressed")
    assert "N102" not in result.stdout


def test_suppressed_findings_do_not_fail_the_check(tmp_path: Path) -> None:
    zh = "<!-- checker: ignore N102, N107 -->\n" + ZH.replace("\n\n", "\n")
    result = runner.invoke(app, ["check", *map(str, _pair(tmp_path, zh, EN.replace("\n\n",
                                                                                   "\n")))])
    assert result.exit_code == 0, result.output
    summary = " ".join(result.stdout.split())
    assert "0 findings" in summary and summary.endswith("· 2 suppressed")


def test_html_comment_applies_to_the_next_block(tmp_path: Path) -> None:
    zh = ("<html><body><!-- checker: ignore N102 --><div><p>英伟达面临45亿美元库存损失。</p>"
          "<p>第三届论坛在上海举行。</p></div><p>失业率下降0.3个百分点。</p></body></html>")
    en = ("<html><body><div><p>NVIDIA faced a $45 billion inventory loss.</p>"
          "<p>The third forum was held in Shanghai.</p></div>"
          "<p>The jobless rate fell 0.3%.</p></body></html>")
    report = _report(*_pair(tmp_path, zh, en, "html"))
    assert _rules(report) == ["N107"]
    assert report["summary"]["suppressed"] == 1


def test_html_comment_in_a_table_row(tmp_path: Path) -> None:
    zh = ("<table><tr><td>营收</td><td>45亿美元</td></tr>"
          "<!-- checker: ignore --><tr><td>利润</td><td>3亿美元</td></tr></table>")
    en = ("<table><tr><td>Revenue</td><td>$45 billion</td></tr>"
          "<tr><td>Profit</td><td>$3 billion</td></tr></table>")
    report = _report(*_pair(tmp_path, zh, en, "html"))
    assert [(f["rule"], f["source"]["text"]) for f in report["findings"]] == [
        ("N102", "45亿美元")]
    assert report["summary"]["suppressed"] == 1


@pytest.mark.parametrize(("comment", "message"), [
    ("<!-- checker: ignore Z999 -->", "a.zh.md:2: unknown rule Z999 in a checker: ignore"),
    ("<!-- checker: ignore N1O1 -->", "a.zh.md:2: 'N1O1' in a checker comment is not a rule"),
    ("<!-- checker: skip N101 -->", "a.zh.md:2: unknown checker comment"),
])
def test_a_comment_the_checker_cannot_read_is_an_error(tmp_path: Path, comment: str,
                                                       message: str) -> None:
    zh_path, en_path = _pair(tmp_path, "标题\n" + comment + "\n" + ZH, EN)
    result = runner.invoke(app, ["check", str(zh_path), str(en_path)])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("checker: error: ") and message in line


def test_batch_reports_apply_suppressions_too(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    _pair(corpus, "<!-- checker: ignore N102 -->\n" + ZH, EN)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(corpus), "-o", str(out), "-q", "--jobs", "1"])
    assert result.exit_code == 1, result.output
    [record] = map(json.loads, out.read_text(encoding="utf-8").splitlines())
    assert _rules(record) == ["N107"]
    assert record["summary"]["suppressed"] == 1


# ---------------------------------------------------------------- the ranges themselves


def test_blanked_text_keeps_length_and_lines() -> None:
    text = "a\n<!-- checker:\n ignore N101 -->\nB c\nd\n\ne\n"
    blanked, suppressions = blank_comments(text, "x.md", markdown=True)
    assert len(blanked) == len(text)
    assert blanked.count("\n") == text.count("\n")
    assert "checker" not in blanked
    assert suppressions == (Suppression(text.index("B"), text.index("d") + 1, ("N101",), 2),)


def test_plain_text_keeps_comments_that_are_not_the_checkers() -> None:
    text = "<!-- a note -->\n<!-- checker: ignore -->\nx\ny\n"
    blanked, suppressions = blank_comments(text, "x.txt", markdown=False)
    assert blanked.startswith("<!-- a note -->\n")
    assert suppressions == (Suppression(text.index("x"), text.index("x") + 1, (), 2),)


def test_a_comment_at_the_end_suppresses_nothing() -> None:
    assert blank_comments("text\n<!-- checker: ignore -->\n", "x.md", markdown=True)[1] == ()


def test_a_markdown_heading_ends_the_paragraph() -> None:
    text = "<!-- checker: ignore -->\nline one\n## Heading\nmore\n"
    [suppression] = blank_comments(text, "x.md", markdown=True)[1]
    assert text[suppression.start:suppression.end] == "line one"


def test_malformed_code_raises_input_error_with_the_line() -> None:
    with pytest.raises(InputError, match=r"^x\.md:3: 'N-1'"):
        blank_comments("a\n\n<!-- checker: ignore N-1 -->\nb\n", "x.md", markdown=True)
