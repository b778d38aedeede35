"""--format html and batch --html: the page's content, its escaping, and the page as
headless Chromium renders it (findings there, filters working, no console error, no request
but the page itself, a screenshot).

The browser tests need Debian's chromium, which `make test` installs when missing; they skip
only where it is not installed, and fail instead under CI (CI=true), where it must run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import struct
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from headless import Chromium, find_chromium
from typer.testing import CliRunner

from checker.batch.html_pages import PagesWritten, write_html_pages
from checker.cli import app
from checker.pipeline import check_paths
from checker.report.html_report import SCRIPT, STYLE, render_html

ROOT = Path(__file__).resolve().parent.parent
FINANCE_ZH = "corpora/finance/finance.zh.txt"
FINANCE_EN = "corpora/finance/finance.errors.en.txt"
runner = CliRunner()

XSS_ZH = ("他说<script>alert(1)</script>公司收入增长了5%。\n"
          "<img src=x onerror=alert(2023)>董事会将于3月召开会议。\n")
XSS_EN = ("He said <script>alert(1)</script> the company revenue grew 6%.\n"
          "<img src=x onerror=alert(2024)> The board will meet in April.\n")


@pytest.fixture(autouse=True)
def _in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _check_html(tmp_path: Path, *pair: str | Path, name: str = "report.html") -> Path:
    out = tmp_path / name
    result = runner.invoke(app, ["check", *map(str, pair), "--format", "html", "-o", str(out)])
    assert result.exit_code in (0, 1), result.stderr
    assert result.stdout == ""
    return out


def _findings(*pair: str | Path) -> list[dict]:
    result = runner.invoke(app, ["check", *map(str, pair), "--format", "json"])
    return json.loads(result.stdout)["findings"]


def _xss_pair(tmp_path: Path) -> tuple[Path, Path]:
    zh, en = tmp_path / "x<u>.zh.txt", tmp_path / "x<u>.en.txt"
    zh.write_text(XSS_ZH, encoding="utf-8")
    en.write_text(XSS_EN, encoding="utf-8")
    return zh, en


class _Page(HTMLParser):
    """The tags of a page, and the text of each finding's marks per side."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.marked: dict[tuple[str, str], str] = {}  # (side lang, finding) → marked text
        self._side: str | None = None
        self._depth = 0
        self._mark: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "div" and "text" in (attributes.get("class") or "").split():
            self._side, self._depth = attributes["lang"], 0
        elif tag == "div" and self._side:
            self._depth += 1
        if tag == "mark":
            self._mark = attributes["data-f"].split()

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._mark = None
        elif tag == "div" and self._side:
            if self._depth == 0:
                self._side = None
            else:
                self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._mark and self._side:
            for number in self._mark:
                key = (self._side, number)
                self.marked[key] = self.marked.get(key, "") + data


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


# ---------------------------------------------------------------- the page's content


def test_every_finding_is_listed_and_marked_in_both_languages(tmp_path) -> None:
    page = _parse(_check_html(tmp_path, FINANCE_ZH, FINANCE_EN))
    findings = _findings(FINANCE_ZH, FINANCE_EN)
    items = [a for tag, a in page.tags if tag == "li" and "finding" in a.get("class", "")]
    assert [(a["id"], a["data-severity"], a["data-category"]) for a in items] == [
        (f"f{n}", f["severity"], f["category"]) for n, f in enumerate(findings, start=1)]
    for number, finding in enumerate(findings, start=1):
        for side, lang in (("source", "zh"), ("target", "en")):
            expected = finding[side]["text"] if finding[side] else None
            assert page.marked.get((lang, str(number))) == expected, (number, side)


def test_page_text_summary_and_suggestions(tmp_path) -> None:
    html = _check_html(tmp_path, FINANCE_ZH, FINANCE_EN).read_text(encoding="utf-8")
    assert '<div class="big poor" id="score">' not in html
    assert re.search(r'id="score">68\.5<small> / 100</small>', html)
    assert '<div class="big" id="finding-count">9</div>' in html
    assert '<li class="pill sev-critical">2 critical</li>' in html
    assert ('<p class="fmsg">45亿美元 is US$4.5 billion, not US$45 billion (off by ×10)</p>'
            '<p class="fsugg"><b>Suggestion:</b> <span>US$4.5 billion</span></p>') in html
    assert '<code class="rule" title="magnitude-slip">N102</code>' in html
    assert 'value="critical" checked>critical 2</label>' in html
    assert 'value="date" checked>date 1</label>' in html


def test_page_is_self_contained_and_locked_down(tmp_path) -> None:
    html = _check_html(tmp_path, FINANCE_ZH, FINANCE_EN).read_text(encoding="utf-8")
    assert not re.search(r"(?i)\b(src|srcset)\s*=|@import|url\(|https?://", html)
    assert html.count("<script>") == 1 and html.count("<style>") == 1

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)[1]
    assert policy == (f"default-src 'none'; style-src 'sha256-{digest(STYLE)}'; "
                      f"script-src 'sha256-{digest(SCRIPT)}'; img-src 'none'; base-uri 'none'; "
                      "form-action 'none'")
    assert f"<style>{STYLE}</style>" in html and f"<script>{SCRIPT}</script>" in html


def test_document_text_and_file_names_are_escaped(tmp_path) -> None:
    zh, en = _xss_pair(tmp_path)
    html = _check_html(tmp_path, zh, en).read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img" not in html and "<u>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert ('&lt;img src=x onerror=alert(<mark class="hl sev-major" data-f="2" title="2. D101 '
            'major: date differs: 2023 is the year 2023, the English says 2024">2024</mark><a '
            'class="ref sev-major" href="#f2" data-f="2">2</a>)&gt; The board') in html
    assert "x&lt;u&gt;.zh.txt" in html


def test_a_finding_outside_every_segment_is_listed_across_the_document() -> None:
    report = check_paths(ROOT / FINANCE_ZH, ROOT / FINANCE_EN)
    report.findings[2] = replace(report.findings[2], segment=None)
    page = _Page()
    page.feed(render_html(report))
    html = render_html(report)
    assert re.search(r'<section class="seg worst-critical doc-wide" id="document">.*?'
                     r'<h2>Across the document</h2><div></div><ol class="findings">'
                     r'<li class="finding" id="f3" ', html)
    assert html.count('id="f3"') == 1
    assert page.marked[("en", "3")] == "US$45 billion"  # still marked where it is


def test_a_clean_pair_has_no_filters_and_says_so(tmp_path) -> None:
    html = _check_html(tmp_path, FINANCE_ZH, "corpora/finance/finance.en.txt"
                       ).read_text(encoding="utf-8")
    assert 'id="filters"' not in html and "<mark" not in html
    assert '<div class="big" id="finding-count">0</div><ul class="counts"><li>none</li>' in html


def test_html_to_an_unwritable_place_is_a_clean_error(tmp_path) -> None:
    target = tmp_path / "missing" / "report.html"
    result = runner.invoke(app, ["check", FINANCE_ZH, FINANCE_EN, "-f", "html", "-o",
                                 str(target)])
    assert result.exit_code == 2
    assert result.stderr.startswith("checker: error: cannot write ")
    assert not target.parent.exists()


# ---------------------------------------------------------------- batch --html


def _batch_dir(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, zh, en in (("finance", FINANCE_ZH, FINANCE_EN),
                         ("seed", "corpora/seed/seed.zh.txt", "corpora/seed/seed.en.txt")):
        (corpus / f"{name}.zh.txt").write_bytes((ROOT / zh).read_bytes())
        (corpus / f"{name}.en.txt").write_bytes((ROOT / en).read_bytes())
    (corpus / "empty.zh.txt").write_text("", encoding="utf-8")
    (corpus / "empty.en.txt").write_text("Nothing.", encoding="utf-8")
    return corpus


def _batch(tmp_path: Path, corpus: Path, *extra: str) -> object:
    return runner.invoke(app, ["batch", str(corpus), "-o", str(tmp_path / "out.jsonl"), "-j",
                               "1", "--html", str(tmp_path / "pages"), *extra])


def test_batch_writes_a_page_per_report_and_an_index(tmp_path) -> None:
    corpus = _batch_dir(tmp_path)
    result = _batch(tmp_path, corpus, "-q")
    assert result.exit_code == 1, result.stderr
    pages = tmp_path / "pages"
    names = sorted(p.name for p in pages.iterdir())
    assert len(names) == 3 and "index.html" in names
    assert [n for n in names if n.startswith("finance.zh.txt-")]
    index = (pages / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr(?: class=\"error\")?><td class=\"pair\">(.*?)</td>", index)
    assert len(rows) == 3
    assert "empty.zh.txt" in rows[0] and "file is empty" in index  # the error first
    assert 'finance.zh.txt ↔' in rows[1] and "seed.zh.txt" in rows[2]  # then the worst
    link = re.search(r'<a href="([^"]+)">', rows[1])[1]
    page = (pages / link).read_text(encoding="utf-8")
    assert '<a class="back" href="index.html">' in page
    assert page.count('<li class="finding"') == 9
    assert '<td class="n fair">68.5</td><td class="n">9</td><td class="n">2</td>' in index
    assert '<td class="n good">80.7</td><td class="n">3</td>' in index


def test_batch_html_lists_a_changed_file_without_a_page(tmp_path) -> None:
    corpus = _batch_dir(tmp_path)
    assert _batch(tmp_path, corpus, "-q").exit_code == 1
    (corpus / "seed.en.txt").write_text("Changed since the check.\n", encoding="utf-8")
    pages = tmp_path / "fresh"
    written = write_html_pages(tmp_path / "out.jsonl", pages)
    assert written == PagesWritten(pages=1, without_page=1, errors=1)
    index = (pages / "index.html").read_text(encoding="utf-8")
    assert ("seed.en.txt<br><span class=\"muted\">no page: the files changed since this "
            "check; run the batch again for a page</span>") in index
    assert len(list(pages.iterdir())) == 2


def test_batch_html_needs_an_output_file(tmp_path) -> None:
    result = runner.invoke(app, ["batch", str(tmp_path), "--html", str(tmp_path / "pages")])
    assert result.exit_code == 2
    assert result.stderr == ("checker: error: --html needs --output: the pages are built from "
                             "the JSONL file\n")
    assert not (tmp_path / "pages").exists()


def test_batch_html_into_a_file_is_refused_before_checking(tmp_path) -> None:
    corpus = _batch_dir(tmp_path)
    (tmp_path / "pages").write_text("not a directory", encoding="utf-8")
    result = _batch(tmp_path, corpus, "-q")
    assert result.exit_code == 2
    assert result.stderr == f"checker: error: --html needs a directory: {tmp_path / 'pages'} " \
        "is a file\n"
    assert not (tmp_path / "out.jsonl").exists()


def test_batch_html_pages_of_bilingual_chunks(tmp_path) -> None:
    memory = tmp_path / "tm.tsv"
    memory.write_text("source\ttarget\n"
                      "英伟达面临45亿美元库存损失。\tNVIDIA faced a $45 billion inventory loss.\n\n"
                      "该法案于2023年通过。\tThe bill was passed in 2024.\n"
                      "恒生指数上涨27.6%。\tThe Hang Seng Index rose 27.6%.\n", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(memory), "--chunk", "2", "-q", "-j", "1", "-o",
                                 str(tmp_path / "out.jsonl"), "--html", str(tmp_path / "pages")])
    assert result.exit_code == 1, result.stderr
    index = (tmp_path / "pages" / "index.html").read_text(encoding="utf-8")
    pages = re.findall(r'<a href="([^"]+)">[^<]*tm\.tsv <span class="muted">\((.*?)\)</span>',
                       index)
    assert [where for _, where in pages] == ["lines 2–4", "line 5"]
    page = _parse(tmp_path / "pages" / pages[0][0])
    assert page.marked == {("zh", "1"): "45亿美元", ("en", "1"): "$45 billion",
                           ("zh", "2"): "2023年", ("en", "2"): "2024"}


# ---------------------------------------------------------------- in Chromium


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        reason = "chromium is not installed (`make test` installs it with apt-get as root)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: the HTML report must be tested in CI")
        pytest.skip(reason)
    chromium = Chromium(executable)
    yield chromium
    chromium.close()


def _open(browser: Chromium, path: Path, javascript: bool = True):
    page = browser.new_page(javascript=javascript)
    page.navigate(path.resolve().as_uri())
    return page


def _assert_quiet(page, url: str) -> None:
    """Nothing requested but the page, no console message, no exception, no dialog."""
    assert page.requests == [url]
    assert [m for m in page.console if m[0] in ("error", "warning", "assert")] == []
    assert page.exceptions == [] and page.dialogs == []


VISIBLE = ("Array.from(document.querySelectorAll({!r}))"
           ".filter(e => e.getClientRects().length > 0).map(e => e.{})")


def test_chromium_renders_the_findings_and_the_filters_work(browser, tmp_path) -> None:
    path = _check_html(tmp_path, FINANCE_ZH, FINANCE_EN)
    page = _open(browser, path)
    try:
        findings = VISIBLE.format("li.finding", "dataset.id")
        marks = VISIBLE.format("mark.hl:not(.off)", "dataset.f")
        assert page.evaluate(findings) == [str(n) for n in range(1, 10)]
        assert len(page.evaluate(marks)) == 16  # one finding has no English, one no Chinese
        assert page.evaluate("document.getElementById('filters').hidden") is False
        assert page.evaluate("document.getElementById('shown').textContent") == \
            "Showing 9 of 9 findings"

        page.click("#filters input[value=critical]")  # the two magnitude slips go
        assert page.evaluate(findings) == ["1", "2", "4", "5", "6", "8", "9"]
        assert page.evaluate(VISIBLE.format("mark.sev-critical", "dataset.f")) == []
        assert page.evaluate("document.querySelector('#f3').hidden") is True
        assert page.evaluate("document.getElementById('shown').textContent") == \
            "Showing 7 of 9 findings"

        page.click("#filters input[value=date]")  # and the date mismatch
        assert page.evaluate(findings) == ["1", "2", "4", "6", "8", "9"]
        segments = VISIBLE.format("section.seg", "id")
        assert len(page.evaluate(segments)) == 17
        page.click("#only-findings")
        assert page.evaluate(segments) == ["s2", "s3", "s6", "s10", "s16", "s17"]

        page.click("#filters input[value=critical]")  # back again
        assert page.evaluate(VISIBLE.format("mark.sev-critical", "dataset.f")) == ["3", "3",
                                                                                   "7", "7"]
        _assert_quiet(page, path.resolve().as_uri())
        shot = page.screenshot(tmp_path / "report.png")
        assert shot[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", shot[16:24])
        assert width == 1366 and height > 1000 and len(shot) > 50_000
    finally:
        page.close()


def test_chromium_without_javascript_shows_everything(browser, tmp_path) -> None:
    path = _check_html(tmp_path, FINANCE_ZH, FINANCE_EN)
    page = _open(browser, path, javascript=False)
    try:
        assert len(page.evaluate(VISIBLE.format("li.finding", "id"))) == 9
        assert page.evaluate(VISIBLE.format("#filters", "id")) == []
        assert page.evaluate(VISIBLE.format("mark.hl", "dataset.f")) != []
        _assert_quiet(page, path.resolve().as_uri())
    finally:
        page.close()


def test_chromium_shows_markup_in_documents_as_text(browser, tmp_path) -> None:
    zh, en = _xss_pair(tmp_path)
    path = _check_html(tmp_path, zh, en)
    page = _open(browser, path)
    try:
        assert page.evaluate("document.scripts.length") == 1
        assert page.evaluate("document.images.length") == 0
        assert page.evaluate("document.querySelectorAll('u, [onerror]').length") == 0
        text = page.evaluate("document.body.innerText")
        assert "He said <script>alert(1)</script> the company" in text
        assert "<img src=x onerror=alert(20232)>董事会" in text  # 2: the finding's number
        # a finding inside the markup: the year in alert(2023) / alert(2024) is marked
        assert page.evaluate(VISIBLE.format("mark", "textContent")) == [
            "5%", "6%", "2023", "3月", "2024", "April"]
        assert "x<u>.zh.txt" in text
        assert len(page.evaluate(VISIBLE.format("li.finding", "id"))) >= 2
        _assert_quiet(page, path.resolve().as_uri())
    finally:
        page.close()


def test_chromium_follows_the_batch_index_to_a_report(browser, tmp_path) -> None:
    corpus = _batch_dir(tmp_path)
    assert _batch(tmp_path, corpus, "-q").exit_code == 1
    index = tmp_path / "pages" / "index.html"
    page = _open(browser, index)
    try:
        _assert_quiet(page, index.resolve().as_uri())
        page.loaded = False
        page.click("#reports tbody tr:nth-child(2) a")
        page.browser.wait_until(lambda: page.loaded)
        assert len(page.requests) == 2 and page.requests[1].startswith(
            (tmp_path / "pages").resolve().as_uri() + "/finance.zh.txt-")
        assert "finance.zh.txt" in page.evaluate("document.title")
        assert len(page.evaluate(VISIBLE.format("li.finding", "id"))) == 9
        assert page.console == [] and page.exceptions == []
    finally:
        page.close()
