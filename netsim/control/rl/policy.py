"""Linear scoring policy over (candidate path x spectrum fit) actions; ``.npz`` + JSON files.

The policy scores every valid action by ``features @ weights`` (features:
:data:`netsim.control.rl.kernels.ACTION_FEATURES`) and takes the highest score (ties: the
lowest action index); a request is blocked only when no action is valid. A greedy
argmax over a linear score generalises the classic heuristics, which are fixed weight
vectors of it (e.g. KSP-FF: ``path_rank = -1``, ``is_best_fit = -10``).

Files: ``NAME.npz`` holds the arrays (``weights``), loaded with ``allow_pickle=False``;
``NAME.json`` the metadata (format, feature names, fits, the RMSA and traffic set-up the
policy was trained on, training summary). No pickle anywhere.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from netsim.errors import ParameterError

from .kernels import ACTION_FEATURES, N_FEATURES

__all__ = ["POLICY_FORMAT", "LinearPolicy", "load_policy", "shipped_policies", "save_policy"]

#: Value of the ``format`` field of the metadata JSON.
POLICY_FORMAT = "netsim-rmsa-linear-policy/1"


@dataclass
class LinearPolicy:
    """Greedy linear scoring policy.

    Parameters
    ----------
    weights : numpy.ndarray
        float64 ``(N_FEATURES,)``.
    fits : tuple of str
        Spectrum fits of the action space, in action order (``p * n_fits + f``).
    metadata : dict
        Free-form metadata (set-up, training summary), JSON-serialisable.
    """

    weights: np.ndarray
    fits: tuple[str, ...] = ("first_fit", "best_fit")
    metadata: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        w = np.asarray(self.weights, dtype=np.float64)
        if w.shape != (N_FEATURES,) or not np.all(np.isfinite(w)):
            raise ParameterError("weights", w.shape, f"finite, shape ({N_FEATURES},)")
        self.weights = w
        self.fits = tuple(self.fits)

    def scores(self, features: np.ndarray) -> np.ndarray:
        """Score of every action, ``features @ weights``."""
        return np.asarray(features, dtype=np.float64) @ self.weights

    def act(self, features: np.ndarray, valid: np.ndarray) -> int:
        """Best valid action, or -1 if none is valid (the request is blocked)."""
        valid = np.asarray(valid, dtype=bool)
        if not valid.any():
            return -1
        s = np.where(valid, self.scores(features), -np.inf)
        return int(np.argmax(s))


def save_policy(policy: LinearPolicy, path: str | Path) -> tuple[Path, Path]:
    """Write ``path.npz`` (arrays) and ``path.json`` (metadata); returns both paths."""
    base = Path(path)
    if base.suffix in (".npz", ".json"):
        base = base.with_suffix("")
    base.parent.mkdir(parents=True, exist_ok=True)
    npz, meta = base.with_suffix(".npz"), base.with_suffix(".json")
    np.savez(npz, weights=policy.weights)
    doc = {
        "format": POLICY_FORMAT,
        "feature_names": list(ACTION_FEATURES),
        "fits": list(policy.fits),
        **{k: v for k, v in policy.metadata.items() if k not in ("format", "feature_names")},
    }
    meta.write_text(json.dumps(doc, indent=2, sort_keys=False) + "\n")
    return npz, meta


def _data_dir() -> Path:
    return Path(str(resources.files("netsim.control") / "data"))


def shipped_policies() -> list[str]:
    """Names of the policies shipped in ``netsim/control/data/``."""
    d = _data_dir()
    return sorted(p.stem for p in d.glob("*.npz") if p.with_suffix(".json").exists())


def load_policy(name_or_path: str | Path) -> LinearPolicy:
    """Load a policy by shipped name (see :func:`shipped_policies`) or by file path.

    Raises
    ------
    ParameterError
        Unknown name, missing file, wrong format, or feature names that differ from
        :data:`ACTION_FEATURES` (a policy trained on other features).
    """
    p = Path(name_or_path)
    if p.suffix in (".npz", ".json"):
        p = p.with_suffix("")
    if not p.with_suffix(".npz").exists():
        cand = _data_dir() / str(name_or_path)
        if not cand.with_suffix(".npz").exists():
            raise ParameterError(
                "policy", str(name_or_path), f"a file NAME.npz + NAME.json or one of "
                f"{shipped_policies()}"
            )
        p = cand
    meta_path = p.with_suffix(".json")
    if not meta_path.exists():
        raise ParameterError("policy", str(meta_path), "an existing metadata JSON file")
    meta = json.loads(meta_path.read_text())
    if meta.get("format") != POLICY_FORMAT:
        raise ParameterError(
            "format", meta.get("format"), POLICY_FORMAT, source=str(meta_path)
        )
    if tuple(meta.get("feature_names", ())) != ACTION_FEATURES:
        raise ParameterError(
            "feature_names", meta.get("feature_names"), list(ACTION_FEATURES),
            source=str(meta_path),
        )
    with np.load(p.with_suffix(".npz"), allow_pickle=False) as z:
        w = np.array(z["weights"], dtype=np.float64)
    fits: Sequence[str] = meta.get("fits", ["first_fit", "best_fit"])
    return LinearPolicy(w, tuple(fits), meta)
