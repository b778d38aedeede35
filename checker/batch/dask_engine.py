"""The Dask engine: the same jobs and the same check function as the local engine, run on
an existing Dask cluster (``--scheduler tcp://HOST:PORT``) or on a LocalCluster.

Every import of dask and distributed is in this module, which only ``--engine dask`` loads.
Workers need ``checker`` installed (the same version): they run ``check_job`` by name. They
need no access to the files: each job carries its bytes.

A task whose worker dies is retried by the scheduler on another worker; after
``distributed.scheduler.allowed-failures`` deaths it fails with KilledWorker, and that job
gets an error record, as with the local engine.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from distributed import Client, LocalCluster, WorkerPlugin, as_completed
from distributed.scheduler import KilledWorker

from checker.batch.jobs import (
    WORKER_DIED,
    Job,
    Outcome,
    check_job,
    error_outcome,
    jobs_only,
    warm_up,
)
from checker.model import InputError
from checker.pipeline import CheckOptions

JOBS_IN_FLIGHT_PER_THREAD = 4  # keeps every worker thread busy while bounding memory


class WarmUp(WorkerPlugin):
    """Loads the dictionaries once on each worker, as it joins, before its first job."""

    def __init__(self, options: CheckOptions) -> None:
        self.options = options

    def setup(self, worker: object) -> None:
        warm_up(self.options)


class DaskEngine:
    """``run(items)`` yields an Outcome per job as each finishes, in any order."""

    def __init__(self, scheduler: str | None, workers: int, options: CheckOptions) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.options = options
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None

    def __enter__(self) -> DaskEngine:
        self._client = self._connect()
        self._client.register_plugin(WarmUp(self.options), name="checker-warm-up")
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    @property
    def worker_count(self) -> int:
        assert self._client is not None
        return len(self._client.scheduler_info()["workers"])

    def _connect(self) -> Client:
        if self.scheduler is None:
            # one single-threaded process per worker: the checker is pure Python, so
            # threads would only contend for the GIL
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
        """Check the jobs, yielding each outcome as it finishes; outcomes settled already
        (in the parent: a missing file) pass straight through."""
        client = self._client
        assert client is not None
        settled: deque[Outcome] = deque()
        queue = jobs_only(items, settled)
        options = client.scatter(self.options, broadcast=True, hash=False)
        threads = sum(client.nthreads().values()) or 1
        jobs_of = {}
        finished = as_completed()

        def submit(job: Job) -> None:
            future = client.submit(check_job, job, options, pure=False)
            jobs_of[future.key] = job
            finished.add(future)

        for job in islice(queue, threads * JOBS_IN_FLIGHT_PER_THREAD):
            submit(job)
        yield from _drain(settled)
        for future in finished:
            job = jobs_of.pop(future.key)
            yield _outcome(future, job)
            future.release()
            following = next(queue, None)
            if following is not None:
                submit(following)
            yield from _drain(settled)
        yield from _drain(settled)


def _outcome(future, job: Job) -> Outcome:
    try:
        return future.result()
    except KilledWorker:
        return error_outcome(job.spec, job.sha256, WORKER_DIED)


def _drain(settled: deque[Outcome]) -> Iterator[Outcome]:
    while settled:
        yield settled.popleft()
