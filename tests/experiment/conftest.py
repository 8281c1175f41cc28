"""Small scenarios for the experiment-layer tests (each run well under a second)."""

from __future__ import annotations

import textwrap

import pytest

TINY = """\
name: tiny
seed: 5
run: {duration_s: %(duration)s}
outputs: {plots: false}
nodes: [{name: a}, {name: b}, {name: c}]
links:
  - {a: a, b: b, rate_bps: 1.0e7, delay_s: 0.001, loss_prob: 0.01}
  - {a: b, b: c, rate_bps: 1.0e8, delay_s: 0.0005}
traffic:
  - {name: probe, model: cbr, src: a, dst: c, rate_bps: 64000, packet_size_bytes: 32}
  - {name: load, model: poisson, src: a, dst: c, rate_bps: 4.0e6, packet_size_bytes: 1000}
%(extra)s
"""


def write_scenario(path, duration: float = 0.2, extra: str = "") -> str:
    """Write the tiny two-hop scenario (optionally with more YAML) and return its path."""
    path.write_text(TINY % {"duration": duration, "extra": textwrap.dedent(extra)})
    return str(path)


@pytest.fixture
def tiny(tmp_path):
    return lambda extra="", duration=0.2, name="s.yaml": write_scenario(
        tmp_path / name, duration, extra)
