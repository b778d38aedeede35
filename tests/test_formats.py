"""Input formats: Word .docx (paragraphs and tables) and HTML (visible text), read by check,
batch and everything else through the load stage; bad files; --save-extracted.

The .docx files are written by python-docx, as Word would write them, or as raw XML where a
test needs markup python-docx does not make (tracked changes, text boxes, fields).
"""

from __future__ import annotations

import io
import json
import struct
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.load import extract_text, load_document
from checker.model import InputError

ROOT = Path(__file__).resolve().parent.parent
FINANCE = ROOT / "corpora/finance"
runner = CliRunner()

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _word(path: Path, blocks: list) -> Path:
    """A .docx written by python-docx: a str is a paragraph, a list of rows a table."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=len(block[0]))
        for r, row in enumerate(block):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    document.save(str(path))
    return path


def _raw_docx(body: str, namespace: str = W, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx around a hand-written <w:body>."""
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<w:document xmlns:w="{namespace}" '
           f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
           f"<w:body>{body}</w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def _check(*args: str | Path):
    return runner.invoke(app, ["check", *map(str, args)])


def _json_check(*args: str | Path) -> dict:
    result = _check(*args, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _findings(report: dict) -> list[tuple]:
    return [(f["rule"], f["source"] and f["source"]["text"], f["target"] and f["target"]["text"])
            for f in report["findings"]]


# ---------------------------------------------------------------- .docx


def test_docx_paragraphs_and_tables_come_out_in_document_order(tmp_path: Path) -> None:
    path = _word(tmp_path / "a.docx", [
        "英伟达公布财报。",
        [["项目", "金额"], ["营收", "500亿元"]],
        "黄仁勋9月26日接受采访。",
    ])
    extracted = extract_text(path.read_bytes(), str(path))
    assert extracted.format == "docx"
    assert extracted.text == ("英伟达公布财报。\n\n项目\t金额\n营收\t500亿元\n\n"
                              "黄仁勋9月26日接受采访。\n")


def test_docx_number_error_in_a_table_is_found_with_offsets_into_the_saved_text(
        tmp_path: Path) -> None:
    zh = _word(tmp_path / "r.zh.docx", [
        "英伟达面临45亿美元库存损失。",
        [["项目", "说明"], ["营收", "营收达到500亿元。"]],
    ])
    en = _word(tmp_path / "r.en.docx", [
        "NVIDIA faced a $4.5 billion inventory loss.",
        [["Item", "Note"], ["Revenue", "Revenue reached 60 billion yuan."]],
    ])
    out = tmp_path / "extracted"
    report = _json_check(zh, en, "--save-extracted", out)
    assert _findings(report) == [("N101", "500亿元", "60 billion yuan")]
    assert report["source"]["format"] == report["target"]["format"] == "docx"
    saved_zh = (out / "r.zh.docx.txt").read_text(encoding="utf-8")
    saved_en = (out / "r.en.docx.txt").read_text(encoding="utf-8")
    finding = report["findings"][0]
    assert saved_zh[finding["source"]["start"]:finding["source"]["end"]] == "500亿元"
    assert saved_en[finding["target"]["start"]:finding["target"]["end"]] == "60 billion yuan"
    assert "营收\t营收达到500亿元。" in saved_zh


def test_docx_of_a_corpus_pair_gives_the_findings_of_its_plain_text(tmp_path: Path) -> None:
    """The finance pair, one Word paragraph per line: the same findings as the .txt files."""
    def as_word(source: Path, target: Path) -> Path:
        lines = source.read_text(encoding="utf-8").splitlines()
        return _word(target, [line for line in lines if line.strip()])

    zh = as_word(FINANCE / "finance.zh.txt", tmp_path / "f.zh.docx")
    en = as_word(FINANCE / "finance.errors.en.txt", tmp_path / "f.en.docx")
    from_text = _json_check(FINANCE / "finance.zh.txt", FINANCE / "finance.errors.en.txt")
    from_word = _json_check(zh, en)
    assert _findings(from_word) == _findings(from_text)
    assert len(from_word["findings"]) == 9


def test_docx_markup_word_writes_for_changes_fields_boxes_and_hidden_text(tmp_path: Path) -> None:
    body = (
        # tracked changes: the text as accepted (deleted 40 out, inserted 45 in)
        '<w:p><w:r><w:t>损失</w:t></w:r><w:del><w:r><w:delText>40</w:delText></w:r></w:del>'
        '<w:ins><w:r><w:t>45</w:t></w:r></w:ins><w:r><w:t>亿美元。</w:t></w:r></w:p>'
        # a field: its code is not text, its result is
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE '
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>第3页</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        # a text box (drawing) and hidden text are left out; vanish val=0 is shown
        '<w:p><w:r><w:t>可见</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        '<w:drawing><w:p><w:r><w:t>文本框100万</w:t></w:r></w:p></w:drawing></mc:Choice>'
        '</mc:AlternateContent></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏200万</w:t></w:r>'
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r></w:p>'
        # tab, line break, non-breaking hyphen; a hyperlink; a content control
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
        '<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:noBreakHyphen/>'
        '<w:t>丁</w:t></w:r><w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>'
        '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>' + _p("控件段落")
        + '</w:sdtContent></w:sdt>'
        # a nested table; a cell of two paragraphs makes the row one line per paragraph
        '<w:tbl><w:tr><w:tc>' + _p("外") + '<w:tbl><w:tr><w:tc>' + _p("内1") + '</w:tc>'
        '<w:tc>' + _p("内2") + '</w:tc></w:tr></w:tbl></w:tc><w:tc>' + _p("右") + '</w:tc>'
        '</w:tr><w:tr><w:tc>' + _p("A") + '</w:tc><w:tc>' + _p("B") + '</w:tc></w:tr></w:tbl>'
        '<w:sectPr/>'
    )
    text = extract_text(_raw_docx(body), "x.docx").text
    assert text == ("损失45亿美元。\n\n第3页\n\n可见显示\n\n甲\t乙\n丙-丁链接\n\n控件段落\n\n"
                    "外\n内1\t内2\n右\nA\tB\n")


def test_docx_in_strict_open_xml_is_read() -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    assert extract_text(_raw_docx(_p("严格格式。"), strict), "s.docx").text == "严格格式。\n"


def test_docx_main_part_is_found_through_the_package_relationships() -> None:
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            b'Target="/word/main.xml"/></Relationships>')
    data = _raw_docx(_p("默认部分不用。"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive, zipfile.ZipFile(io.BytesIO(data)) as old:
        archive.writestr("word/main.xml", old.read("word/document.xml").replace(
            "默认部分不用".encode(), "关系指向的部分".encode()))
        archive.writestr("_rels/.rels", rels)
    assert extract_text(buffer.getvalue(), "r.docx").text == "关系指向的部分。\n"


def _zip_bomb() -> bytes:
    """A real .docx whose document.xml inflates to 60 MB (from about 60 KB)."""
    filler = b"<w:p/>" * (10 * 1024 * 1024)
    xml = (b'<w:document xmlns:w="' + W.encode() + b'"><w:body>' + filler
           + b"</w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def _patch_central_directory(data: bytes, flag_bits: int | None = None,
                             file_size: int | None = None) -> bytes:
    """The same archive with its (only) central directory entry edited."""
    at = data.rindex(b"PK\x01\x02")
    patched = bytearray(data)
    if flag_bits is not None:
        struct.pack_into("<H", patched, at + 8, flag_bits)
    if file_size is not None:
        struct.pack_into("<I", patched, at + 24, file_size)
    return bytes(patched)


def _nested(depth: int) -> bytes:
    body = "<w:p>" + "<w:hyperlink>" * depth + "<w:r><w:t>深</w:t></w:r>" + \
        "</w:hyperlink>" * depth + "</w:p>"
    return _raw_docx(body)


def _entity_docx() -> bytes:
    xml = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "45亿">]>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p>'
           "</w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def _zip_of(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


BAD_DOCX = [
    ("empty", b"", "file is empty"),
    ("plain text", "只是一段文字，不是Word文件。".encode(), "not a .docx file (not a ZIP archive)"),
    ("an old .doc or encrypted", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
     "encrypted (password-protected) Word file or an old .doc"),
    ("truncated", _raw_docx(_p("截断。" * 200))[:300], "corrupt ZIP archive"),
    ("no document part", _zip_of("word/other.xml", b"<x/>"),
     "not a Word document (the archive has no word/document.xml)"),
    ("zip bomb", _zip_bomb(), "refused: word/document.xml would inflate to 62,914,"),
    ("header lies about the size", _patch_central_directory(_zip_bomb(), file_size=1000),
     "corrupt ZIP archive"),
    ("encrypted entry", _patch_central_directory(_raw_docx(_p("密")), flag_bits=1),
     "word/document.xml is encrypted"),
    ("malformed XML", _raw_docx("<w:p><w:r>"), "not well-formed XML"),
    ("entities", _entity_docx(),
     "refused: the XML declares a DTD or entities"),
    ("not WordprocessingML", _raw_docx(_p("x"), namespace="urn:other"),
     "is not WordprocessingML"),
    ("no text", _raw_docx("<w:p/><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"),
     "the document has no text"),
    ("nested too deeply", _nested(5000), "nested too deeply"),
    ("a million empty paragraphs", _raw_docx("<w:p/>" * 1_100_000),
     "refused: more than 1,000,000 XML elements"),
]




@pytest.mark.parametrize(("case", "data", "message"), BAD_DOCX, ids=[c[0] for c in BAD_DOCX])
def test_bad_docx_is_a_one_line_error_and_exit_2(tmp_path: Path, case: str, data: bytes,
                                                 message: str) -> None:
    bad = tmp_path / "bad.zh.docx"
    bad.write_bytes(data)
    good = _word(tmp_path / "good.en.docx", ["NVIDIA faced a $4.5 billion inventory loss."])
    result = _check(bad, good)
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"checker: error: {bad}: ")
    assert message in line


def test_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    """The refusal comes from the entry's declared size: nothing near 60 MB is allocated."""
    bomb = tmp_path / "bomb.zh.docx"
    bomb.write_bytes(_zip_bomb())
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="refused"):
            load_document(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000


# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>标题2025年</title>
<style>p::before { content: "100亿"; }</style>
<script>var total = "1000亿元"; if (a < b) { document.write("<p>9月1日</p>"); }</script>
</head>
<body>
<h1>港股&nbsp;IPO&amp;募资</h1>
<p>第三季度有29家公司上市，募资约760亿港元，
环比增长约三成。<b>强调</b>&lt;不是标签&gt;</p>
<div hidden><p>隐藏的300亿元</p></div>
<p style="color: red; display: none">也隐藏的4月</p>
<template><p>模板里的500万</p></template>
<noscript>请启用脚本</noscript>
<ul><li>第一项<li>第二项</ul>
<p>未闭合的段落
<table><tr><th>项目</th><th>金额</th></tr>
<tr><td>募资</td><td>1,823亿港元</td></tr></table>
<pre>  第一行
  第二行</pre>
一行<br>两行
</body></html>
"""


def test_html_gives_only_the_visible_text_in_paragraphs() -> None:
    extracted = extract_text(PAGE.encode(), "page.html")
    assert extracted.format == "html"
    assert extracted.text == (
        "港股 IPO&募资\n\n"
        "第三季度有29家公司上市，募资约760亿港元，环比增长约三成。强调<不是标签>\n\n"
        "第一项\n\n第二项\n\n未闭合的段落\n\n"
        "项目\t金额\n募资\t1,823亿港元\n\n"
        "第一行\n  第二行\n\n"
        "一行\n两行\n"
    )


def test_html_text_after_an_unclosed_head_is_shown() -> None:
    page = "<html><head><title>标题</title>正文从这里开始。<p>第二段。</p></html>"
    assert extract_text(page.encode(), "h.html").text == "正文从这里开始。\n\n第二段。\n"


def test_html_pair_reports_the_planted_error_and_nothing_from_hidden_parts(
        tmp_path: Path) -> None:
    """The finance pair as web pages, with scripts, styles and hidden blocks full of numbers
    and dates: only the planted errors are reported, at offsets into the extracted text."""
    def as_page(source: Path, target: Path, lang: str) -> Path:
        paragraphs = "\n".join(f"<p>{line}</p>" for line in
                               source.read_text(encoding="utf-8").splitlines() if line.strip())
        hidden = ("<script>var data = [3000, '9月9日', 'March 3, 2024'];</script>"
                  "<style>.x::after { content: '42%'; }</style>"
                  "<div hidden>1999年12月31日 99.9% $7 trillion</div>"
                  "<span style='display:none'>88亿元</span>")
        page = (f"<html lang='{lang}'><head><title>2030</title>{hidden}</head>"
                f"<body>{hidden}<article>{paragraphs}</article>{hidden}</body></html>")
        target.write_text(page, encoding="utf-8")
        return target

    zh = as_page(FINANCE / "finance.zh.txt", tmp_path / "f.zh.html", "zh")
    en = as_page(FINANCE / "finance.errors.en.txt", tmp_path / "f.en.htm", "en")
    out = tmp_path / "saved"
    report = _json_check(zh, en, "--save-extracted", out)
    from_text = _json_check(FINANCE / "finance.zh.txt", FINANCE / "finance.errors.en.txt")
    assert _findings(report) == _findings(from_text)
    saved = (out / "f.en.htm.txt").read_text(encoding="utf-8")
    for finding in report["findings"]:
        if finding["target"]:
            span = finding["target"]
            assert saved[span["start"]:span["end"]] == span["text"]


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=iso-8859-1"></head><body><p>The caf\u00e9\u2019s revenue rose 5%.</p>'
            "</body></html>")
    path = tmp_path / "p.html"
    path.write_bytes(page.encode("cp1252"))
    document = load_document(path)
    assert document.text == "The caf\u00e9\u2019s revenue rose 5%.\n"
    assert document.encoding == "cp1252"


BAD_HTML = [
    ("empty", b"", "file is empty"),
    ("only white space", b"  \n\n ", "file is empty"),
    ("a PNG named .html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20,
     "looks like a binary file, not text"),
    ("a .docx named .html", None, "looks like a binary file, not text"),
    ("nothing visible", b"<html><head><title>45\xe4\xba\xbf</title></head><body>"
     b"<script>x = 1</script><div hidden>\xe9\x9a\x90\xe8\x97\x8f</div></body></html>",
     "no visible text in this HTML file"),
    ("undecodable", b"<p>" + bytes(range(0x80, 0x100)) * 4 + b"</p>", "cannot decode"),
]


@pytest.mark.parametrize(("case", "data", "message"), BAD_HTML, ids=[c[0] for c in BAD_HTML])
def test_bad_html_is_a_one_line_error_and_exit_2(tmp_path: Path, case: str,
                                                 data: bytes | None, message: str) -> None:
    bad = tmp_path / "bad.en.html"
    if data is None:
        data = _word(tmp_path / "w.docx", ["Revenue rose 5%."]).read_bytes()
    bad.write_bytes(data)
    good = tmp_path / "good.zh.txt"
    good.write_text("营收增长5%。\n", encoding="utf-8")
    result = _check(good, bad)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("checker: error: ") and str(bad) in line
    assert message in line


def test_markdown_is_read_as_plain_text_with_offsets_into_the_file(tmp_path: Path) -> None:
    zh = tmp_path / "a.zh.md"
    zh.write_text("# 标题\n\n- 英伟达面临**45亿美元**库存损失。\n", encoding="utf-8")
    en = tmp_path / "a.en.md"
    en.write_text("# Title\n\n- NVIDIA faced a **$45 billion** inventory loss.\n",
                  encoding="utf-8")
    report = _json_check(zh, en)
    assert report["source"]["format"] == report["target"]["format"] == "markdown"
    [finding] = report["findings"]
    assert finding["rule"] == "N102"
    text = en.read_text(encoding="utf-8")
    assert text[finding["target"]["start"]:finding["target"]["end"]] == "$45 billion"


# ---------------------------------------------------------------- batch, glossary learn


def test_batch_reads_docx_and_html_and_records_a_bad_file_as_an_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _word(corpus / "a.zh.docx", [[["营收", "营收达到500亿元。"]]])
    _word(corpus / "a.en.docx", [[["Revenue", "Revenue reached 60 billion yuan."]]])
    (corpus / "b.zh.docx").write_bytes(b"PK\x03\x04 not really a zip")
    _word(corpus / "b.en.docx", ["Revenue reached 50 billion yuan."])
    (corpus / "c.zh.html").write_text("<p>失业率下降0.3个百分点。</p><script>1</script>",
                                      encoding="utf-8")
    (corpus / "c.en.html").write_text("<p>The jobless rate fell 0.3%.</p>", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(corpus), "-o", str(out), "-q", "--jobs", "1"])
    assert result.exit_code == 1, result.output
    records = {Path(r["job"]["source"]).name: r
               for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert _findings(records["a.zh.docx"]) == [("N101", "500亿元", "60 billion yuan")]
    assert records["b.zh.docx"]["error"].startswith(f"{corpus / 'b.zh.docx'}: not a valid "
                                                    ".docx file (corrupt ZIP archive")
    assert _findings(records["c.zh.html"]) == [("N107", "0.3个百分点", "0.3%")]


def test_glossary_learn_reads_docx_too(tmp_path: Path) -> None:
    zh = _word(tmp_path / "g.zh.docx", ["国家统计局新闻发言人付凌晖表示，经济运行总体平稳。"])
    en = _word(tmp_path / "g.en.docx", ["NBS spokesperson Fu Linghui said the economy was "
                                        "generally stable."])
    result = runner.invoke(app, ["glossary", "learn", str(zh), str(en), "--include-known"])
    assert result.exit_code == 0, result.output
    assert "付凌晖\tFu Linghui" in result.stdout


# ---------------------------------------------------------------- --save-extracted


def test_save_extracted_names_both_sides_of_a_bilingual_file(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("营收增长5%。\tRevenue rose 6%.\n", encoding="utf-8")
    out = tmp_path / "new" / "folder"
    result = _check(pairs, "--save-extracted", out, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert (out / "pairs.tsv.source.txt").read_text(encoding="utf-8") == "营收增长5%。"
    assert (out / "pairs.tsv.target.txt").read_text(encoding="utf-8") == "Revenue rose 6%."
    assert f"extracted text: {out / 'pairs.tsv.source.txt'}" in result.stderr


def test_save_extracted_keeps_line_endings_so_offsets_match(tmp_path: Path) -> None:
    zh = tmp_path / "crlf.zh.txt"
    zh.write_bytes("标题\r\n营收增长5%。\r\n".encode())
    en = tmp_path / "crlf.en.txt"
    en.write_bytes(b"Title\r\nRevenue rose 6%.\r\n")
    out = tmp_path / "x"
    report = _json_check(zh, en, "--save-extracted", out)
    saved = (out / "crlf.en.txt.txt").read_bytes()
    assert saved == en.read_bytes()
    span = report["findings"][0]["target"]
    assert saved.decode()[span["start"]:span["end"]] == "6%"


def test_save_extracted_into_a_file_is_an_error_and_writes_no_report(tmp_path: Path) -> None:
    zh = tmp_path / "a.zh.txt"
    zh.write_text("营收增长5%。\n", encoding="utf-8")
    en = tmp_path / "a.en.txt"
    en.write_text("Revenue rose 5%.\n", encoding="utf-8")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file", encoding="utf-8")
    report = tmp_path / "report.json"
    result = _check(zh, en, "--save-extracted", blocker, "-o", report)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"checker: error: cannot create {blocker}")
    assert not report.exists()


def test_load_errors_are_input_errors_not_crashes() -> None:
    with pytest.raises(InputError, match="not a .docx file"):
        extract_text(b"hello", "x.docx")
