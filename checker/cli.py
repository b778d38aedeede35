"""The command line: ``checker check ZH EN`` and friends.

Exit codes (a contract): 0 nothing at or above --fail-on; 1 findings at or above it;
2 usage or input error, with a one-line message on stderr and no traceback.
"""

from __future__ import annotations

import io
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker.files import write_atomically
from checker.model import InputError, Report, Severity

if TYPE_CHECKING:
    from checker.config import RunSettings

app = typer.Typer(
    help="Check a Chinese–English translation: align it with its original sentence by "
    "sentence and flag the numbers, amounts, dates and names that did not survive.",
    epilog="Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage "
    "or input error. Settings: .checker.toml, or \\[tool.checker] in pyproject.toml (see "
    "`checker config`); options on the command line win.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    html = "html"
    sarif = "sarif"
    github = "github"


class FailOn(str, Enum):
    critical = "critical"
    major = "major"
    minor = "minor"
    never = "never"


# options shared by `check` and `batch`
FailOnOption = Annotated[FailOn | None, typer.Option(
    help="Exit 1 when a finding is at or above this severity; 'never' always exits 0. "
    "Default: the config file's fail-on, else major.", show_default=False)]
SelectOption = Annotated[list[str] | None, typer.Option(
    help="Only run these rules (codes or prefixes, comma-separated or repeated); replaces "
    "the config file's select.", metavar="CODES")]
IgnoreOption = Annotated[list[str] | None, typer.Option(
    help="Skip these rules (codes or prefixes, comma-separated or repeated); replaces the "
    "config file's ignore.", metavar="CODES")]
EmbedderOption = Annotated[str | None, typer.Option(
    help="The aligner's sentence embedder: none (dictionary, lengths, numbers and names; "
    "the default, fast), use (the multilingual Universal Sentence Encoder bundled with "
    "checker: better on free and literary translation, about 1 s to load) or "
    "hf:PATH_OR_NAME (a transformers encoder from a local folder or the Hugging Face cache; "
    "never downloaded).", metavar="SPEC", show_default=False)]
DeviceOption = Annotated[str | None, typer.Option(
    help="Where a transformers embedder runs: cpu (the default) or cuda.", metavar="DEVICE",
    show_default=False)]
GlossaryOption = Annotated[list[Path] | None, typer.Option(
    help="A glossary (CSV, TSV or TBX) of required renderings; repeatable, later files win. "
    "It overrides the bundled entity table; replaces the config file's glossaries.",
    metavar="FILE")]


def _fail(message: str) -> typer.Exit:
    typer.echo(f"checker: error: {message}", err=True)
    return typer.Exit(2)


def _split_codes(values: list[str] | None) -> tuple[str, ...]:
    codes: list[str] = []
    for value in values or []:
        codes.extend(code.strip().upper() for code in value.split(",") if code.strip())
    return tuple(codes)


def exit_code(findings: list, fail_on: FailOn) -> int:
    """1 when any finding is at or above the --fail-on severity, else 0."""
    if fail_on == FailOn.never:
        return 0
    threshold = Severity(fail_on.value).rank
    return 1 if any(f.severity.rank >= threshold for f in findings) else 0


@app.command()
def check(
    first: Annotated[Path, typer.Argument(
        help="The original (or, with one argument, a bilingual source<TAB>target .tsv file).",
        show_default=False, metavar="ORIGINAL")],
    second: Annotated[Path | None, typer.Argument(
        help="The translation. Either file may be the Chinese one; languages are detected.",
        show_default=False, metavar="TRANSLATION")] = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="text: a readable report; json: the report schema; html: a "
        "self-contained page with both texts side by side (use -o); sarif: SARIF 2.1.0 for "
        "code scanning; github: GitHub Actions annotations.")
    ] = OutputFormat.text,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the report to this file (atomically) instead of stdout.")
    ] = None,
    fail_on: FailOnOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    glossary: GlossaryOption = None,
    save_extracted: Annotated[Path | None, typer.Option(
        help="Also write the text each file was checked on to this folder, as NAME.txt "
        "(a.zh.docx → a.zh.docx.txt): for .docx and .html files the report's offsets point "
        "into that extracted text.", metavar="DIR")] = None,
    baseline: Annotated[Path | None, typer.Option(
        help="Report only the findings that are not in this baseline file (see "
        "--write-baseline); the score still counts them.", metavar="FILE")] = None,
    write_baseline: Annotated[Path | None, typer.Option(
        help="Record every finding of this run in FILE (atomically), to accept them: later "
        "runs with --baseline FILE report only new ones. Exits 0.", metavar="FILE")] = None,
    embedder: EmbedderOption = None,
    device: DeviceOption = None,
) -> None:
    """Check a translation against its original and report what did not survive.

    Reads plain text, Markdown, HTML (the visible text) and Word .docx files (paragraphs and
    tables); a <!-- checker: ignore RULE --> comment silences a rule for the next paragraph.
    Settings not given here come from \\[tool.checker] in pyproject.toml or from
    .checker.toml (see `checker config`).
    """
    from checker.pipeline import check_paths

    settings = _run_settings(select, ignore, glossary, fail_on, embedder, device)
    try:
        report = check_paths(first, second, settings.options)
        _baselines(report, baseline, write_baseline)
        if save_extracted is not None:
            from checker.report.extracted import save_extracted as save

            written = save(report, save_extracted)
            typer.echo("extracted text: " + ", ".join(map(str, written)), err=True)
    except InputError as error:
        raise _fail(str(error)) from None
    _emit(report, output_format, output)
    if write_baseline is not None:
        raise typer.Exit(0)
    raise typer.Exit(exit_code(report.findings, FailOn(settings.fail_on)))


class AlignFormat(str, Enum):
    tsv = "tsv"
    json = "json"


@app.command()
def align(
    first: Annotated[Path, typer.Argument(
        help="The original.", show_default=False, metavar="ORIGINAL")],
    second: Annotated[Path, typer.Argument(
        help="The translation. Either file may be the Chinese one; languages are detected.",
        show_default=False, metavar="TRANSLATION")],
    presplit: Annotated[bool, typer.Option(
        help="Take one sentence per line, as given (blank lines are skipped), instead of "
        "splitting sentences.")] = False,
    output_format: Annotated[AlignFormat, typer.Option(
        "--format", "-f", help="tsv: one link per line (source ids, target ids, similarity, "
        "both texts); json: the same as a document.")] = AlignFormat.tsv,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the links to this file (atomically) instead of stdout.")
    ] = None,
    embedder: EmbedderOption = None,
    device: DeviceOption = None,
) -> None:
    """Align two documents sentence by sentence and print the links.

    Ids are 0-based sentence numbers (with --presplit: non-blank line numbers); an empty
    side is a sentence left out of the translation (or added to it). Uses the bundled
    sentence encoder unless --embedder or the config file says otherwise.
    """
    from checker.config import setting
    from checker.load import load_pair
    from checker.pipeline import align_documents
    from checker.report.alignment import render_json, render_tsv

    try:
        if embedder is None and setting("embedder").origin == "default":
            embedder = "use"
    except InputError as error:
        raise _fail(str(error)) from None
    settings = _run_settings(None, None, None, None, embedder, device)
    try:
        source, target = load_pair(first, second)
        result = align_documents(source, target, settings.options, presplit=presplit)
    except InputError as error:
        raise _fail(str(error)) from None
    pairs = (result.source_sentences, result.target_sentences, result.pairs)
    if output_format == AlignFormat.json:
        content = render_json(*pairs, (str(first), str(second)), settings.options.embedder)
    else:
        from checker.align import joiner

        content = render_tsv(*pairs, joiner(source.lang), joiner(target.lang))
    _write_output(content, output)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def batch(
    inputs: Annotated[list[Path], typer.Argument(
        help="Directories (NAME.zh.EXT beside NAME.en.EXT, or zh/NAME.EXT beside "
        "en/NAME.EXT), manifests (.csv/.tsv with a source,target[,reference] header, paths "
        "relative to the manifest) or bilingual source<TAB>target .tsv files.",
        show_default=False, metavar="INPUT")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="The JSONL file: one report (or error record) per line, "
        "written as each job finishes. Default: stdout.")] = None,
    summary: Annotated[Path | None, typer.Option(
        help="Also write the summary as JSON to this file (atomically).",
        metavar="FILE")] = None,
    resume: Annotated[bool, typer.Option(
        help="Skip the jobs already reported in --output (same paths, same content hash); "
        "retry those that ended in an error.")] = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", help="Worker processes (default: the cores of this machine).",
        show_default=False)] = None,
    engine: Annotated[Engine, typer.Option(
        help="local: a process pool; dask: a Dask cluster (--scheduler, or a LocalCluster "
        "of --jobs workers).")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        help="The address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786.",
        metavar="ADDRESS")] = None,
    chunk: Annotated[int | None, typer.Option(
        help="Check bilingual .tsv files in chunks of this many lines (default: one job per "
        "file).", metavar="N")] = None,
    max_bytes: Annotated[int, typer.Option(
        help="Files (and chunks) larger than this many bytes become error records.",
        metavar="BYTES")] = 10_000_000,
    fail_on: FailOnOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    glossary: GlossaryOption = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar and no summary on the terminal.")] = False,
    html: Annotated[Path | None, typer.Option(
        help="Also write an HTML page per report and an index.html linking them into this "
        "directory, built from --output (needed) once the batch is done.",
        metavar="DIR")] = None,
    embedder: EmbedderOption = None,
    device: DeviceOption = None,
) -> None:
    """Check many document pairs in parallel: JSONL out, a summary, resumable."""
    from checker.batch.runner import BatchSettings, run_batch

    if html is not None and output is None:
        raise _fail("--html needs --output: the pages are built from the JSONL file")
    if html is not None and html.exists() and not html.is_dir():
        raise _fail(f"--html needs a directory: {html} is a file")
    configured = _run_settings(select, ignore, glossary, fail_on, embedder, device)
    settings = BatchSettings(
        inputs=tuple(inputs), output=output, resume=resume, engine=engine.value,
        workers=jobs, scheduler=scheduler, chunk=chunk, max_bytes=max_bytes,
        fail_on=configured.fail_on, progress=not quiet and sys.stderr.isatty(),
        options=configured.options)
    try:
        result = run_batch(settings)
    except InputError as error:
        raise _fail(str(error)) from None
    except KeyboardInterrupt:  # before any job ran: nothing written, nothing to sum up
        typer.echo("checker: interrupted", err=True)
        raise typer.Exit(130) from None
    except BrokenPipeError:  # the JSONL went to a pipe whose reader left (| head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(141) from None  # as if killed by SIGPIPE, what shells report
    _report_batch(result.summary, summary, quiet, to_stderr=output is None)
    if html is not None and output is not None:
        _write_batch_pages(output, html, quiet)
    if result.interrupted:
        done = result.summary["pairs"]
        typer.echo(f"checker: interrupted: {done['checked'] + done['errors']} of "
                   f"{done['jobs']} jobs written; run again with --resume to finish", err=True)
    elif result.summary["pairs"]["checked"] == 0:
        raise _fail("no pair could be checked: every job ended in an error (see the summary)")
    raise typer.Exit(result.exit_code)


def _report_batch(summary: dict, path: Path | None, quiet: bool, to_stderr: bool) -> None:
    """The summary as JSON to ``path``, and on the terminal unless --quiet (on stderr when
    the JSONL goes to stdout)."""
    import json

    if path is not None:
        try:
            write_atomically(path, json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
        except OSError as error:
            raise _fail(f"cannot write {path}: {error.strerror or error}") from None
    if not quiet:
        from rich.console import Console

        from checker.batch.summary import render_summary

        render_summary(summary, Console(stderr=to_stderr, highlight=False))


def _write_batch_pages(jsonl: Path, directory: Path, quiet: bool) -> None:
    from checker.batch.html_pages import INDEX, write_html_pages

    try:
        written = write_html_pages(jsonl, directory)
    except InputError as error:
        raise _fail(str(error)) from None
    if not quiet:
        typer.echo(f"wrote {written.pages} HTML report(s) and {directory / INDEX}", err=True)


def _run_settings(select: list[str] | None, ignore: list[str] | None,
                  glossary: list[Path] | None, fail_on: FailOn | None,
                  embedder: str | None = None, device: str | None = None) -> RunSettings:
    """The config file's settings, overridden by --select, --ignore, --glossary,
    --fail-on, --embedder and --device where given."""
    from checker.config import run_settings
    from checker.embed import validate_spec

    try:
        if embedder is not None:
            embedder = validate_spec(embedder)
        if device is not None and device not in ("cpu", "cuda"):
            raise InputError(f"unknown device {device!r}: use cpu or cuda")
        return run_settings(_given(select, ignore, glossary, fail_on, embedder, device))
    except InputError as error:
        raise _fail(str(error)) from None


def _given(select: list[str] | None, ignore: list[str] | None, glossary: list[Path] | None,
           fail_on: FailOn | None, embedder: str | None = None, device: str | None = None
           ) -> dict[str, object]:
    """The settings given on the command line, by their config names (None: not given)."""
    return {"select": None if select is None else _split_codes(select),
            "ignore": None if ignore is None else _split_codes(ignore),
            "glossaries": None if glossary is None else tuple(glossary),
            "fail-on": None if fail_on is None else fail_on.value,
            "embedder": embedder, "device": device}


def _baselines(report: Report, baseline: Path | None, write_baseline: Path | None) -> None:
    """--write-baseline records the report's findings; --baseline hides those it lists."""
    from checker.baseline import apply_baseline, read_baseline, render_baseline

    if write_baseline is not None:
        try:
            write_atomically(write_baseline, render_baseline(report))
        except OSError as error:
            raise _fail(f"cannot write {write_baseline}: {error.strerror or error}") from None
        typer.echo(f"checker: wrote {_findings(len(report.findings))} to the baseline "
                   f"{write_baseline}", err=True)
    if baseline is not None:
        report.findings, hidden = apply_baseline(report.findings, read_baseline(baseline))
        typer.echo(f"checker: {_findings(hidden)} in the baseline {baseline} not shown; "
                   f"{len(report.findings)} new", err=True)


def _findings(count: int) -> str:
    return f"{count} finding{'' if count == 1 else 's'}"


def _emit(report: Report, output_format: OutputFormat, output: Path | None) -> None:
    if output_format == OutputFormat.json:
        from checker.report.json_report import render_json

        content = render_json(report)
    elif output_format in _RENDERERS:
        content = _RENDERERS[output_format](report)
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


def _render_html(report: Report) -> str:
    from checker.report.html_report import render_html

    return render_html(report)


def _render_sarif(report: Report) -> str:
    from checker.report.sarif_report import render_sarif

    return render_sarif(report)


def _render_github(report: Report) -> str:
    from checker.report.github_report import render_github

    return render_github(report)


_RENDERERS = {OutputFormat.html: _render_html, OutputFormat.sarif: _render_sarif,
              OutputFormat.github: _render_github}


def _write_output(content: str, output: Path | None) -> None:
    """To stdout, or atomically to a file (a one-line error and exit 2 if it cannot be)."""
    if output is None:
        sys.stdout.write(content)
        return
    try:
        write_atomically(output, content)
    except OSError as error:
        raise _fail(f"cannot write {output}: {error.strerror or error}") from None


class ScoreFormat(str, Enum):
    text = "text"
    json = "json"


class Device(str, Enum):
    cpu = "cpu"
    cuda = "cuda"


@app.command()
def score(
    first: Annotated[Path, typer.Argument(help="The original.", show_default=False,
                                          metavar="ORIGINAL")],
    second: Annotated[Path, typer.Argument(
        help="The translation (either file may be the Chinese one).", show_default=False,
        metavar="TRANSLATION")],
    reference: Annotated[list[Path] | None, typer.Option(
        help="A human reference translation (repeatable): adds sacrebleu BLEU, chrF and TER, "
        "corpus and per segment. Taken line by line when it has as many lines as the "
        "translation, else aligned to it sentence by sentence.", metavar="FILE")] = None,
    mt_model: Annotated[str | None, typer.Option(
        help="A transformers seq2seq model (a local directory or a name in the Hugging Face "
        "cache; never downloaded): adds chrF of the translation against the model's own "
        "and the model's mean log-probability per token of the translation.",
        metavar="PATH_OR_NAME")] = None,
    device: Annotated[Device, typer.Option(help="Where the model runs.")] = Device.cpu,
    batch_size: Annotated[int, typer.Option(
        help="Segments per batch for the model.", min=1)] = 16,
    output_format: Annotated[ScoreFormat, typer.Option(
        "--format", "-f", help="text: a table and the document figures; json: all of it "
        "as one JSON object.")] = ScoreFormat.text,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
) -> None:
    """Score a translation: reference-free, against references, and by a translation model."""
    from checker.metrics import render_scores, score_paths

    try:
        result = score_paths(first, second, reference, mt_model, device.value, batch_size)
    except InputError as error:
        raise _fail(str(error)) from None
    if output_format == ScoreFormat.json:
        import json

        _write_output(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n",
                      output)
        return
    from rich.console import Console

    if output is None:
        render_scores(result, Console(highlight=False))
        return
    console = Console(record=True, width=120, file=io.StringIO())
    render_scores(result, console)
    _write_output(console.export_text(), output)


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
def explain(code: Annotated[str, typer.Argument(
        help="A rule code, e.g. N102, or 'score' for what goes into the score.")]) -> None:
    """Explain one rule (what it checks, why, examples), or the score ('score')."""
    from checker.docs import explain_text
    from checker.rules import RULES

    if code.strip().lower() == "score":
        from checker.score import explain_score

        typer.echo(explain_score(), nl=False)
        return
    rule = RULES.get(code.strip().upper())
    if rule is None:
        raise _fail(f"unknown rule {code!r} (see `checker rules`)")
    typer.echo(explain_text(rule), nl=False)


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
        show_default=False, metavar="FILE")],
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


@app.command()
def hook(
    files: Annotated[list[Path] | None, typer.Argument(
        help="Changed files, as a pre-commit hook passes them. Each one that is a side of a "
        "pair (NAME.zh.EXT / NAME.en.EXT, or zh/PATH / en/PATH) is checked with its partner, "
        "read from disk even when unchanged; other files are left alone.",
        show_default=False, metavar="FILE")] = None,
    fail_on: FailOnOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    glossary: GlossaryOption = None,
) -> None:
    """Check the zh/en document pairs among the given files (for pre-commit): text reports,
    exit code by --fail-on."""
    from checker.hook import check_pairs, find_pairs, totals_line

    try:
        found = find_pairs(files or [])
    except InputError as error:
        raise _fail(str(error)) from None
    for alone in found.alone:
        typer.echo(f"checker: {alone.path}: not checked: {alone.reason}", err=True)
    if not found.pairs:
        raise typer.Exit(0)
    from rich.console import Console  # not before: a hook with nothing to check starts fast

    settings = _run_settings(select, ignore, glossary, fail_on)
    console = Console(highlight=False)
    outcome = check_pairs(found.pairs, settings.options, settings.fail_on, console,
                          Console(stderr=True, highlight=False))
    if len(found.pairs) > 1:
        console.print()
        console.print(totals_line(outcome), markup=False)
    raise typer.Exit(outcome.exit_code)


@app.command("config")
def show_config(
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="text: a table; json: {config, settings: {name: {value, "
        "origin}}}.")] = OutputFormat.text,
    fail_on: FailOnOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    glossary: GlossaryOption = None,
) -> None:
    """Print the effective settings and where each came from: default, config file or
    command line.

    The config file is .checker.toml, or pyproject.toml with a \\[tool.checker] table: the
    first found walking up from the current directory (.checker.toml wins in one folder).
    Options given here show as the command line would set them for check, batch and hook.
    """
    import json

    from checker.config import (
        check_rule_codes,
        load_config,
        render_settings,
        settings_to_json,
    )

    try:
        config = load_config()
        settings = config.settings(_given(select, ignore, glossary, fail_on))
        check_rule_codes(settings)
    except InputError as error:
        raise _fail(str(error)) from None
    if output_format == OutputFormat.json:
        typer.echo(json.dumps(settings_to_json(config, settings), ensure_ascii=False,
                              indent=2))
    else:
        typer.echo(render_settings(config, settings), nl=False)


def _reflow(doc: str) -> str:
    """A docstring as help text: its paragraphs on one line each, for the help renderer to
    wrap to the terminal (it keeps the docstring's own line breaks otherwise)."""
    import inspect

    return "\n\n".join(" ".join(p.split()) for p in inspect.cleandoc(doc).split("\n\n"))


for _info in (*app.registered_commands, *glossary_app.registered_commands):
    if _info.help is None and _info.callback is not None and _info.callback.__doc__:
        _info.help = _reflow(_info.callback.__doc__)


def main() -> None:
    try:
        app()
    except InputError as error:  # pragma: no cover - commands catch their own
        typer.echo(f"checker: error: {error}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
