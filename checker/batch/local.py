"""The local engine: worker processes on this machine, each loading the dictionaries once.

Workers are started with ``spawn`` (a clean interpreter: no threads or locks inherited from
the parent, the same on every platform), ignore Ctrl-C (the parent decides what a Ctrl-C
means), and exit on their own when the parent dies, even by SIGKILL.

A worker that dies (killed for memory, a crash in C code) breaks the pool. The jobs that
were in flight are then run again one at a time in a fresh pool: a job that breaks it alone
is the culprit and gets an error record; the others are checked as usual.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from checker.batch.jobs import (
    WORKER_DIED,
    CheckFunction,
    Job,
    Outcome,
    check_job,
    error_outcome,
    jobs_only,
    warm_up,
)
from checker.pipeline import CheckOptions

JOBS_IN_FLIGHT_PER_WORKER = 4  # keeps every worker busy while bounding the parent's memory
_PARENT_CHECK_SECONDS = 1.0

# set in each worker by _start_worker
_worker_options: CheckOptions | None = None
_worker_check: CheckFunction = check_job


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class LocalEngine:
    """``run(jobs)`` yields an Outcome per job as each finishes, in any order."""

    def __init__(self, workers: int, options: CheckOptions,
                 check: CheckFunction = check_job) -> None:
        self.workers = workers
        self.options = options
        self.check = check  # a module-level function: workers import it by name
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        # interrupted: drop queued jobs and do not wait for running ones; they are not
        # written, and --resume runs them again
        self._close(wait_for_workers=exc_type is None)

    def run(self, items: Iterable[Job | Outcome]) -> Iterator[Outcome]:
        """Check the jobs, yielding each outcome as it finishes; outcomes settled already
        (in the parent: a missing file) pass straight through."""
        settled: deque[Outcome] = deque()
        queue = jobs_only(items, settled)
        suspects: deque[Job] = deque()  # jobs in flight when a worker died
        in_flight: dict[Future, Job] = {}
        while True:
            alone = self._submit(in_flight, suspects, queue)
            while settled:
                yield settled.popleft()
            if not in_flight:
                return
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            broken: list[Job] = []
            for future in done:
                job = in_flight.pop(future)
                if _is_broken(future):
                    broken.append(job)
                else:
                    yield future.result()
            if broken:
                yield from self._after_break(broken, in_flight, suspects, alone)

    def _submit(self, in_flight: dict[Future, Job], suspects: deque[Job],
                queue: Iterator[Job]) -> bool:
        """Top up the jobs in flight: a window of new jobs, or after a worker died the next
        suspect alone (then True). Suspects only exist while nothing else is in flight."""
        if suspects:
            job = suspects.popleft()
            in_flight[self._submit_one(job)] = job
            return True
        limit = self.workers * JOBS_IN_FLIGHT_PER_WORKER
        while len(in_flight) < limit:
            job = next(queue, None)
            if job is None:
                break
            in_flight[self._submit_one(job)] = job
        return False

    def _submit_one(self, job: Job) -> Future:
        try:
            return self._pool_started().submit(_check_in_worker, job)
        except BrokenProcessPool as error:
            # a worker died since the last look: the job never ran, but joining the jobs
            # that were in flight keeps one way of handling a break
            failed: Future = Future()
            failed.set_exception(error)
            return failed

    def _after_break(self, broken: list[Job], in_flight: dict[Future, Job],
                     suspects: deque[Job], alone: bool) -> Iterator[Outcome]:
        """A worker died: every job still in flight failed with it. A job that was alone
        is the culprit; otherwise all of them are suspects, to be run one by one."""
        wait(in_flight)  # the pool fails every pending future: let it finish doing so
        for future, job in list(in_flight.items()):
            del in_flight[future]
            if _is_broken(future):
                broken.append(job)
            else:
                yield future.result()
        self._close(wait_for_workers=False)
        if alone:
            [job] = broken
            yield error_outcome(job.spec, job.sha256, WORKER_DIED)
        else:
            suspects.extend(broken)

    def _pool_started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.options, self.check, os.getpid()),
            )
        return self._pool

    def _close(self, wait_for_workers: bool) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait_for_workers, cancel_futures=True)
            self._pool = None


def _is_broken(future: Future) -> bool:
    return future.done() and isinstance(future.exception(), BrokenProcessPool)


# ---------------------------------------------------------------- in the worker


def _start_worker(options: CheckOptions, check: CheckFunction, parent_pid: int) -> None:
    global _worker_options, _worker_check
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_options, _worker_check = options, check
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()
    # should loading fail, each job fails the same way, as an error record, instead of the
    # pool breaking at every start
    with contextlib.suppress(Exception):
        warm_up(options)



def _check_in_worker(job: Job) -> Outcome:
    assert _worker_options is not None
    return _worker_check(job, _worker_options)


def _exit_with_parent(parent_pid: int) -> None:
    """A killed parent cannot stop its workers: they notice it is gone and leave."""
    while os.getppid() == parent_pid:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)
