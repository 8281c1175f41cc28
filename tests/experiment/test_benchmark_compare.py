"""benchmarks/compare.py: regressions judged as ratios to same-run baselines.

Hand-made pytest-benchmark JSON: kernel K (group g) and its baseline B (name matches the
baseline pattern). Saved run: K = 2 s, B = 1 s -> normalised 2.0.
- Machine twice as slow (K = 4, B = 2): normalised 2.0, ratio 1.0 -> no regression.
- Kernel 1.5x slower on the same machine (K = 3, B = 1): ratio 1.5 > 1.25 -> regression.
"""

from __future__ import annotations

import importlib.util
import json
import pathlib

import pytest

_PATH = pathlib.Path(__file__).parents[2] / "benchmarks" / "compare.py"
_spec = importlib.util.spec_from_file_location("bench_compare", _PATH)
compare = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compare)


def _run(k, b, extra=None):
    bm = [{"name": "test_kernel", "fullname": "m::test_kernel", "group": "g",
           "stats": {"mean": k}},
          {"name": "test_numpy_baseline", "fullname": "m::test_numpy_baseline", "group": "g",
           "stats": {"mean": b}}]
    if extra is not None:
        bm.append({"name": "test_other", "fullname": "m::test_other", "group": None,
                   "stats": {"mean": extra}})
    return {"benchmarks": bm}


def _write(tmp_path, name, data):
    p = tmp_path / name
    p.write_text(json.dumps(data))
    return str(p)


def test_slower_machine_passes_and_slower_kernel_fails(tmp_path, capsys):
    saved = _write(tmp_path, "a.json", _run(2.0, 1.0, extra=3.0))
    slow_machine = _write(tmp_path, "b.json", _run(4.0, 2.0, extra=6.0))
    slow_kernel = _write(tmp_path, "c.json", _run(3.0, 1.0, extra=3.0))
    assert compare.main([saved, slow_machine]) == 0
    rows = {r[0]: r for r in compare.compare(json.load(open(saved))["benchmarks"],
                                             json.load(open(slow_machine))["benchmarks"])}
    assert rows["m::test_kernel"][1] == pytest.approx(2.0)       # 2 s / 1 s
    assert rows["m::test_other"][3] == pytest.approx(1.0)        # 6/2 vs 3/1 (run's machine)
    assert compare.main([saved, slow_kernel]) == 1
    assert "REGRESSION" in capsys.readouterr().out
    assert compare.main([saved, slow_kernel, "--max-ratio", "1.6"]) == 0
    assert compare.main([saved, str(tmp_path / "missing.json")]) == 2
