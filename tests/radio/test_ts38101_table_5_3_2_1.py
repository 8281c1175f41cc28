"""N_RB per channel bandwidth and SCS: TS 38.101-1 V17.8.0 Table 5.3.2-1 (FR1) and
TS 38.101-2 V17.8.0 Table 5.3.2-1 (FR2-1, FR2-2). Cells spot-checked against the printed
tables; every row checked for a positive guard band (N_RB * 12 * SCS < BW)."""

import pytest

from netsim.errors import ParameterError
from netsim.radio.nr import max_transmission_bandwidth_rb, supported_bandwidths_hz
from netsim.radio.nr.tables import nrb_table


@pytest.mark.parametrize(
    "fr, bw_mhz, scs_khz, n_rb",
    [
        ("FR1", 5, 15, 25), ("FR1", 20, 15, 106), ("FR1", 50, 15, 270), ("FR1", 35, 15, 188),
        ("FR1", 5, 30, 11), ("FR1", 40, 30, 106), ("FR1", 100, 30, 273), ("FR1", 45, 30, 119),
        ("FR1", 10, 60, 11), ("FR1", 100, 60, 135),
        ("FR2-1", 50, 60, 66), ("FR2-1", 200, 60, 264), ("FR2-1", 50, 120, 32),
        ("FR2-1", 400, 120, 264), ("FR2", 100, 120, 66),
        ("FR2-2", 400, 120, 264), ("FR2-2", 1600, 480, 248), ("FR2-2", 2000, 960, 148),
    ],
)
def test_printed_cells(fr, bw_mhz, scs_khz, n_rb):
    assert max_transmission_bandwidth_rb(bw_mhz * 1e6, scs_khz * 1e3, fr) == n_rb


def test_every_row_fits_its_channel():
    # Occupied bandwidth N_RB * 12 * SCS must leave a guard band, yet use > 75 % of the
    # channel (the smallest ratio in the tables is 11 RB * 360 kHz / 5 MHz = 79 %); N_RB <= 275.
    for (_fr, scs_khz, bw_mhz), n_rb in nrb_table().items():
        occupied_hz = n_rb * 12 * scs_khz * 1e3
        assert 0.75 * bw_mhz * 1e6 < occupied_hz < bw_mhz * 1e6
        assert n_rb <= 275


def test_supported_bandwidths_60khz_fr1_has_no_5mhz():
    bws = supported_bandwidths_hz(60e3, "FR1")
    assert 5e6 not in bws and 10e6 in bws and 100e6 in bws


@pytest.mark.parametrize(
    "bw, scs, fr, field",
    [
        (100e6, 15e3, "FR1", "bandwidth_hz"),  # N/A in Table 5.3.2-1
        (5e6, 60e3, "FR1", "bandwidth_hz"),
        (20e6, 120e3, "FR1", "scs_hz"),
        (400e6, 60e3, "FR2-1", "bandwidth_hz"),
        (100e6, 480e3, "FR2-2", "bandwidth_hz"),
        (100e6, 30e3, "FR3", "frequency_range"),
        (100.5e6, 30e3, "FR1", "bandwidth_hz"),
    ],
)
def test_invalid_pairs_name_the_field(bw, scs, fr, field):
    with pytest.raises(ParameterError) as exc:
        max_transmission_bandwidth_rb(bw, scs, fr)
    assert exc.value.field == field
