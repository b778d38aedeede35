"""The pre-commit hook: start-up and the total time of `checker hook` on the seed pair.

A hook runs on every commit, so it has to start fast: `checker hook` on files that form no
pair must not load the pipeline. The seed run is given only the Chinese file; its English
partner is read from disk as when only one side changed. Medians of 5 wall-clock runs.
"""

from __future__ import annotations

import subprocess

from bench.common import ROOT, title
from bench.timing import VENV_BIN, run_cli, shown, timed

TARGET_S = 1.0
CHECKER = str(VENV_BIN / "checker")


def pipeline_loaded_without_pairs() -> bool:
    """Whether `checker hook README.md` (no pair) imports checker.pipeline."""
    code = ("import sys; from checker.cli import app\n"
            "try:\n    app(['hook', 'README.md'])\nexcept SystemExit:\n    pass\n"
            "print('checker.pipeline' in sys.modules)")
    done = subprocess.run([str(VENV_BIN / "python"), "-c", code], cwd=ROOT, check=True,
                          capture_output=True, text=True)
    return done.stdout.strip().endswith("True")


def main() -> None:
    title("Pre-commit hook (wall clock, median of 5 runs)")
    help_command = [CHECKER, "--help"]
    empty_command = [CHECKER, "hook", "README.md"]
    seed_command = [CHECKER, "hook", "corpora/seed/seed.zh.txt"]
    print(f"commands: {shown(help_command)} | {shown(empty_command)} | {shown(seed_command)}")
    timed("start-up: checker --help", lambda: run_cli(help_command), TARGET_S)
    timed("start-up: checker hook, no pair", lambda: run_cli(empty_command), TARGET_S)
    timed("total: checker hook, seed pair", lambda: run_cli(seed_command), TARGET_S)
    print(f"pipeline imported by `checker hook` with no pair: "
          f"{'yes' if pipeline_loaded_without_pairs() else 'no'}")


if __name__ == "__main__":
    main()
