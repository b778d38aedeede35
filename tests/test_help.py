"""Help texts: every command says what it does and every option and argument has a sentence."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from checker.cli import app

runner = CliRunner(env={"COLUMNS": "200"})


def _commands() -> list[tuple[list[str], object]]:
    """(path, command) for the root, every command and every subcommand."""
    found = []

    def walk(command: object, path: list[str]) -> None:
        found.append((path, command))
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


COMMANDS = _commands()


def test_the_commands_are_all_there() -> None:
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"check", "batch", "rules", "explain", "hook", "config", "glossary",
            "glossary check", "glossary learn"} <= names


@pytest.mark.parametrize(("path", "command"), COMMANDS,
                         ids=[" ".join(p) or "checker" for p, _ in COMMANDS])
def test_every_command_and_parameter_has_help(path: list[str], command: object) -> None:
    assert (command.help or "").strip(), f"checker {' '.join(path)} has no description"
    for param in command.params:
        text = (getattr(param, "help", None) or "").strip()
        assert text, f"checker {' '.join(path)}: {param.name} has no help"
        assert text.endswith((".", ")")), f"{param.name}: {text!r} is not a sentence"
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0
    assert "Usage: " in result.stdout


def test_help_shows_brackets_and_the_config_file() -> None:
    """Rich markup must not eat '[tool.checker]'."""
    assert "[tool.checker] in pyproject.toml" in runner.invoke(app, ["--help"]).stdout
    assert "[tool.checker] table" in runner.invoke(app, ["config", "--help"]).stdout
    assert "[tool.checker] in pyproject.toml" in runner.invoke(app, ["check", "--help"]).stdout
