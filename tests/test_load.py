"""Tests for checker.load: decoding, bad input, language detection, pairs and TSV files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from checker.load import (
    BilingualFile,
    detect_language,
    is_bilingual_file,
    load_bilingual_file,
    load_document,
    load_pair,
    read_text,
)
from checker.model import Document, InputError

ZH = (
    "新华社北京9月28日电 国家统计局今天发布数据显示，今年前八个月全国规模以上工业企业"
    "实现利润总额46929.8亿元，同比增长0.9%。其中，8月份利润同比增长20.4%——增速明显回升。"
    "“这一变化表明经济企稳。”专家说。英伟达（NVIDIA）创始人黄仁勋表示，中国在芯片制造领域"
    "发展迅速，目前仅落后美国“几纳秒”。\r\n美国政府曾禁止向中国出售H20芯片。\n"
)
EN = (
    "According to reports on September 28, Jensen Huang, founder and CEO of U.S. tech giant "
    "NVIDIA, stated that China lags behind the United States by \u201conly a few nanoseconds\u201d."
    "\r\nHe called on the U.S. government to ease export restrictions.\n"
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (ZH, "utf-8", "utf-8"),
        (ZH, "utf-8-sig", "utf-8-sig"),
        (ZH, "utf-16", "utf-16-le"),  # Python's "utf-16" writes a little-endian BOM
        (ZH, "gb18030", "gb18030"),
        (ZH, "gbk", "gb18030"),
        (EN, "utf-8", "utf-8"),
        (EN, "utf-8-sig", "utf-8-sig"),
        (EN, "utf-16", "utf-16-le"),
    ],
)
def test_read_text_decodes(tmp_path: Path, text: str, codec: str, expected: str) -> None:
    path = write(tmp_path, "doc.txt", text.encode(codec))
    decoded, encoding = read_text(path)
    assert decoded == text  # BOM removed, \r\n and \n untouched
    assert encoding == expected


def test_read_text_utf16_big_endian_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "be.txt", codecs.BOM_UTF16_BE + ZH.encode("utf-16-be"))
    assert read_text(path) == (ZH, "utf-16-be")


def test_read_text_utf16_without_bom_english(tmp_path: Path) -> None:
    path = write(tmp_path, "le.txt", EN.encode("utf-16-le"))
    assert read_text(path) == (EN, "utf-16-le")


def test_read_text_keeps_line_endings(tmp_path: Path) -> None:
    path = write(tmp_path, "crlf.txt", b"one\r\ntwo\rthree\n")
    assert read_text(path)[0] == "one\r\ntwo\rthree\n"


def test_read_text_accepts_str_path(tmp_path: Path) -> None:
    path = write(tmp_path, "doc.txt", EN)
    assert read_text(str(path))[0] == EN


def test_gbk_news_text_loads_as_chinese(tmp_path: Path) -> None:
    path = write(tmp_path, "news.txt", ZH.encode("gbk"))
    doc = load_document(path)
    assert doc == Document(text=ZH, lang="zh", path=str(path), encoding="gb18030")


@pytest.mark.parametrize("name", ["doc.txt", "doc.md", "doc.srt", "doc.weird", "README"])
def test_any_extension_is_plain_text(tmp_path: Path, name: str) -> None:
    assert load_document(write(tmp_path, name, EN)).lang == "en"


# ---------------------------------------------------------------- bad input


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=r"^no such file: .*nope\.txt$"):
        read_text(missing)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t\r\n  ",
        codecs.BOM_UTF8,
        codecs.BOM_UTF8 + b" \n",
        " \n\u3000\n".encode("utf-16"),
        "\u3000\u3000\r\n".encode("gb18030"),
    ],
    ids=["empty", "whitespace", "bom-only", "bom-space", "utf16-space", "ideographic-space"],
)
def test_empty_or_whitespace_only(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError, match="file is empty"):
        read_text(write(tmp_path, "empty.txt", data))


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(0, 32)) * 10,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)),
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
        b"hello\x00world\x00" * 20,
        ("text " * 20 + "\x01\x02\x03\x04\x05\x06" * 10).encode("utf-8"),
    ],
    ids=["control-bytes", "png", "zip", "nul-in-ascii", "utf8-with-controls"],
)
def test_binary(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        read_text(write(tmp_path, "blob.bin", data))


@pytest.mark.parametrize(
    "data",
    [
        ("café crème brûlée " * 20).encode("latin-1"),  # not even valid GB18030
        ("crème brûlée " * 20).encode("latin-1"),  # valid GB18030, but rare hanzi: cr鑝e
        ("Größe Übermaß Straße Äpfel " * 10).encode("latin-1"),
        ("He said \u201cthis is fine\u201d \u2014 twice. " * 5).encode("cp1252"),
        "臺灣的經濟發展與半導體產業，為全球供應鏈帶來深遠影響。".encode("big5") * 3,
        "日本の経済は回復しています。東京都の人口は増えました。".encode("shift_jis") * 3,
        "한국 경제는 성장하고 있습니다. 대한민국의 수도는 서울이며 인구는 약 천만 명입니다.".encode(
            "euc-kr"
        ),
        bytes(range(0x81, 0xFF)) * 4,
    ],
    ids=["latin1-invalid", "latin1-plausible-bytes", "german", "cp1252", "big5", "sjis", "euckr",
         "high-bytes"],
)  # fmt: skip
def test_undecodable(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError, match="cannot decode"):
        read_text(write(tmp_path, "bad.txt", data))


def test_invalid_utf16_after_bom(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    with pytest.raises(InputError, match="invalid utf-16-le"):
        read_text(write(tmp_path, "bad16.txt", data))


@pytest.mark.parametrize(
    "text",
    [
        "12345 67890 -- 3.14 %%% !!!",
        "Съешь же ещё этих мягких французских булок.",
        "日本語のテキストです。",
    ],
)
def test_load_document_rejects_other_languages(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "other.txt", text)
    with pytest.raises(InputError, match="cannot tell whether this is Chinese or English"):
        load_document(path)


def test_error_messages_are_one_line(tmp_path: Path) -> None:
    for data in (b"", b"\x00\x01\x02", ("crème " * 9).encode("latin-1")):
        with pytest.raises(InputError) as info:
            read_text(write(tmp_path, "x.txt", data))
        assert "\n" not in str(info.value)


# ---------------------------------------------------------------- language detection


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国家统计局今天发布数据显示，利润同比增长0.9%。", "zh"),
        ("英伟达（NVIDIA）首席执行官Jensen Huang表示，H20芯片恢复对华出口。", "zh"),
        ("NVIDIA H20 GPU芯片CUDA生态", "zh"),
        ("The quick brown fox jumps over the lazy dog.", "en"),
        (
            "Lin Jian (林剑), spokesperson for the Ministry of Foreign Affairs, said on Monday.",
            "en",
        ),
        ("Café crème in São Paulo, naïve résumé.", "en"),
        ("", None),
        ("2025-09-28 12:00 | 46929.8 %", None),
        ("日本の経済は回復しています。", None),
        ("대한민국의 수도는 서울입니다.", None),
        ("Съешь же ещё этих мягких французских булок.", None),
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


# ---------------------------------------------------------------- pairs


@pytest.mark.parametrize("order", ["zh-en", "en-zh"])
def test_load_pair_keeps_order(tmp_path: Path, order: str) -> None:
    zh = write(tmp_path, "zh.txt", ZH.encode("gbk"))
    en = write(tmp_path, "en.txt", EN.encode("utf-16"))
    first, second = (zh, en) if order == "zh-en" else (en, zh)
    source, target = load_pair(first, second)
    assert source.path == str(first)
    assert target.path == str(second)
    assert (source.lang, target.lang) == tuple(order.split("-"))


def test_load_pair_two_english_files(tmp_path: Path) -> None:
    a, b = write(tmp_path, "a.txt", EN), write(tmp_path, "b.txt", EN.upper())
    with pytest.raises(InputError, match="^both files are English: need one Chinese and one"):
        load_pair(a, b)


def test_load_pair_two_chinese_files(tmp_path: Path) -> None:
    a, b = write(tmp_path, "a.txt", ZH), write(tmp_path, "b.txt", ZH.encode("gb18030"))
    with pytest.raises(InputError, match="^both files are Chinese"):
        load_pair(a, b)


def test_load_pair_same_path_twice(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", ZH)
    with pytest.raises(InputError, match="same file was given twice"):
        load_pair(path, path)
    with pytest.raises(InputError, match="same file was given twice"):
        load_pair(path, tmp_path / "." / "a.txt")


def test_load_pair_missing_file(tmp_path: Path) -> None:
    zh = write(tmp_path, "zh.txt", ZH)
    with pytest.raises(InputError, match="no such file"):
        load_pair(zh, tmp_path / "en.txt")


# ---------------------------------------------------------------- bilingual TSV


def test_is_bilingual_file() -> None:
    assert is_bilingual_file("memory.tsv")
    assert is_bilingual_file(Path("dir/MEMORY.TSV"))
    assert not is_bilingual_file("memory.txt")
    assert not is_bilingual_file("memory.csv")
    assert not is_bilingual_file("tsv")
    assert is_bilingual_file("memory.tmx")


def test_load_bilingual_file(tmp_path: Path) -> None:
    text = (
        "Source\tTarget\r\n"
        "\r\n"
        "今年利润增长0.9%。\tProfits grew 0.9% this year.\r\n"
        "  英伟达发布H20芯片。 \t NVIDIA released the H20 chip. \r\n"
        "\n"
        "美国政府批准出口。\tThe U.S. government approved exports.\n"
    )
    path = write(tmp_path, "memory.tsv", text)
    result = load_bilingual_file(path)
    assert isinstance(result, BilingualFile)
    assert result.source.lang == "zh"
    assert result.target.lang == "en"
    assert result.source.path == result.target.path == str(path)
    assert result.source.text == "今年利润增长0.9%。\n英伟达发布H20芯片。\n美国政府批准出口。"
    src_cells = [result.source.text[s:e] for s, e in result.source_cells]
    tgt_cells = [result.target.text[s:e] for s, e in result.target_cells]
    assert src_cells == ["今年利润增长0.9%。", "英伟达发布H20芯片。", "美国政府批准出口。"]
    assert tgt_cells == [
        "Profits grew 0.9% this year.",
        "NVIDIA released the H20 chip.",
        "The U.S. government approved exports.",
    ]


@pytest.mark.parametrize("header", ["zh\ten", "EN\tZH", "source\ttarget", "src\ttgt"])
def test_tsv_header_variants_are_skipped(tmp_path: Path, header: str) -> None:
    path = write(tmp_path, "m.tsv", f"{header}\nThe chip is fast.\t芯片很快。\n")
    result = load_bilingual_file(path)
    assert result.source.text == "The chip is fast."
    assert (result.source.lang, result.target.lang) == ("en", "zh")
    assert len(result.source_cells) == len(result.target_cells) == 1


def test_tsv_gbk_encoded(tmp_path: Path) -> None:
    path = write(tmp_path, "m.tsv", "芯片很快。\tThe chip is fast.\n".encode("gbk"))
    result = load_bilingual_file(path)
    assert result.source.encoding == "gb18030"
    assert result.source.text == "芯片很快。"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("芯片很快。\tThe chip is fast.\n\n芯片很慢。 The chip is slow.\n", "line 3: .*no tab"),
        ("芯片很快。\tThe chip is fast.\n芯片很慢。\t \n", "line 2: the target cell is empty"),
        ("\tThe chip is fast.\n", "line 1: the source cell is empty"),
        ("芯片很快。\tThe chip is fast.\textra\n", "line 1: .*3 columns"),
        ("source\ttarget\n\n", "no source<TAB>target lines"),
        ("The chip is fast.\tThe chip is quick.\n", "both columns are English"),
        ("芯片很快。\t芯片很快。\n", "both columns are Chinese"),
        ("12345\tThe chip is fast.\n", "cannot tell whether the source column"),
    ],
)
def test_tsv_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_bilingual_file(write(tmp_path, "bad.tsv", text))


def test_tsv_header_only_on_first_line(tmp_path: Path) -> None:
    # A later "zh<TAB>en" line is data, and then the column languages clash with it.
    text = "芯片很快。\tThe chip is fast.\nzh\ten\n"
    result = load_bilingual_file(write(tmp_path, "m.tsv", text))
    assert result.source.text == "芯片很快。\nzh"
