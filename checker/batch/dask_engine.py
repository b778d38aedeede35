"""The Dask engine: the same jobs and the same check function as the local engine, run on
an existing Dask cluster (``--scheduler tcp://HOST:PORT``) or on a LocalCluster.

Every import of dask and distributed is in this module, which only ``--engine dask`` loads.
Workers need ``checker`` installed (the same version): they run ``check_job`` by name. They
need no access to the files: each job carries its bytes.

Jobs go to the cluster in tasks of a few. A task whose worker dies is retried by the
scheduler on another worker; after ``distributed.scheduler.allowed-failures`` deaths it fails
with KilledWorker, and its jobs are run again one at a time: a job that still kills its
worker alone gets an error record, as with the local engine.
"""

from __future__ import annotations

import logging
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed
from distributed.scheduler import KilledWorker

from checker.batch.jobs import (
    WORKER_DIED,
    CheckFunction,
    Job,
    Outcome,
    check_job,
    check_jobs,
    error_outcome,
    jobs_only,
    warm_up,
)
from checker.model import InputError
from checker.pipeline import CheckOptions

# A task costs the scheduler and the client a few milliseconds of CPU, a tenth of a check:
# a task of several jobs spreads that cost (bench/batch.py measures the difference).
JOBS_PER_TASK = 8
TASKS_IN_FLIGHT_PER_THREAD = 2  # keeps every worker thread busy while bounding memory


# The workers' statistical profiler keeps an hour of per-second call-tree profiles, and the
# checker's call trees are deep: worker memory grew by about 100 KB per task (measured with
# bench/batch.py: 146 → 162–165 MB over 1,000 jobs, and on); without it, it stays flat. An
# existing cluster keeps its own configuration.
LOCAL_CLUSTER_CONFIG = {"distributed.worker.profile.enabled": False}


class WarmUp(WorkerPlugin):
    """Loads the dictionaries once on each worker, as it joins, before its first job."""

    def __init__(self, options: CheckOptions) -> None:
        self.options = options

    def setup(self, worker: object) -> None:
        warm_up(self.options)


class DaskEngine:
    """``run(items)`` yields an Outcome per job as each finishes, in any order."""

    def __init__(self, scheduler: str | None, workers: int, options: CheckOptions,
                 check: CheckFunction = check_job) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.options = options
        self.check = check  # a module-level function: workers import it by name
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None

    def __enter__(self) -> DaskEngine:
        self._client = self._connect()
        if self.scheduler is not None:  # the cluster's size, for the summary
            self.workers = len(self._client.scheduler_info()["workers"])
        self._client.register_plugin(WarmUp(self.options), name="checker-warm-up")
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def _connect(self) -> Client:
        if self.scheduler is None:
            # one single-threaded process per worker: the checker is pure Python, so
            # threads would only contend for the GIL
            with dask.config.set(LOCAL_CLUSTER_CONFIG), _children_ignore_ctrl_c():
                self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                             processes=True, dashboard_address=":0",
                                             silence_logs=logging.ERROR)
            return Client(self._cluster)
        try:  # waits up to dask's distributed.comm.timeouts.connect (30 s by default)
            return Client(self.scheduler)
        except (OSError, TimeoutError, ValueError) as error:
            raise InputError(f"cannot connect to the Dask scheduler at {self.scheduler}: "
                             f"{error}") from None

    def run(self, items: Iterable[Job | Outcome]) -> Iterator[Outcome]:
        """Check the jobs, yielding outcomes as their tasks finish; outcomes settled already
        (in the parent: a missing file) pass straight through."""
        settled: deque[Outcome] = deque()
        tasks = _Tasks(self._client, self.options, self.check, jobs_only(items, settled))
        tasks.top_up()
        yield from _drain(settled)
        for future in tasks.finished:
            jobs, alone = tasks.in_flight.pop(future.key)
            try:
                yield from future.result()
            except KilledWorker:
                if alone:
                    yield error_outcome(jobs[0].spec, jobs[0].sha256, WORKER_DIED)
                else:
                    tasks.suspects.extend(jobs)
            future.release()
            tasks.top_up()
            yield from _drain(settled)
        yield from _drain(settled)


class _Tasks:
    """The tasks in flight on the cluster, topped up from the queue of jobs.

    When a task fails with KilledWorker its jobs become suspects. Each suspect then runs
    alone, in a task of its own with nothing else in flight (tasks queued on a dying worker
    share its fate): a suspect that still fails alone is the culprit.
    """

    def __init__(self, client: Client, options: CheckOptions, check: CheckFunction,
                 queue: Iterator[Job]) -> None:
        self.client = client
        # the options go with every task rather than scattered once: scattered data dies
        # with the workers holding it, while a task's arguments survive to its retry
        self.options = options
        self.check = check
        self.queue = queue
        self.in_flight: dict[str, tuple[list[Job], bool]] = {}  # key → (jobs, run alone)
        self.suspects: deque[Job] = deque()
        self.finished = as_completed()
        self.limit = TASKS_IN_FLIGHT_PER_THREAD * (sum(client.nthreads().values()) or 1)

    def top_up(self) -> None:
        if self.suspects:
            if not self.in_flight:
                self._submit([self.suspects.popleft()], alone=True)
            return
        while len(self.in_flight) < self.limit:
            jobs = list(islice(self.queue, JOBS_PER_TASK))
            if not jobs:
                return
            self._submit(jobs, alone=False)

    def _submit(self, jobs: list[Job], alone: bool) -> None:
        future = self.client.submit(check_jobs, jobs, self.options, self.check, pure=False)
        self.in_flight[future.key] = (jobs, alone)
        self.finished.add(future)


@contextmanager
def _children_ignore_ctrl_c() -> Iterator[None]:
    """Processes started meanwhile inherit an ignored SIGINT (Python then installs no handler
    of its own): Ctrl-C reaches the terminal's whole process group, and the batch process
    alone decides what it means, without a traceback from every worker."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not ours to change
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _drain(settled: deque[Outcome]) -> Iterator[Outcome]:
    while settled:
        yield settled.popleft()
