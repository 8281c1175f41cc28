"""The results store of a sweep: one folder per finished run, written atomically.

Layout of a sweep's output folder::

    sweep.json            the plan: scenario hash, parameters, points, replications, seeds
    runs/<run_id>/        one finished run: manifest.json, kpis.json, CSV tables
    runs.csv              one row per run (parameters, seed, KPIs)
    summary.csv           per grid point and KPI: n, mean, std, 95% half width, interval
    targets.csv           per grid point and target: mean, interval, verdict

A run folder is first written under a temporary name (``runs/.<run_id>.tmp-<pid>``) and
renamed into place only when every file is on disk and the manifest (written last) lists
each file's SHA-256. A folder under its final name is therefore complete unless it was
altered afterwards; :meth:`Store.is_complete` re-checks the checksums, and a run whose
folder fails the check is deleted and redone.

The rename makes a run appear whole or not at all when the sweep process is killed. No
``fsync`` is issued (it would dominate the cost of short runs): after a power loss a file
may be incomplete under its final name, which the checksum test catches, and the run is
redone.

CSV rather than Parquet: the tables are small per run, readable with any tool, diffable,
and need no extra dependency (pyarrow is not a netsim dependency); integrity comes from the
manifest's checksums, not from the file format.
"""

from __future__ import annotations

import json
import os
import shutil

from netsim.experiment.run import sha256_file

__all__ = ["Store"]


class Store:
    """Run folders under ``root/runs``.

    Parameters
    ----------
    root : str
        The sweep's output folder (created if missing).
    """

    def __init__(self, root: str):
        self.root = root
        self.runs_dir = os.path.join(root, "runs")
        os.makedirs(self.runs_dir, exist_ok=True)

    def path(self, run_id: str) -> str:
        """Folder of run ``run_id``."""
        return os.path.join(self.runs_dir, run_id)

    def clean_partial(self) -> list[str]:
        """Delete temporary folders left by an interrupted sweep; returns their names."""
        gone = []
        for name in os.listdir(self.runs_dir):
            if name.startswith(".") and ".tmp-" in name:
                shutil.rmtree(os.path.join(self.runs_dir, name), ignore_errors=True)
                gone.append(name)
        return gone

    def check(self, run_id: str) -> str | None:
        """Why run ``run_id`` is not a complete result (None when it is)."""
        d = self.path(run_id)
        if not os.path.isdir(d):
            return "absent"
        try:
            with open(os.path.join(d, "manifest.json"), encoding="utf-8") as fh:
                man = json.load(fh)
        except (OSError, ValueError):
            return "manifest missing or unreadable"
        if man.get("status") != "complete" or man.get("run_id") != run_id:
            return "manifest not complete"
        sums = man.get("files_sha256")
        if not isinstance(sums, dict) or not sums:
            return "manifest has no checksums"
        for name, digest in sums.items():
            f = os.path.join(d, name)
            if not os.path.isfile(f):
                return f"{name} missing"
            if sha256_file(f) != digest:
                return f"{name} checksum mismatch"
        return None

    def is_complete(self, run_id: str) -> bool:
        """Whether run ``run_id`` is on disk, complete and unaltered."""
        return self.check(run_id) is None

    def discard(self, run_id: str) -> None:
        """Delete run ``run_id``'s folder (a corrupt or partial result)."""
        shutil.rmtree(self.path(run_id), ignore_errors=True)

    def write(self, run_id: str, files: dict[str, bytes]) -> str:
        """Write a run's files atomically; ``files`` must include ``manifest.json``.

        Raises ``ValueError`` if the files do not match the manifest's checksums.
        """
        tmp = os.path.join(self.runs_dir, f".{run_id}.tmp-{os.getpid()}")
        shutil.rmtree(tmp, ignore_errors=True)
        os.makedirs(tmp)
        for name, blob in files.items():
            if name == "manifest.json":
                continue
            with open(os.path.join(tmp, name), "wb") as fh:
                fh.write(blob)
        man = json.loads(files["manifest.json"])
        for name, digest in man.get("files_sha256", {}).items():
            if sha256_file(os.path.join(tmp, name)) != digest:
                shutil.rmtree(tmp, ignore_errors=True)
                raise ValueError(f"run {run_id}: {name} does not match its checksum")
        with open(os.path.join(tmp, "manifest.json"), "wb") as fh:
            fh.write(files["manifest.json"])
        final = self.path(run_id)
        if os.path.exists(final):
            shutil.rmtree(final)
        os.rename(tmp, final)
        return final

    def kpis(self, run_id: str) -> dict:
        """The KPIs of a stored run."""
        with open(os.path.join(self.path(run_id), "kpis.json"), encoding="utf-8") as fh:
            return json.load(fh)["kpis"]

    def manifest(self, run_id: str) -> dict:
        """The manifest of a stored run."""
        with open(os.path.join(self.path(run_id), "manifest.json"), encoding="utf-8") as fh:
            return json.load(fh)
