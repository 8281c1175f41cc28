"""Command-line wiring and the sweep progress line (parsed, not byte-exact)."""

from __future__ import annotations

import importlib.util
import io
import re

import pytest

from netsim.cli import main
from netsim.experiment.sweep import Progress


def test_subcommands_and_train_hook(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for cmd in ("run", "validate", "sweep", "report", "export"):
        assert cmd in out
    has_train = importlib.util.find_spec("netsim.control.cli_train") is not None
    assert ("train" in out) == has_train


def test_progress_line_counts_rate_and_time_left():
    buf = io.StringIO()
    p = Progress(4, stream=buf)
    p.step()
    p.step()
    p.step()
    p.step()
    last = buf.getvalue().strip().splitlines()[-1]
    m = re.search(r"(\d+)/(\d+) runs\s+([\d.]+) run/s\s+(\S+) s left", last)
    assert m is not None, last
    assert (int(m.group(1)), int(m.group(2))) == (4, 4)
    assert float(m.group(3)) > 0 and float(m.group(4)) == 0


def test_bad_ci_target_is_bad_input(tiny, tmp_path, capsys):
    rc = main(["sweep", tiny(), "--ci-target", "abc", "--out", str(tmp_path / "o"),
               "--quiet"])
    assert rc == 2 and "--ci-target" in capsys.readouterr().err


def test_run_param_overrides_a_field(tiny, tmp_path, capsys):
    """``netsim run --param key.path=value``: the probe is CBR 64 kb/s of 32 B, i.e.
    250 packets/s, so 0.5 s instead of the file's 0.2 s sends 125 (+1 at t = 0) packets."""
    import pandas as pd

    out = tmp_path / "o"
    assert main(["run", tiny(), "--param", "run.duration_s=0.5", "--out", str(out),
                 "--quiet"]) == 0
    flows = pd.read_csv(out / "flows.csv").set_index("flow")
    assert flows.loc["probe", "sent"] in (125, 126)
    assert main(["validate", tiny(), "--param", "run.duration_s=1"]) == 0
    # several values are a sweep; an unknown field is named
    assert main(["run", tiny(), "--param", "run.duration_s=1,2", "--quiet"]) == 2
    assert "--param" in capsys.readouterr().err
    assert main(["run", tiny(), "--param", "run.nosuch=1", "--quiet"]) == 2
    assert "run.nosuch" in capsys.readouterr().err
