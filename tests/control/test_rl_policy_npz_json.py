"""Policy files: ``.npz`` arrays + JSON metadata, never pickle; errors name the field."""

from __future__ import annotations

import json

import numpy as np
import pytest

from netsim.control.rl import ACTION_FEATURES, N_FEATURES, LinearPolicy, load_policy, save_policy
from netsim.control.rl.policy import POLICY_FORMAT, shipped_policies
from netsim.errors import ParameterError


def test_round_trip(tmp_path):
    w = np.arange(N_FEATURES, dtype=float) - 3.0
    pol = LinearPolicy(w, ("first_fit", "best_fit"), {"name": "x", "setup": {"k_paths": 5}})
    npz, meta = save_policy(pol, tmp_path / "p")
    assert npz.name == "p.npz" and meta.name == "p.json"
    doc = json.loads(meta.read_text())
    assert doc["format"] == POLICY_FORMAT
    assert doc["feature_names"] == list(ACTION_FEATURES)
    back = load_policy(tmp_path / "p.npz")
    assert np.array_equal(back.weights, w)
    assert back.fits == ("first_fit", "best_fit")
    assert back.metadata["setup"]["k_paths"] == 5
    with np.load(npz, allow_pickle=False) as z:  # plain arrays only
        assert list(z.keys()) == ["weights"]


def test_act_masks_invalid_and_blocks_when_none_valid():
    w = np.zeros(N_FEATURES)
    w[0] = -1.0  # prefer low path rank
    pol = LinearPolicy(w)
    f = np.zeros((4, N_FEATURES))
    f[:, 0] = [0.0, 0.0, 0.5, 0.5]
    assert pol.act(f, np.array([False, False, True, True])) == 2
    assert pol.act(f, np.zeros(4, bool)) == -1


def test_errors(tmp_path):
    with pytest.raises(ParameterError, match="weights"):
        LinearPolicy(np.zeros(3))
    with pytest.raises(ParameterError, match="policy"):
        load_policy("no_such_policy")
    pol = LinearPolicy(np.zeros(N_FEATURES))
    _, meta = save_policy(pol, tmp_path / "q")
    doc = json.loads(meta.read_text())
    doc["feature_names"] = doc["feature_names"][::-1]
    meta.write_text(json.dumps(doc))
    with pytest.raises(ParameterError, match="feature_names"):
        load_policy(tmp_path / "q")
    doc["format"] = "pickle"
    meta.write_text(json.dumps(doc))
    with pytest.raises(ParameterError, match="format"):
        load_policy(tmp_path / "q")
    # an object array in the npz is refused (no pickle)
    np.savez(tmp_path / "r.npz", weights=np.array([object()], dtype=object))
    save_policy(pol, tmp_path / "s")
    (tmp_path / "r.json").write_text((tmp_path / "s.json").read_text())
    with pytest.raises(ValueError, match="pickle"):
        load_policy(tmp_path / "r")


def test_shipped_policy_loads():
    assert "nsfnet_rmsa_cem" in shipped_policies()
    pol = load_policy("nsfnet_rmsa_cem")
    assert pol.weights.shape == (N_FEATURES,)
    assert pol.metadata["setup"]["topology"] == "nsfnet_deeprmsa"  # graph name of "nsfnet"
    assert pol.metadata["setup"]["k_paths"] == 5
