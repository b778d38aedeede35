"""TMX translation memories: checked as pre-aligned pairs, alone or in a batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en"
          creationtool="test" creationtoolversion="1" o-tmf="none"/>
  <body>
    <tu>
      <tuv xml:lang="zh-CN"><seg>英伟达面临45亿美元库存损失。</seg></tuv>
      <tuv xml:lang="en-US"><seg>NVIDIA faced a $45 billion inventory loss.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="zh-CN"><seg>市值一度蒸发1600亿美元。</seg></tuv>
      <tuv xml:lang="en-US"><seg>Its market value fell by $160 billion at one point.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True,
                          text=True, cwd=cwd)


def test_a_tmx_memory_is_checked_unit_by_unit(tmp_path: Path) -> None:
    (tmp_path / "memory.tmx").write_text(TMX, encoding="utf-8")
    result = _run("check", "memory.tmx", "--format", "json", cwd=tmp_path)
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert [(f["rule"], f["source"]["text"], f["target"]["text"]) for f in report["findings"]] \
        == [("N102", "45亿美元", "$45 billion")]
    assert [s["source"] for s in report["segments"]] == [[0], [1]]


def test_a_tmx_memory_in_a_batch(tmp_path: Path) -> None:
    (tmp_path / "memory.tmx").write_text(TMX, encoding="utf-8")
    result = _run("batch", "memory.tmx", "-o", "out.jsonl", "--jobs", "1", "--quiet",
                  cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [f["rule"] for f in records[0]["findings"]] == ["N102"]


def test_a_tmx_with_entities_is_refused(tmp_path: Path) -> None:
    evil = TMX.replace('<?xml version="1.0" encoding="UTF-8"?>',
                       '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM '
                       '"file:///etc/passwd">]>')
    (tmp_path / "evil.tmx").write_text(evil, encoding="utf-8")
    result = _run("check", "evil.tmx", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().endswith("refused: the TMX file declares XML entities")


def test_a_broken_tmx_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "broken.tmx").write_text("<tmx><body><tu>", encoding="utf-8")
    result = _run("check", "broken.tmx", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "not valid TMX" in result.stderr
