"""Timing: the CLI as a user runs it, in-process check_paths, and one long document pair.

Every figure is the median of 5 wall-clock runs. This machine is noisy, so the start-up time
of the interpreter importing checker.cli is measured in the same run as a yardstick.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.common import (
    ROOT,
    WMT21_REFERENCE,
    WMT21_SOURCE,
    median_time,
    missing,
    skipped,
    spread,
    title,
)
from checker.pipeline import check_paths

REPEATS = 5
VENV_BIN = ROOT / ".venv" / "bin"
SEED_ZH = ROOT / "corpora" / "seed" / "seed.zh.txt"
SEED_EN = ROOT / "corpora" / "seed" / "seed.en.txt"
TARGET_SEED_S = 1.0
TARGET_LONG_S = 10.0
CLI_OK_CODES = (0, 1)  # 1 = findings at or above --fail-on; anything else is an error


def cli_command(zh: Path, en: Path) -> list[str]:
    return [str(VENV_BIN / "checker"), "check", str(zh), str(en), "--format", "json"]


def shown(command: list[str]) -> str:
    """The command as typed from the repository root."""
    program = Path(command[0]).relative_to(ROOT)
    return " ".join([str(program), *command[1:]])


def user_environment() -> dict[str, str]:
    """The environment of a user's shell: Python may cache byte code, as it does after
    `pip install`. (Some sandboxes set PYTHONDONTWRITEBYTECODE, which makes every run compile
    checker's modules again: ~0.1 s of a seed check.)"""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_cli(command: list[str], capture: bool = False) -> str:
    """Run the CLI from the repository root; raise on an exit code other than 0 or 1."""
    stdout = subprocess.PIPE if capture else subprocess.DEVNULL
    done = subprocess.run(command, cwd=ROOT, stdout=stdout, stderr=subprocess.PIPE, text=True,
                          check=False, env=user_environment())
    if done.returncode not in CLI_OK_CODES:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout or ""


def run_import() -> None:
    subprocess.run([str(VENV_BIN / "python"), "-c", "import checker.cli"], cwd=ROOT,
                   check=True, env=user_environment())


def timed(label: str, run: Callable[[], object], target: float | None = None) -> float:
    median, times = median_time(run, REPEATS)
    goal = f"   target < {target:g} s: {'met' if median < target else 'MISSED'}" if target else ""
    print(f"{label:<44} {median:7.3f} s  ({spread(times)}){goal}")
    return median


def time_seed() -> None:
    command = cli_command(SEED_ZH.relative_to(ROOT), SEED_EN.relative_to(ROOT))
    print(f"seed pair, command: {shown(command)}  (output discarded)")
    startup = timed("start-up: python -c 'import checker.cli'", run_import)
    cli = timed("CLI, seed pair (median of 5)", lambda: run_cli(command), TARGET_SEED_S)
    timed("in-process check_paths, seed pair", lambda: check_paths(SEED_ZH, SEED_EN))
    print(f"{'ratio CLI seed time / start-up time':<44} {cli / startup:7.2f}")


def time_long_pair() -> None:
    absent = missing(WMT21_SOURCE, WMT21_REFERENCE)
    if absent:
        skipped("WMT21 zh-en source/reference", absent)
        return
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        zh = Path(shutil.copyfile(WMT21_SOURCE, Path(tmp) / WMT21_SOURCE.name))
        en = Path(shutil.copyfile(WMT21_REFERENCE, Path(tmp) / WMT21_REFERENCE.name))
        lines = len(zh.read_text(encoding="utf-8").splitlines())
        command = cli_command(zh, en)
        print(f"\nlong pair: WMT21 newstest2021 zh-en source + ref.A ({lines} lines each), "
              f"copied as is to a temp dir; command: {shown(command)}")
        timed("CLI, long pair (median of 5)", lambda: run_cli(command), TARGET_LONG_S)
        print_summary(json.loads(run_cli(command, capture=True))["summary"])


def print_summary(summary: dict) -> None:
    severities = ", ".join(f"{k} {v}" for k, v in summary["by_severity"].items())
    print(f"  sentences: zh {summary['source_sentences']}, en {summary['target_sentences']}; "
          f"segments {summary['segments']}")
    print(f"  findings: {summary['findings']} ({severities})")


def main() -> None:
    title("Timing (wall clock, median of 5 runs)")
    time_seed()
    time_long_pair()


if __name__ == "__main__":
    main()
