"""Tests for checker.names.glossary: CSV/TSV and TBX glossaries, problems and safety."""

from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest

from checker.model import InputError
from checker.names.glossary import (
    GlossaryEntry,
    GlossaryProblem,
    index_by_zh,
    load_glossaries,
    load_glossary,
    validate_glossary,
)

NBS = "National Bureau of Statistics"
NQPF = "new quality productive forces"


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``tmp_path/name`` and return the path."""
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def entry(zh: tuple[str, ...], en: str, aliases: tuple[str, ...] = (), **kw: str) -> GlossaryEntry:
    """Shorthand for an expected entry."""
    return GlossaryEntry(zh, en, aliases, **kw)


def warning(origin: str, message: str) -> GlossaryProblem:
    """Shorthand for an expected warning."""
    return GlossaryProblem(origin, message, False)


def fatal(origin: str, message: str) -> GlossaryProblem:
    """Shorthand for an expected fatal problem."""
    return GlossaryProblem(origin, message, True)


# ---------------------------------------------------------------- CSV and TSV


def test_tsv_without_header_uses_default_column_order(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.tsv",
        "黄仁勋\tJensen Huang\t\tNvidia founder\tperson\n"
        f"国家统计局\t{NBS}\tNBS\t\torg\n"
        f"新质生产力\t{NQPF}\n",
    )
    assert load_glossary(path) == [
        entry(
            ("黄仁勋",), "Jensen Huang", note="Nvidia founder", kind="person", origin=f"{path}:1"
        ),
        entry(("国家统计局",), NBS, ("NBS",), kind="org", origin=f"{path}:2"),
        entry(("新质生产力",), NQPF, origin=f"{path}:3"),
    ]
    assert validate_glossary(path) == []


def test_tsv_header_maps_columns_by_name_in_any_order(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.tsv",
        "English\tType\tChinese\tNotes\tVariants\n"
        f"{NBS}\torg\t国家统计局\tstatistics office\tNBS|the bureau\n",
    )
    assert load_glossary(path) == [
        entry(
            ("国家统计局",),
            NBS,
            ("NBS", "the bureau"),
            note="statistics office",
            kind="org",
            origin=f"{path}:2",
        ),
    ]


def test_chinese_header_words_and_unknown_column(tmp_path: Path) -> None:
    path = write(tmp_path, "g.txt", "中文\t英文\tsource_url\n黄仁勋\tJensen Huang\thttp://x\n")
    assert load_glossary(path) == [entry(("黄仁勋",), "Jensen Huang", origin=f"{path}:2")]
    assert validate_glossary(path) == [warning(f"{path}:1", "unknown column 'source_url' ignored")]


def test_csv_with_quoted_commas(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.csv",
        "zh,en,aliases,note\n"
        '国务院发展研究中心,"Development Research Center of the State Council, PRC",DRC,'
        '"think tank, under the State Council"\n'
        '"黄仁勋", "Jensen Huang"\n',
    )
    assert load_glossary(path) == [
        entry(
            ("国务院发展研究中心",),
            "Development Research Center of the State Council, PRC",
            ("DRC",),
            note="think tank, under the State Council",
            origin=f"{path}:2",
        ),
        entry(("黄仁勋",), "Jensen Huang", origin=f"{path}:3"),
    ]


def test_multiple_zh_forms_and_aliases_with_pipe_and_semicolon(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.tsv",
        f"国家统计局|国家统计局 | 统计局\t{NBS}\tNBS; Statistics Bureau |NBS\n"
        "英伟达;輝達\tNvidia|NVIDIA\tNvidia Corp.\n",
    )
    assert load_glossary(path) == [
        entry(("国家统计局", "统计局"), NBS, ("NBS", "Statistics Bureau"), origin=f"{path}:1"),
        entry(("英伟达", "輝達"), "Nvidia", ("NVIDIA", "Nvidia Corp."), origin=f"{path}:2"),
    ]


def test_traditional_forms_are_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "g.tsv", "黄仁勋|黃仁勳\tJensen Huang\n習近平|习近平\tXi Jinping\n")
    entries = load_glossary(path)
    assert [e.zh for e in entries] == [("黄仁勋", "黃仁勳"), ("習近平", "习近平")]
    assert index_by_zh(entries)["黃仁勳"].en == "Jensen Huang"


def test_comments_and_blank_lines_are_skipped_and_lines_counted(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.tsv",
        '# my glossary\n\n  # indented comment, with "quote\n黄仁勋\tJensen Huang\n\n\r\n'
        "# another\n国家统计局\t  National  Bureau of Statistics  \n",
    )
    assert load_glossary(path) == [
        entry(("黄仁勋",), "Jensen Huang", origin=f"{path}:4"),
        entry(("国家统计局",), NBS, origin=f"{path}:8"),
    ]


def test_row_missing_en_is_a_warning_and_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, "g.tsv", "黄仁勋\tJensen Huang\n新质生产力\n\t\tNBS\n")
    assert load_glossary(path) == [entry(("黄仁勋",), "Jensen Huang", origin=f"{path}:1")]
    assert validate_glossary(path) == [
        warning(f"{path}:2", "no English (en) value; line skipped"),
        warning(f"{path}:3", "no Chinese (zh) or English (en) value; line skipped"),
    ]


def test_latin_zh_cell_is_a_warning(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.tsv",
        "黄仁勋|Huang\tJensen Huang\nNvidia\t英伟达\n国家统计局\tNBS\n统计局\tNBS\tx\t\tcompany\n",
    )
    assert [e.zh for e in load_glossary(path)] == [("黄仁勋",), ("国家统计局",), ("统计局",)]
    assert validate_glossary(path) == [
        warning(f"{path}:1", "'Huang' in the zh column has no Chinese; form ignored"),
        warning(f"{path}:2", "no Chinese in the zh column ('Nvidia'); line skipped"),
        warning(
            f"{path}:4",
            "unknown kind 'company' (expected person, org, place, media, event, product, term); "
            "using term",
        ),
    ]


def test_swapped_columns_are_fatal(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.csv",
        f"Jensen Huang,黄仁勋\nNational Bureau of Statistics,国家统计局\n新质生产力,{NQPF}\n",
    )
    message = (
        "columns look swapped: 2 of 3 rows have English in the zh column and Chinese in the en "
        "column"
    )
    assert validate_glossary(path) == [fatal(str(path), message)]
    with pytest.raises(InputError) as info:
        load_glossary(path)
    assert str(info.value) == f"{path}: {message}"


def test_duplicate_zh_with_different_en_warns_and_later_wins(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.tsv",
        "英伟达\tNvidia\n黄仁勋\tJensen Huang\n"
        "英伟达|辉达\tNVIDIA Corporation\n黄仁勋\tJensen Huang\n",
    )
    entries = load_glossary(path)
    assert [(e.zh, e.en) for e in entries] == [
        (("英伟达",), "Nvidia"),
        (("黄仁勋",), "Jensen Huang"),
        (("英伟达", "辉达"), "NVIDIA Corporation"),
        (("黄仁勋",), "Jensen Huang"),
    ]
    assert index_by_zh(entries)["英伟达"].en == "NVIDIA Corporation"
    assert validate_glossary(path) == [
        warning(
            f"{path}:3",
            "'英伟达' is mapped to 'NVIDIA Corporation' here but to 'Nvidia' at line 1; "
            "this later entry wins",
        ),
        warning(f"{path}:4", "'黄仁勋' repeats the entry at line 2"),
    ]


def test_utf8_with_bom_and_header(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes(codecs.BOM_UTF8 + f"zh,en\n国家统计局,{NBS}\n".encode())
    assert load_glossary(path) == [entry(("国家统计局",), NBS, origin=f"{path}:2")]


def test_gb18030_input(tmp_path: Path) -> None:
    text = f"黄仁勋,Jensen Huang,,英伟达创始人\n国家统计局,{NBS},NBS\n新质生产力,{NQPF}\n"
    path = write(tmp_path, "g.csv", text, "gb18030")
    assert load_glossary(path) == [
        entry(("黄仁勋",), "Jensen Huang", note="英伟达创始人", origin=f"{path}:1"),
        entry(("国家统计局",), NBS, ("NBS",), origin=f"{path}:2"),
        entry(("新质生产力",), NQPF, origin=f"{path}:3"),
    ]


def test_no_usable_entry_is_fatal(tmp_path: Path) -> None:
    path = write(tmp_path, "g.tsv", "# only a comment\n新质生产力\n")
    assert validate_glossary(path) == [
        warning(f"{path}:2", "no English (en) value; line skipped"),
        fatal(str(path), "no usable glossary entry"),
    ]
    with pytest.raises(InputError) as info:
        load_glossary(path)
    assert str(info.value) == (
        f"{path}: no usable glossary entry "
        f"(first problem: {path}:2: no English (en) value; line skipped)"
    )


# ---------------------------------------------------------------- TBX

TBX2 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif xmlns="urn:iso:std:iso:30042:ed-1" type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
  <text>
    <body>
      <termEntry id="e1">
        <descrip type="subjectField">person</descrip>
        <langSet xml:lang="zh-TW">
          <tig><term>黃仁勳</term></tig>
        </langSet>
        <langSet xml:lang="zh-CN">
          <tig><term>黄仁勋</term></tig>
        </langSet>
        <langSet xml:lang="en-US">
          <tig><term>Jensen Huang</term></tig>
        </langSet>
      </termEntry>
      <termEntry id="e2">
        <descrip type="definition">China's statistics office</descrip>
        <langSet xml:lang="zh-Hans">
          <ntig><termGrp><term>国家统计局</term></termGrp></ntig>
        </langSet>
        <langSet xml:lang="en">
          <tig><term>National Bureau of Statistics</term></tig>
          <tig><term>NBS</term><termNote type="termType">acronym</termNote></tig>
        </langSet>
      </termEntry>
      <termEntry id="e3">
        <langSet xml:lang="en"><tig><term>orphan</term></tig></langSet>
      </termEntry>
    </body>
  </text>
</martif>
"""

TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
  <tbxHeader><fileDesc><sourceDesc><p>v3</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <langSec xml:lang="zh">
          <termSec><term>新质生产力</term></termSec>
        </langSec>
        <langSec xml:lang="en">
          <termSec><term>new quality productive forces</term></termSec>
          <termSec><term>new productive forces</term></termSec>
        </langSec>
        <note>Xi Jinping, 2023</note>
      </conceptEntry>
      <conceptEntry id="c2">
        <langSec xml:lang="zh-CN">
          <termSec><term>英伟达</term><termNote type="termType">org</termNote></termSec>
        </langSec>
        <langSec xml:lang="en-GB">
          <termSec><term>Nvidia</term></termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
"""


def test_tbx_v2_with_namespace_and_lang_variants(tmp_path: Path) -> None:
    path = write(tmp_path, "g.tbx", TBX2)
    assert load_glossary(path) == [
        entry(("黄仁勋", "黃仁勳"), "Jensen Huang", kind="person", origin=f"{path}:7"),
        entry(
            ("国家统计局",), NBS, ("NBS",), note="China's statistics office", origin=f"{path}:19"
        ),
    ]
    assert validate_glossary(path) == [
        warning(f"{path}:29", "entry has no Chinese term; skipped"),
    ]


def test_tbx_v3(tmp_path: Path) -> None:
    path = write(tmp_path, "terms.xml", TBX3)
    assert load_glossary(path) == [
        entry(
            ("新质生产力",),
            NQPF,
            ("new productive forces",),
            note="Xi Jinping, 2023",
            origin=f"{path}:6",
        ),
        entry(("英伟达",), "Nvidia", kind="org", origin=f"{path}:16"),
    ]
    assert validate_glossary(path) == []


def test_tbx_without_namespace_is_sniffed_from_content(tmp_path: Path) -> None:
    text = (
        "<martif><text><body><termEntry><langSet lang='zh'><tig><term>黄仁勋</term></tig>"
        "</langSet><langSet lang='en'><tig><term>Jensen Huang</term></tig></langSet>"
        "</termEntry></body></text></martif>"
    )
    path = write(tmp_path, "g.csv", text)
    assert load_glossary(path) == [entry(("黄仁勋",), "Jensen Huang", origin=f"{path}:1")]


@pytest.mark.parametrize("target", ["SECRET", "/etc/passwd"])
def test_tbx_external_entity_is_rejected(tmp_path: Path, target: str) -> None:
    secret = write(tmp_path, "secret.txt", "TOP-SECRET-CONTENT-42\n")
    url = (secret if target == "SECRET" else Path(target)).as_uri()
    text = (
        '<?xml version="1.0"?>\n'
        "<!DOCTYPE martif [\n"
        f'  <!ENTITY xxe SYSTEM "{url}">\n'
        "]>\n"
        "<martif><text><body><termEntry>"
        "<langSet xml:lang='zh'><tig><term>黄仁勋</term></tig></langSet>"
        "<langSet xml:lang='en'><tig><term>&xxe;</term></tig></langSet>"
        "</termEntry></body></text></martif>\n"
    )
    path = write(tmp_path, "evil.tbx", text)
    problems = validate_glossary(path)
    assert problems == [fatal(f"{path}:3", "rejected for safety: the file declares XML entities")]
    with pytest.raises(InputError) as info:
        load_glossary(path)
    assert str(info.value) == f"{path}:3: rejected for safety: the file declares XML entities"
    assert "TOP-SECRET" not in str(info.value)
    assert "root:" not in str(info.value)


def test_billion_laughs_is_rejected_quickly(tmp_path: Path) -> None:
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", '  <!ENTITY lol0 "lol">']
    lines += [f'  <!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    lines += ["]>", "<martif><text><body>&lol9;</body></text></martif>"]
    path = write(tmp_path, "bomb.tbx", "\n".join(lines) + "\n")
    started = time.perf_counter()
    with pytest.raises(InputError) as info:
        load_glossary(path)
    assert time.perf_counter() - started < 1.0
    assert str(info.value) == f"{path}:3: rejected for safety: the file declares XML entities"


def test_malformed_xml_reports_line(tmp_path: Path) -> None:
    text = "<?xml version='1.0'?>\n<martif>\n<text>\n<body>\n</text>\n</martif>\n"
    path = write(tmp_path, "bad.tbx", text)
    with pytest.raises(InputError) as info:
        load_glossary(path)
    assert str(info.value) == f"{path}:5: malformed XML: mismatched tag (line 5, column 2)"
    assert validate_glossary(path) == [
        fatal(f"{path}:5", "malformed XML: mismatched tag (line 5, column 2)")
    ]


def test_xml_that_is_not_tbx(tmp_path: Path) -> None:
    path = write(tmp_path, "g.xml", '<?xml version="1.0"?>\n<xliff version="1.2"></xliff>\n')
    message = "not a glossary (expected CSV, TSV or TBX): XML root element is <xliff>"
    assert validate_glossary(path) == [fatal(str(path), message)]


# ---------------------------------------------------------------- bad files and several files


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.tsv"
    with pytest.raises(InputError) as info:
        load_glossary(path)
    assert str(info.value) == f"no such file: {path}"
    assert validate_glossary(path) == [fatal(str(path), f"no such file: {path}")]


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.csv", "  \n\n")
    with pytest.raises(InputError) as info:
        load_glossary(path)
    assert str(info.value) == f"{path}: file is empty"
    assert validate_glossary(path) == [fatal(str(path), "file is empty")]


def test_spreadsheet_is_not_a_glossary(tmp_path: Path) -> None:
    path = tmp_path / "g.xlsx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)))
    with pytest.raises(InputError) as info:
        load_glossary(path)
    assert str(info.value) == f"{path}: not a glossary (expected CSV, TSV or TBX)"


def test_text_with_unknown_suffix_is_not_a_glossary(tmp_path: Path) -> None:
    path = write(tmp_path, "g.docx.md", "黄仁勋\tJensen Huang\n")
    assert validate_glossary(path) == [
        fatal(str(path), "not a glossary (expected CSV, TSV or TBX)")
    ]


def test_load_glossaries_keeps_file_order(tmp_path: Path) -> None:
    first = write(tmp_path, "a.tsv", "英伟达\tNvidia\n黄仁勋\tJensen Huang\n")
    second = write(tmp_path, "b.csv", "英伟达,NVIDIA\n")
    third = write(tmp_path, "c.tbx", TBX3)
    entries = load_glossaries([first, str(second), third])
    assert [(e.en, e.origin) for e in entries] == [
        ("Nvidia", f"{first}:1"),
        ("Jensen Huang", f"{first}:2"),
        ("NVIDIA", f"{second}:1"),
        (NQPF, f"{third}:6"),
        ("Nvidia", f"{third}:16"),
    ]
    assert index_by_zh(entries)["英伟达"].origin == f"{third}:16"
    assert load_glossaries([]) == []


def test_load_glossaries_stops_at_a_bad_file(tmp_path: Path) -> None:
    good = write(tmp_path, "a.tsv", "英伟达\tNvidia\n")
    with pytest.raises(InputError) as info:
        load_glossaries([good, tmp_path / "missing.csv"])
    assert str(info.value) == f"no such file: {tmp_path / 'missing.csv'}"
