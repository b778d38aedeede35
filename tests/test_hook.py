"""checker hook and the pre-commit hook: pairing the given files, reports, exit codes, the
entry of .pre-commit-hooks.yaml on a git repository, and `pre-commit try-repo`."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner
from writing import write

from checker.batch.inputs import JobSpec, Unpaired, pair_directory, pair_files
from checker.cli import app
from checker.model import InputError

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
VENV_BIN = Path(sys.executable).parent
runner = CliRunner(env={"COLUMNS": "120"})  # report lines unwrapped

ZH = "英伟达因H20芯片滞销面临45亿美元库存损失。\n林剑9月18日表示，中方一直反对歧视性做法。\n"
EN_RIGHT = (
    "NVIDIA faced a $4.5 billion inventory loss due to unsold H20 chips.\n"
    "Lin Jian said on September 18 that China has always opposed discriminatory practices.\n"
)
EN_WRONG = EN_RIGHT.replace("$4.5 billion", "$45 billion")
N102_LINE = "  N102 critical 45亿美元 is $4.5 billion, not $45 billion (off by ×10)  → $4.5 billion"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A documentation tree, as the current directory:
    news/a.zh.txt + news/a.en.txt (an error), news/b.zh.md + news/b.en.md (faithful),
    docs/zh/guide/intro.md + docs/en/guide/intro.md (an error), news/c.zh.txt alone,
    README.md."""
    write(tmp_path / "news" / "a.zh.txt", ZH)
    write(tmp_path / "news" / "a.en.txt", EN_WRONG)
    write(tmp_path / "news" / "b.zh.md", ZH)
    write(tmp_path / "news" / "b.en.md", EN_RIGHT)
    write(tmp_path / "docs" / "zh" / "guide" / "intro.md", ZH)
    write(tmp_path / "docs" / "en" / "guide" / "intro.md", EN_WRONG)
    write(tmp_path / "news" / "c.zh.txt", ZH)
    write(tmp_path / "README.md", "# docs\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---------------------------------------------------------------- pairing


def test_a_file_pairs_with_its_partner_on_disk(repo: Path) -> None:
    specs, unpaired = pair_files([Path("news/a.en.txt"), Path("docs/zh/guide/intro.md")])
    assert specs == [JobSpec("news/a.zh.txt", "news/a.en.txt"),
                     JobSpec("docs/zh/guide/intro.md", "docs/en/guide/intro.md")]
    assert unpaired == []


def test_both_sides_given_make_one_pair(repo: Path) -> None:
    specs, _ = pair_files([Path("news/a.zh.txt"), Path("news/a.en.txt"),
                           Path("docs/en/guide/intro.md"), Path("docs/zh/guide/intro.md")])
    assert len(specs) == 2


def test_files_that_form_no_pair_say_why(repo: Path) -> None:
    _, unpaired = pair_files([Path("news/c.zh.txt"), Path("README.md")])
    assert unpaired == [Unpaired("news/c.zh.txt", "no c.en.txt beside it"),
                        Unpaired("README.md", "no .zh. or .en. language tag in its name")]
    write(repo / "docs" / "zh" / "only.md", ZH)
    _, unpaired = pair_files([Path("docs/zh/only.md")])
    assert unpaired == [Unpaired("docs/zh/only.md", "no docs/en/only.md")]


def test_the_language_tag_is_matched_case_insensitively(repo: Path) -> None:
    write(repo / "x" / "d.ZH.txt", ZH)
    write(repo / "x" / "d.en.txt", EN_RIGHT)
    specs, _ = pair_files([Path("x/d.en.txt")])
    assert specs == [JobSpec("x/d.ZH.txt", "x/d.en.txt")]


def test_given_files_pair_as_a_batch_over_the_tree_pairs_them(repo: Path) -> None:
    everything = sorted(p.relative_to(repo) for p in repo.rglob("*") if p.is_file())
    given, _ = pair_files(everything)
    walked, _ = pair_directory(Path("."))
    assert sorted(given, key=str) == sorted(
        (JobSpec(os.path.normpath(s.source), os.path.normpath(s.target)) for s in walked),
        key=str)


@pytest.mark.parametrize(("name", "message"), [("nothing.zh.txt", "no such file"),
                                               ("news", "a directory")])
def test_a_path_that_is_not_a_file_is_an_input_error(repo: Path, name: str,
                                                     message: str) -> None:
    with pytest.raises(InputError, match=message):
        pair_files([Path(name)])


# ---------------------------------------------------------------- the command


def test_hook_checks_the_pair_of_a_changed_file(repo: Path) -> None:
    result = runner.invoke(app, ["hook", "news/a.en.txt"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "news/a.zh.txt (zh) ↔ news/a.en.txt (en)"
    assert N102_LINE in lines
    assert lines[-1].startswith("1 finding (1 critical)")
    assert result.stderr == ""


@pytest.mark.parametrize(("fail_on", "code"), [("critical", 1), ("never", 0)])
def test_hook_exits_by_fail_on(repo: Path, fail_on: str, code: int) -> None:
    assert runner.invoke(app, ["hook", "news/a.zh.txt", "--fail-on", fail_on]).exit_code == code


def test_a_faithful_pair_passes(repo: Path) -> None:
    result = runner.invoke(app, ["hook", "news/b.zh.md"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].startswith("0 findings")


def test_several_pairs_end_with_a_total(repo: Path) -> None:
    result = runner.invoke(app, ["hook", "news/b.en.md", "docs/zh/guide/intro.md",
                                 "news/a.zh.txt", "README.md"])
    assert result.exit_code == 1
    headers = [line for line in result.stdout.splitlines() if "↔" in line]
    assert headers == ["news/b.zh.md (zh) ↔ news/b.en.md (en)",
                       "docs/zh/guide/intro.md (zh) ↔ docs/en/guide/intro.md (en)",
                       "news/a.zh.txt (zh) ↔ news/a.en.txt (en)"]
    assert result.stdout.splitlines()[-1] == ("checker hook: 3 pairs checked: "
                                              "2 findings (2 critical)")


def test_nothing_to_check_is_a_quiet_success(repo: Path) -> None:
    for args in (["hook"], ["hook", "README.md"]):
        result = runner.invoke(app, args)
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_a_language_file_without_its_partner_is_named(repo: Path) -> None:
    result = runner.invoke(app, ["hook", "news/c.zh.txt"])
    assert result.exit_code == 0
    assert result.stderr == "checker: news/c.zh.txt: not checked: no c.en.txt beside it\n"


def test_an_unreadable_pair_is_exit_2_and_the_others_are_still_checked(repo: Path) -> None:
    write(repo / "news" / "e.zh.txt", ZH)
    write(repo / "news" / "e.en.txt", b"\x00\x01\x02binary\xff\xfe" * 20)
    result = runner.invoke(app, ["hook", "news/e.zh.txt", "news/b.zh.md"])
    assert result.exit_code == 2
    [error] = result.stderr.splitlines()
    assert error.startswith("checker: error: news/e.en.txt: ")
    assert "news/b.zh.md (zh) ↔ news/b.en.md (en)" in result.stdout
    assert result.stdout.splitlines()[-1] == ("checker hook: 1 pair checked, 1 not readable: "
                                              "0 findings")


def test_a_missing_file_is_a_usage_error(repo: Path) -> None:
    result = runner.invoke(app, ["hook", "news/gone.zh.txt"])
    assert result.exit_code == 2
    assert result.stderr == "checker: error: news/gone.zh.txt: no such file: give the files " \
                            "to check\n"


def test_hook_applies_the_config_file(repo: Path) -> None:
    write(repo / ".checker.toml", '[severity]\nN102 = "minor"\n')
    result = runner.invoke(app, ["hook", "news/a.zh.txt"])
    assert result.exit_code == 0
    assert "  N102 minor    45亿美元 is $4.5 billion" in result.stdout


# ---------------------------------------------------------------- pre-commit


def _hook_definition() -> dict:
    [definition] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    return definition


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout


def _git_repo(path: Path) -> Path:
    """A committed documentation repository: the seed pair, a zh/ en/ tree, a README."""
    path.mkdir(parents=True)
    for name in ("seed.zh.txt", "seed.en.txt"):
        shutil.copy(CORPORA / "seed" / name, path / name)
    write(path / "docs" / "zh" / "intro.md", ZH)
    write(path / "docs" / "en" / "intro.md", EN_RIGHT)
    write(path / "README.md", "# docs\n")
    _git(path, "init", "-q")
    _git(path, "config", "user.email", "test@example.org")
    _git(path, "config", "user.name", "test")
    _git(path, "add", ".")
    _git(path, "commit", "-qm", "docs")
    return path


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def test_hook_definition_is_what_pre_commit_needs() -> None:
    definition = _hook_definition()
    assert definition["id"] == "checker"
    assert definition["language"] == "python"
    assert definition["entry"] == "checker hook"
    files = re.compile(definition["files"])
    chosen = ["a.zh.txt", "news/a.EN.md", "docs/zh/guide/intro.md", "en/x.html", "b.zh.docx"]
    left = ["README.md", "zh.txt", "docs/zh/logo.png", "a.zh.py", "setup.cfg"]
    assert [p for p in chosen + left if files.search(p)] == chosen


@needs_git
def test_the_hook_entry_on_staged_files(tmp_path: Path) -> None:
    """What pre-commit does, by hand: the staged files that match `files`, given to `entry`.
    Only the English of docs/ changes; its Chinese partner is read from the work tree."""
    repo = _git_repo(tmp_path / "repo")
    write(repo / "docs" / "en" / "intro.md", EN_WRONG)
    write(repo / "README.md", "# docs, changed\n")
    _git(repo, "add", "docs/en/intro.md", "README.md")
    definition = _hook_definition()
    staged = _git(repo, "diff", "--cached", "--name-only").split()
    files = [p for p in staged if re.search(definition["files"], p)]
    assert files == ["docs/en/intro.md"]
    command = shlex.split(definition["entry"])
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}",
           "COLUMNS": "120"}
    done = subprocess.run([*command, *files], cwd=repo, env=env, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[0] == "docs/zh/intro.md (zh) ↔ docs/en/intro.md (en)"
    assert N102_LINE in done.stdout.splitlines()
    # fixed and staged again: the commit may go ahead
    write(repo / "docs" / "en" / "intro.md", EN_RIGHT)
    done = subprocess.run([*command, *files], cwd=repo, env=env, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout


@needs_git
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the checker git repository")
@pytest.mark.skipif(shutil.which("pre-commit", path=str(VENV_BIN)) is None,
                    reason="pre-commit is not installed (the dev extra)")
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    """The real thing: pre-commit installs this repository in a fresh virtualenv (from the
    package index; about 50 s here) and runs the hook on the staged files of a sample
    repository. The seed pair's "Huang Renxun" fails the commit."""
    repo = _git_repo(tmp_path / "repo")
    write(repo / "seed.en.txt", (repo / "seed.en.txt").read_text("utf-8") + "\n")
    _git(repo, "add", "seed.en.txt")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    done = subprocess.run([str(VENV_BIN / "pre-commit"), "try-repo", str(ROOT), "checker",
                           "--color", "never"], cwd=repo, env=env, capture_output=True,
                          text=True, check=False, timeout=900)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert re.search(r"checker \(zh/en translation consistency\)\.+Failed", output), output
    assert "seed.zh.txt (zh) ↔ seed.en.txt (en)" in output
    assert output.count("E205 major") == 3
    assert "docs/zh/intro.md" not in output  # not staged: not checked
