"""The command line: ``checker check ZH EN`` and friends.

Exit codes (a contract): 0 nothing at or above --fail-on; 1 findings at or above it;
2 usage or input error, with a one-line message on stderr and no traceback.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from checker.model import InputError, Report, Severity

app = typer.Typer(
    help="Check a Chinese–English translation: align it with its original sentence by "
    "sentence and flag the numbers, amounts and dates that did not survive.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


class FailOn(str, Enum):
    critical = "critical"
    major = "major"
    minor = "minor"
    never = "never"


def _fail(message: str) -> typer.Exit:
    typer.echo(f"checker: error: {message}", err=True)
    return typer.Exit(2)


def _split_codes(values: list[str] | None) -> tuple[str, ...]:
    codes: list[str] = []
    for value in values or []:
        codes.extend(code.strip().upper() for code in value.split(",") if code.strip())
    return tuple(codes)


def _validate_codes(codes: tuple[str, ...]) -> None:
    from checker.rules import RULES

    for code in codes:
        if not any(rule_code.startswith(code) for rule_code in RULES):
            raise _fail(f"unknown rule code or prefix: {code} (see `checker rules`)")


def exit_code(findings: list, fail_on: FailOn) -> int:
    """1 when any finding is at or above the --fail-on severity, else 0."""
    if fail_on == FailOn.never:
        return 0
    threshold = Severity(fail_on.value).rank
    return 1 if any(f.severity.rank >= threshold for f in findings) else 0


def write_atomically(path: Path, content: str) -> None:
    """Write to a temporary file beside ``path`` and rename: never a half-written report."""
    directory = path.resolve().parent
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@app.command()
def check(
    first: Annotated[Path, typer.Argument(
        help="The original (or, with one argument, a bilingual source<TAB>target .tsv file).",
        show_default=False, metavar="ORIGINAL")],
    second: Annotated[Path | None, typer.Argument(
        help="The translation. Either file may be the Chinese one; languages are detected.",
        show_default=False, metavar="TRANSLATION")] = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="text: a readable report; json: the report schema.")
    ] = OutputFormat.text,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the report to this file (atomically) instead of stdout.")
    ] = None,
    fail_on: Annotated[FailOn, typer.Option(
        help="Exit 1 when a finding is at or above this severity; 'never' always exits 0.")
    ] = FailOn.major,
    select: Annotated[list[str] | None, typer.Option(
        help="Only run these rules (codes or prefixes, comma-separated or repeated).",
        metavar="CODES")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        help="Skip these rules (codes or prefixes, comma-separated or repeated).",
        metavar="CODES")
    ] = None,
    glossary: Annotated[list[Path] | None, typer.Option(
        help="A glossary (CSV, TSV or TBX) of required renderings; repeatable, later files "
        "win. It overrides the bundled entity table.", metavar="FILE")
    ] = None,
) -> None:
    """Check a translation against its original and report what did not survive."""
    from checker.names.glossary import load_glossaries
    from checker.pipeline import CheckOptions, check_paths
    from checker.rules import RuleSelection

    selected, ignored = _split_codes(select), _split_codes(ignore)
    _validate_codes(selected + ignored)
    try:
        entries = tuple(load_glossaries(glossary or []))
        options = CheckOptions(selection=RuleSelection(select=selected, ignore=ignored),
                               glossary=entries)
        report = check_paths(first, second, options)
    except InputError as error:
        raise _fail(str(error)) from None
    _emit(report, output_format, output)
    raise typer.Exit(exit_code(report.findings, fail_on))


def _emit(report: Report, output_format: OutputFormat, output: Path | None) -> None:
    if output_format == OutputFormat.json:
        from checker.report.json_report import render_json

        content = render_json(report)
    else:
        from rich.console import Console

        from checker.report.text_report import render_text

        if output is None:
            render_text(report, Console(highlight=False))
            return
        console = Console(record=True, width=100, file=io.StringIO())
        render_text(report, console)
        content = console.export_text()
    _write_output(content, output)


def _write_output(content: str, output: Path | None) -> None:
    """To stdout, or atomically to a file (a one-line error and exit 2 if it cannot be)."""
    if output is None:
        sys.stdout.write(content)
        return
    try:
        write_atomically(output, content)
    except OSError as error:
        raise _fail(f"cannot write {output}: {error.strerror or error}") from None


@app.command()
def rules() -> None:
    """List every rule: code, name, category and default severity."""
    from rich.console import Console
    from rich.table import Table

    from checker.rules import RULES

    table = Table("code", "name", "category", "severity", "what it checks", box=None)
    for code, rule in sorted(RULES.items()):
        table.add_row(code, rule.name, rule.category, rule.severity.value, rule.summary())
    Console().print(table)


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code, e.g. N102.")]) -> None:
    """Explain one rule: what it checks, why, and a correct and an incorrect example."""
    from checker.rules import RULES

    rule = RULES.get(code.upper())
    if rule is None:
        raise _fail(f"unknown rule {code!r} (see `checker rules`)")
    typer.echo(f"{rule.code} {rule.name}  [{rule.category}, {rule.severity.value}]\n")
    typer.echo(rule.documentation())
    typer.echo("\nCorrect:\n  zh: {}\n  en: {}".format(*rule.correct))
    typer.echo("Incorrect:\n  zh: {}\n  en: {}".format(*rule.incorrect))


glossary_app = typer.Typer(help="Work with glossaries: validate one, or learn one from "
                           "aligned documents.", no_args_is_help=True)
app.add_typer(glossary_app, name="glossary")


@glossary_app.command("check")
def glossary_check(
    file: Annotated[Path, typer.Argument(help="A glossary: CSV, TSV or TBX.")],
) -> None:
    """Validate a glossary: every problem on its own line; exit 2 if it cannot be used."""
    from checker.names.glossary import load_glossary, validate_glossary

    problems = validate_glossary(file)
    for problem in problems:
        label = "error" if problem.fatal else "warning"
        typer.echo(f"{problem.origin}: {label}: {problem.message}")
    if any(p.fatal for p in problems):
        raise typer.Exit(2)
    entries = load_glossary(file)
    typer.echo(f"{file}: {len(entries)} entries, {len(problems)} warning(s)")
    raise typer.Exit(1 if problems else 0)


@glossary_app.command("learn")
def glossary_learn(
    files: Annotated[list[Path], typer.Argument(
        help="Document pairs: ZH EN ZH EN … (either order within a pair).",
        show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the TSV here (atomically) instead of stdout.")] = None,
    min_count: Annotated[int, typer.Option(help="Propose pairs seen at least this often.")] = 1,
    include_known: Annotated[bool, typer.Option(
        help="Also list renderings the bundled table already knows.")] = False,
) -> None:
    """Propose name pairs (zh, en) from aligned documents, as a glossary TSV to review."""
    from checker.learn import learn, render_tsv

    if len(files) % 2:
        raise _fail("glossary learn takes files in pairs: ZH EN [ZH EN …]")
    pairs = list(zip(files[::2], files[1::2], strict=True))
    try:
        proposals = learn(pairs, min_count=min_count, include_known=include_known)
    except InputError as error:
        raise _fail(str(error)) from None
    _write_output(render_tsv(proposals), output)
    if output is not None:
        typer.echo(f"wrote {len(proposals)} proposals to {output}", err=True)


def main() -> None:
    try:
        app()
    except InputError as error:  # pragma: no cover - commands catch their own
        typer.echo(f"checker: error: {error}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
