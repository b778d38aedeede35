"""The config file ([tool.checker] / .checker.toml): discovery, precedence, `checker config`,
bad files, and its effect on check, batch and hook."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import load_config, setting

runner = CliRunner()

ZH = "英伟达因H20芯片滞销面临45亿美元库存损失。\n林剑9月18日表示，中方一直反对歧视性做法。\n"
EN_WRONG = (
    "NVIDIA faced a $45 billion inventory loss due to unsold H20 chips.\n"
    "Lin Jian said on September 18 that China has always opposed discriminatory practices.\n"
)
NAME_ZH = "黄仁勋表示，中国芯片制造仅落后美国几纳秒。\n"
NAME_EN = "Jensen Huang said China lags the US by only a few nanoseconds in chip making.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder as the current directory, with a wrong pair in it."""
    (tmp_path / "a.zh.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "a.en.txt").write_text(EN_WRONG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _json_settings(*args: str) -> dict:
    result = runner.invoke(app, ["config", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_without_a_config_file_every_setting_is_the_default(project: Path) -> None:
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0
    assert result.stdout == (
        "config file: (none found)\n"
        "select      (every rule)  default\n"
        "ignore      (none)        default\n"
        "severity    (none)        default\n"
        "fail-on     major         default\n"
        "glossaries  (none)        default\n"
        "embedder    none          default\n"
        "mt-model    (none)        default\n"
        "device      cpu           default\n"
    )


def test_checker_toml_settings_and_command_line_origins(project: Path) -> None:
    (project / ".checker.toml").write_text(
        'select = ["n1", "D"]\nfail-on = "critical"\nglossaries = ["terms/house.tsv"]\n'
        'embedder = "hf:models/labse"\ndevice = "cuda:0"\n'
        '[severity]\nN1 = "minor"\nN102 = "Major"\n', encoding="utf-8")
    config = str(project / ".checker.toml")
    shown = _json_settings("--ignore", "N104,d104", "--fail-on", "minor")
    assert shown == {
        "config": config,
        "settings": {
            "select": {"value": ["N1", "D"], "origin": config},
            "ignore": {"value": ["N104", "D104"], "origin": "command line"},
            # the most specific code first: N102 is re-graded as major, the other N1 minor
            "severity": {"value": {"N102": "major", "N1": "minor"}, "origin": config},
            "fail-on": {"value": "minor", "origin": "command line"},
            "glossaries": {"value": [str(project / "terms" / "house.tsv")], "origin": config},
            "embedder": {"value": "hf:models/labse", "origin": config},
            "mt-model": {"value": None, "origin": "default"},
            "device": {"value": "cuda:0", "origin": config},
        },
    }
    rows = _rows(runner.invoke(app, ["config", "--select", "E"]).stdout)
    assert rows["select"] == ["E", "command line"]
    assert rows["severity"] == ["N102=major, N1=minor", config]
    assert rows["mt-model"] == ["(none)", "default"]


def _rows(text: str) -> dict[str, list[str]]:
    """The table of `checker config`: setting → [value, origin] (columns are 2+ spaces)."""
    cells = [re.split(r" {2,}", line.strip()) for line in text.splitlines()[1:]]
    return {row[0]: row[1:] for row in cells}


def test_pyproject_table_is_found_walking_up(project: Path, monkeypatch) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "docs"\n\n[tool.checker]\nignore = ["D104"]\n\n'
        '[tool.checker.severity]\nE205 = "minor"\n', encoding="utf-8")
    deep = project / "docs" / "zh"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    shown = _json_settings()
    assert shown["config"] == str(project / "pyproject.toml")
    assert shown["settings"]["ignore"] == {"value": ["D104"],
                                           "origin": str(project / "pyproject.toml")}
    assert shown["settings"]["severity"]["value"] == {"E205": "minor"}


def test_a_pyproject_without_the_table_does_not_stop_the_walk(project: Path,
                                                              monkeypatch) -> None:
    (project / ".checker.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    inner = project / "package"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    monkeypatch.chdir(inner)
    assert _json_settings()["config"] == str(project / ".checker.toml")


def test_checker_toml_wins_over_pyproject_in_the_same_folder(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.checker]\nfail-on = "minor"\n',
                                            encoding="utf-8")
    (project / ".checker.toml").write_text('fail-on = "critical"\n', encoding="utf-8")
    result = runner.invoke(app, ["config"])
    assert result.stdout.splitlines()[:2] == [
        f"config file: {project / '.checker.toml'}",
        f"  ({project / 'pyproject.toml'} also has [tool.checker]; .checker.toml wins)",
    ]
    assert _json_settings()["settings"]["fail-on"]["value"] == "critical"


def test_the_stop_is_the_nearest_config(project: Path, monkeypatch) -> None:
    (project / ".checker.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    inner = project / "sub"
    inner.mkdir()
    (inner / ".checker.toml").write_text('device = "cpu"\n', encoding="utf-8")
    monkeypatch.chdir(inner)
    shown = _json_settings()
    assert shown["config"] == str(inner / ".checker.toml")
    assert shown["settings"]["fail-on"] == {"value": "major", "origin": "default"}


def test_setting_gives_the_effective_value_and_its_origin(project: Path) -> None:
    (project / ".checker.toml").write_text('embedder = "hf:./labse"\n', encoding="utf-8")
    assert setting("embedder").value == "hf:./labse"
    assert setting("embedder").origin == str(project / ".checker.toml")
    assert setting("embedder", "use").origin == "command line"
    assert setting("mt-model").origin == "default"
    assert setting("device", start=project.parent).origin == "default"
    assert load_config().path == project / ".checker.toml"


BAD_CONFIGS = [
    ('select = ["N1"', "invalid TOML: "),
    ('selct = ["N1"]', "unknown key 'selct' in the file; known keys: select, ignore, severity"),
    ('fail_on = "minor"', "unknown key 'fail_on' in the file (did you mean fail-on?)"),
    ('[tool.checker]\nselect = ["N1"]', "unknown key 'tool' in the file (in .checker.toml the "
                                        "keys go at the top level, without [tool.checker])"),
    ('select = "N1"', "select must be an array of rule codes (strings), not a string"),
    ('glossaries = "house.tsv"', "glossaries must be an array of file paths (strings), not a"),
    ("device = 0", "device must be a non-empty string, not an integer"),
    ('fail-on = "warning"', "fail-on must be one of critical, major, minor, never, not "
                            "'warning'"),
    ('severity = "minor"', 'severity must be a table of rule code = "severity", not a string'),
    ('[severity]\nN101 = "low"', "severity of N101 must be one of critical, major, minor, "
                                 "info, not 'low'"),
    ('select = ["X9"]', "select: unknown rule code or prefix: X9 (see `checker rules`)"),
    ('[severity]\nQ1 = "minor"', "severity: unknown rule code or prefix: Q1"),
]


@pytest.mark.parametrize(("content", "message"), BAD_CONFIGS)
@pytest.mark.parametrize("command", [["config"], ["check", "a.zh.txt", "a.en.txt"],
                                     ["hook", "a.zh.txt"]])
def test_a_bad_config_is_one_line_and_exit_2(project: Path, content: str, message: str,
                                             command: list[str]) -> None:
    (project / ".checker.toml").write_text(content + "\n", encoding="utf-8")
    result = runner.invoke(app, command)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"checker: error: {project / '.checker.toml'}: ")
    assert message in result.stderr


def test_a_broken_pyproject_with_the_table_is_reported(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.checker]\nselect = [\n', encoding="utf-8")
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"checker: error: {project / 'pyproject.toml'}: "
                                    "invalid TOML")


def test_an_unknown_code_on_the_command_line_is_not_blamed_on_the_file(project) -> None:
    result = runner.invoke(app, ["config", "--ignore", "Z1"])
    assert result.exit_code == 2
    assert result.stderr == "checker: error: unknown rule code or prefix: Z1 " \
                            "(see `checker rules`)\n"


# ---------------------------------------------------------------- applied by the commands


def _check_json(*args: str) -> tuple[int, dict]:
    result = runner.invoke(app, ["check", "a.zh.txt", "a.en.txt", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def test_per_rule_severity_changes_the_report_and_the_exit_code(project: Path) -> None:
    code, report = _check_json()
    assert [(f["rule"], f["severity"]) for f in report["findings"]] == [("N102", "critical")]
    assert code == 1
    (project / ".checker.toml").write_text('[severity]\nN102 = "minor"\n', encoding="utf-8")
    code, report = _check_json()
    assert [(f["rule"], f["severity"]) for f in report["findings"]] == [("N102", "minor")]
    assert report["summary"]["by_severity"]["minor"] == 1
    assert code == 0  # minor is below the default fail-on, major
    code, _ = _check_json("--fail-on", "minor")  # the command line overrides the file
    assert code == 1


def test_fail_on_select_and_ignore_from_the_file(project: Path) -> None:
    (project / ".checker.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert _check_json()[0] == 0
    (project / ".checker.toml").write_text('select = ["D", "E"]\n', encoding="utf-8")
    assert _check_json()[1]["findings"] == []
    code, report = _check_json("--select", "N1")  # the command line replaces the file's
    assert [f["rule"] for f in report["findings"]] == ["N102"]
    (project / ".checker.toml").write_text('ignore = ["N102"]\n', encoding="utf-8")
    code, report = _check_json()
    assert (code, report["findings"]) == (0, [])


def test_glossaries_are_relative_to_the_config_file(project: Path, monkeypatch) -> None:
    (project / "terms").mkdir()
    (project / "terms" / "house.tsv").write_text("黄仁勋\tHuang Jen-hsun\n", encoding="utf-8")
    (project / ".checker.toml").write_text('glossaries = ["terms/house.tsv"]\n',
                                           encoding="utf-8")
    docs = project / "docs"
    docs.mkdir()
    (docs / "n.zh.txt").write_text(NAME_ZH, encoding="utf-8")
    (docs / "n.en.txt").write_text(NAME_EN, encoding="utf-8")
    monkeypatch.chdir(docs)
    result = runner.invoke(app, ["check", "n.zh.txt", "n.en.txt"])
    assert result.exit_code == 1
    assert 'T101 major    term: the glossary renders 黄仁勋 as "Huang Jen-hsun"' in result.stdout
    missing = project / "elsewhere.tsv"
    (project / ".checker.toml").write_text(f'glossaries = ["{missing.name}"]\n',
                                           encoding="utf-8")
    result = runner.invoke(app, ["check", "n.zh.txt", "n.en.txt"])
    assert result.exit_code == 2
    assert str(missing) in result.stderr


def test_batch_applies_the_config(project: Path) -> None:
    (project / ".checker.toml").write_text('[severity]\nN1 = "minor"\n', encoding="utf-8")
    result = runner.invoke(app, ["batch", ".", "--jobs", "1", "--quiet", "-o", "out.jsonl"])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in (project / "out.jsonl").read_text().splitlines()]
    assert [(f["rule"], f["severity"]) for f in record["findings"]] == [("N102", "minor")]
    result = runner.invoke(app, ["batch", ".", "--jobs", "1", "--quiet", "-o", "out.jsonl",
                                 "--fail-on", "minor"])
    assert result.exit_code == 1


def test_the_readme_example_is_a_valid_config(project: Path) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Config"):readme.index("## Baselines")]
    [example] = re.findall(r"```toml\n(.*?)```", section, re.DOTALL)
    (project / "pyproject.toml").write_text(example, encoding="utf-8")
    settings = _json_settings()["settings"]
    assert {name: s["value"] for name, s in settings.items()} == {
        "select": ["N", "D", "E"], "ignore": ["D104"], "fail-on": "critical",
        "severity": {"N104": "minor", "N1": "major"},
        "glossaries": [str(project / "terms" / "house.tsv")],
        "embedder": "use", "mt-model": None, "device": "cpu"}
