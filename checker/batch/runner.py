"""A batch run from start to end: find the jobs, skip those already done (--resume), run
the rest on an engine, write each outcome as it arrives, and sum it all up."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from checker.batch.inputs import Discovery, JobSpec, discover
from checker.batch.jobs import DEFAULT_MAX_BYTES, Job, JobLoader, Outcome, spec_key
from checker.batch.output import Identity, LineWriter, PriorOutput, take_prior_output
from checker.batch.summary import BatchTally, RunFacts, summary_dict
from checker.model import InputError, Severity
from checker.pipeline import CheckOptions

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class BatchSettings:
    inputs: tuple[Path, ...]
    output: Path | None = None  # None: JSONL to stdout
    resume: bool = False
    engine: str = "local"
    workers: int | None = None  # None: the cores of this machine
    scheduler: str | None = None  # a Dask scheduler address; None: a LocalCluster
    chunk: int | None = None  # lines per job of a bilingual file; None: one job per file
    max_bytes: int = DEFAULT_MAX_BYTES
    fail_on: str = "major"  # a severity, or "never"
    progress: bool = False
    options: CheckOptions = field(default_factory=CheckOptions)


@dataclass
class BatchResult:
    summary: dict
    exit_code: int  # 0 or 1 by --fail-on; 130 when interrupted
    interrupted: bool
    # resident memory of each worker after each of its jobs, in order: bench/batch.py
    # compares the first jobs with the last to see that memory stays flat
    worker_memory: dict[int, list[int]] = field(default_factory=dict)


INTERRUPTED_EXIT = 130  # the shell's code for a run stopped by Ctrl-C


def run_batch(settings: BatchSettings) -> BatchResult:
    """Run a batch; InputError for a usage error (no inputs, a bad manifest, an output that
    is not a batch's). Ctrl-C (or SIGTERM) stops it cleanly: the output holds whole lines,
    and a run with ``resume`` completes it."""
    _validate(settings)
    started = time.perf_counter()
    with _stop_on_sigterm():
        discovery = discover(settings.inputs, settings.chunk)
        if not discovery.specs:
            raise InputError(_nothing_found(settings.inputs, discovery))
        tally = BatchTally(None if settings.fail_on == "never"
                           else Severity(settings.fail_on).rank)
        state = _RunState(settings.workers or _default_workers())
        try:
            _check_all(settings, discovery.specs, tally, state)
        except KeyboardInterrupt:
            state.interrupted = True
    facts = RunFacts(
        jobs=len(discovery.specs), checked_now=tally.reports + tally.error_count - tally.earlier,
        unpaired=discovery.unpaired, duplicates=discovery.duplicates,
        foreign=state.prior.foreign, engine=settings.engine, workers=state.workers,
        seconds=time.perf_counter() - started, fail_on=settings.fail_on,
        worker_peak_rss={pid: max(rss) for pid, rss in state.memory.items()},
        interrupted=state.interrupted)
    exit_code = INTERRUPTED_EXIT if state.interrupted else tally.exit_code
    return BatchResult(summary_dict(tally, facts), exit_code, state.interrupted,
                       state.memory)


@dataclass
class _RunState:
    """What a run has got to: kept up to date so that an interrupted run can still say."""

    workers: int
    prior: PriorOutput = field(default_factory=PriorOutput)
    memory: dict[int, list[int]] = field(default_factory=dict)
    interrupted: bool = False


def _check_all(settings: BatchSettings, specs: list[JobSpec], tally: BatchTally,
               state: _RunState) -> None:
    loader = JobLoader(settings.max_bytes)
    pending = _pending_jobs(settings, specs, loader, tally, state)
    with LineWriter(settings.output, fresh=not settings.resume) as out:
        _run(settings, pending, loader, out, tally, state)


def _validate(settings: BatchSettings) -> None:
    if not settings.inputs:
        raise InputError("no inputs: give directories, manifests or bilingual .tsv files")
    if settings.engine not in ENGINES:
        raise InputError(f"unknown engine {settings.engine!r}: use local or dask")
    if settings.scheduler and settings.engine != "dask":
        raise InputError("--scheduler needs --engine dask")
    if settings.resume and settings.output is None:
        raise InputError("--resume needs --output: the file to resume")
    if settings.workers is not None and settings.workers < 1:
        raise InputError("--jobs must be at least 1")
    if settings.chunk is not None and settings.chunk < 1:
        raise InputError("--chunk must be at least 1")
    if settings.max_bytes < 1:
        raise InputError("--max-bytes must be at least 1")


def _nothing_found(inputs: tuple[Path, ...], discovery: Discovery) -> str:
    names = ", ".join(str(p) for p in inputs)
    if not discovery.unpaired:
        return f"no document pairs found in {names}"
    examples = ", ".join(u.path for u in discovery.unpaired[:3])
    more = " …" if len(discovery.unpaired) > 3 else ""
    return (f"no document pairs found in {names}: {len(discovery.unpaired)} unpaired files "
            f"({examples}{more}); pairs are NAME.zh.EXT beside NAME.en.EXT, or zh/NAME.EXT "
            f"beside en/NAME.EXT")


def _default_workers() -> int:
    from checker.batch.local import default_workers

    return default_workers()


def _pending_jobs(settings: BatchSettings, specs: list[JobSpec], loader: JobLoader,
                  tally: BatchTally, state: _RunState) -> list[JobSpec]:
    """The jobs still to run. Resuming, every job's content is hashed first, to match it
    against the records the earlier run wrote; those records count in this summary."""
    if not settings.resume:
        return specs
    assert settings.output is not None
    current: dict[Identity, str | None] = {}
    for spec in _progress_over(specs, settings.progress, "hashing"):
        loaded = loader.load(spec)
        current[spec.identity] = loaded.sha256 if isinstance(loaded, Job) else None
    state.prior = take_prior_output(settings.output, current)
    for digest in state.prior.done.values():
        tally.add(digest, earlier=True)
    return [s for s in specs if spec_key(s, current[s.identity]) not in state.prior.done]


def _run(settings: BatchSettings, pending: list[JobSpec], loader: JobLoader,
         out: LineWriter, tally: BatchTally, state: _RunState) -> None:
    """Run the pending jobs, writing each outcome as it comes."""
    if not pending:
        return
    loaded = (loader.load(spec) for spec in pending)
    with _engine(settings, min(state.workers, len(pending))) as engine, \
            _progress_bar(settings.progress, "checking", len(pending)) as advance:
        state.workers = engine.workers
        for outcome in engine.run(loaded):
            out.write(outcome.line)
            tally.add(outcome.digest)
            _note_memory(outcome, state.memory)
            advance()


def _engine(settings: BatchSettings, workers: int):
    """The engine, imported only when chosen: dask is heavy."""
    if settings.engine == "dask":
        from checker.batch.dask_engine import DaskEngine

        return DaskEngine(settings.scheduler, workers, settings.options)
    from checker.batch.local import LocalEngine

    return LocalEngine(workers, settings.options)


def _note_memory(outcome: Outcome, memory: dict[int, list[int]]) -> None:
    if outcome.worker_pid is not None and outcome.worker_rss is not None:
        memory.setdefault(outcome.worker_pid, []).append(outcome.worker_rss)


@contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """SIGTERM (a scheduler's polite kill) stops the run like Ctrl-C: whole lines, a summary."""
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread (an embedding program): leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# ---------------------------------------------------------------- progress


@contextmanager
def _progress_bar(shown: bool, label: str, total: int):
    """A rich progress bar on stderr with the rate and the time left; a no-op when not shown
    (stderr is not a terminal, or --quiet)."""
    if not shown:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), _rate_column(),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


def _progress_over(specs: list[JobSpec], shown: bool, label: str) -> Iterator[JobSpec]:
    with _progress_bar(shown, label, len(specs)) as advance:
        for spec in specs:
            yield spec
            advance()


def _rate_column():
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Jobs per second over rich's recent window."""

        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} pairs/s" if speed else "– pairs/s")

    return RateColumn()
