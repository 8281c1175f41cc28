"""``netsim train``: a tiny run writes the policy (.npz + JSON), learning curve and plot."""

from __future__ import annotations

import argparse
import json

import pandas as pd
import pytest

from netsim.control.cli_train import add_cli
from netsim.control.rl import load_policy
from netsim.errors import ScenarioError

TINY = """
name: tiny
seed: 3
network: {topology: nsfnet, k_paths: 2, n_slots: 20}
traffic: {mean_holding_time_s: 1.0, holding_truncation: null}
training: {loads_erlang: [30], iterations: 2, population: 3, n_requests: 200,
           warmup_requests: 50, validation_episodes: 1, episodes_per_load: 1}
"""


def _run(argv):
    p = argparse.ArgumentParser(prog="netsim")
    add_cli(p.add_subparsers(dest="command", required=True))
    args = p.parse_args(argv)
    return args.fn(args)


def test_tiny_training_run(tmp_path):
    scn = tmp_path / "t.yaml"
    scn.write_text(TINY)
    out = tmp_path / "out"
    assert _run(["train", str(scn), "--out", str(out), "--quiet", "--iterations", "3"]) == 0
    for f in ("policy.npz", "policy.json", "learning_curve.csv", "learning_curve.png",
              "validation.csv"):
        assert (out / f).exists(), f
    hist = pd.read_csv(out / "learning_curve.csv")
    assert list(hist["iteration"]) == [1, 2, 3]
    meta = json.loads((out / "policy.json").read_text())
    assert meta["name"] == "tiny"
    assert meta["setup"]["k_paths"] == 2 and meta["setup"]["n_slots"] == 20
    assert meta["training"]["config"]["seed"] == 3
    pol = load_policy(out / "policy")
    assert pol.fits == ("first_fit", "best_fit")


def test_unknown_key_is_an_error(tmp_path):
    scn = tmp_path / "bad.yaml"
    scn.write_text("name: x\ntraining: {iterationz: 3}\n")
    with pytest.raises(ScenarioError, match="iterationz"):
        _run(["train", str(scn), "--out", str(tmp_path / "o")])


def test_netsim_main_exit_codes(tmp_path):
    from netsim.cli import main

    scn = tmp_path / "t.yaml"
    scn.write_text(TINY)
    assert main(["train", str(scn), "--out", str(tmp_path / "o"), "--quiet"]) == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("network: {path_order: meters}\n")
    assert main(["train", str(bad), "--out", str(tmp_path / "o2")]) == 2
