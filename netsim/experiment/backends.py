"""Where a sweep's runs execute: in this process, in local processes, or on Dask.

A backend takes picklable tasks (plain dicts) and yields ``(task, result)`` pairs as runs
finish. Every run executes :func:`execute` wherever it lands and returns its files as bytes,
so the client writes the results store itself: Dask workers need no shared file system.

Dask is optional (``pip install netsim[dask]``); it is imported only when asked for.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

__all__ = ["execute", "InlineBackend", "LocalBackend", "DaskBackend", "make_backend"]


def execute(task: dict) -> dict:
    """Run one replication of one grid point; return its files (bytes) and KPIs.

    ``task`` holds ``raw`` (the point's scenario as a mapping), ``base_dir``, ``source``,
    ``seed``, ``run_id`` and ``manifest`` (extra provenance).
    """
    from netsim.experiment.run import run_scenario
    from netsim.experiment.scenario import parse_scenario

    scn = parse_scenario(task["raw"], base_dir=task["base_dir"], source=task["source"])
    with tempfile.TemporaryDirectory(prefix="netsim-run-") as tmp:
        res = run_scenario(scn, out_dir=tmp, seed=task["seed"],
                           extra_manifest={"run_id": task["run_id"], **task["manifest"]})
        files = {}
        for name in sorted(os.listdir(tmp)):
            with open(os.path.join(tmp, name), "rb") as fh:
                files[name] = fh.read()
    return {"run_id": task["run_id"], "files": files, "kpis": res.kpis, "wall_s": res.wall_s}


class InlineBackend:
    """Runs tasks one after the other in this process (``--jobs 1``)."""

    name = "inline"

    def map(self, tasks: list[dict]) -> Iterator[tuple[dict, dict]]:
        for t in tasks:
            yield t, execute(t)

    def close(self) -> None:
        pass


class LocalBackend:
    """A pool of local worker processes (``concurrent.futures.ProcessPoolExecutor``)."""

    name = "processes"

    def __init__(self, jobs: int | None = None):
        from concurrent.futures import ProcessPoolExecutor

        self.jobs = jobs or os.cpu_count() or 1
        self._pool = ProcessPoolExecutor(max_workers=self.jobs)

    def map(self, tasks: list[dict]) -> Iterator[tuple[dict, dict]]:
        from concurrent.futures import as_completed

        futs = {self._pool.submit(execute, t): t for t in tasks}
        for f in as_completed(futs):
            yield futs[f], f.result()

    def close(self) -> None:
        """Stop the workers now (pending tasks are cancelled, running ones killed)."""
        procs = list(getattr(self._pool, "_processes", {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for p in procs:
            if p.is_alive():
                p.terminate()
        for p in procs:
            p.join(timeout=5)


class DaskBackend:
    """Dask distributed: a running scheduler (``tcp://HOST:PORT``) or a local cluster."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - depends on the environment
            from netsim.errors import ParameterError

            raise ParameterError("--scheduler/--dask-workers", scheduler or workers,
                                 "an installed dask[distributed] (pip install netsim[dask])"
                                 ) from None
        self._cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self._cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1,
                                         threads_per_worker=1, processes=True,
                                         dashboard_address=None)
            self.client = Client(self._cluster)

    def map(self, tasks: list[dict]) -> Iterator[tuple[dict, dict]]:
        from distributed import as_completed

        futs = [self.client.submit(execute, t, pure=False) for t in tasks]
        index = {f.key: t for f, t in zip(futs, tasks)}
        for f in as_completed(futs):
            yield index[f.key], f.result()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_backend(jobs: int | None = None, scheduler: str | None = None,
                 dask_workers: int | None = None):
    """The backend the command-line options ask for."""
    if scheduler or dask_workers:
        return DaskBackend(scheduler, dask_workers)
    if jobs == 1:
        return InlineBackend()
    return LocalBackend(jobs)
