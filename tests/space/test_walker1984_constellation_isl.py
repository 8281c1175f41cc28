"""Walker constellations, presets and +Grid ISLs.

References
----------
* Walker, "Satellite constellations", JBIS 37 (1984): pattern i:T/P/F, planes spaced
  360/P (delta), relative phasing F * 360/T between adjacent planes.
* +Grid: Wood, PhD thesis, Univ. of Surrey (2001), sec. 2.4; four ISLs per satellite.
* Preset shells: FCC 21-48 (Starlink Gen1), FCC 20-102 (Kuiper), FCC 17-77 (OneWeb),
  FCC 17-147 (Telesat) as tabulated by McDowell (planet4589.org) and Bassa et al.,
  A&A 657, A75 (2022), Table 1; del Portillo et al., Acta Astronautica 159 (2019).
"""

import math

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.space.constellation import combine, walker
from netsim.space.isl import isl_lengths_km, plus_grid
from netsim.space.presets import preset, preset_info, preset_names

A_550 = 6378.137 + 550.0


def _raan_u(c, t=0.0):
    r, v = c.positions_velocities_eci(t)
    h = np.cross(r, v)
    raan = np.degrees(np.arctan2(h[:, 0], -h[:, 1])) % 360
    node = np.stack([np.cos(np.radians(raan)), np.sin(np.radians(raan)), 0 * raan], 1)
    cos_u = np.sum(r * node, 1) / np.linalg.norm(r, axis=1)
    sin_u = r[:, 2] / np.linalg.norm(r, axis=1) / np.sin(np.radians(53.0))
    return raan, np.degrees(np.arctan2(sin_u, cos_u)) % 360


def test_walker_delta_raan_and_phase_conventions():
    c = walker(550.0, 53.0, 6, 4, 2, raan0_deg=10.0, j2=False)  # 53:24/6/2
    assert c.shells[0].notation == "53:24/6/2"
    raan, u = _raan_u(c)
    # plane p: RAAN = 10 + 60 p; slot s: u = 90 s + p * 2 * 360 / 24 = 90 s + 30 p
    p, s = c.plane, c.slot
    np.testing.assert_allclose(raan, (10 + 60 * p) % 360, atol=1e-9)
    d = (u - (90 * s + 30 * p) + 180) % 360 - 180
    np.testing.assert_allclose(d, 0, atol=1e-9)


def test_walker_star_spreads_over_180_deg():
    c = walker(1200.0, 87.9, 18, 40, 0, "star", j2=False)
    r, v = c.positions_velocities_eci(0.0)
    h = np.cross(r, v)
    raan = np.degrees(np.arctan2(h[:, 0], -h[:, 1])) % 360
    got = np.unique(np.mod(np.round(raan, 6), 360.0))
    np.testing.assert_allclose(got, np.arange(18) * 10.0, atol=1e-6)


def test_shapes_scalar_and_array_times():
    c = walker(550.0, 53.0, 72, 22, 1)
    assert c.positions_eci_km(0.0).shape == (1584, 3)
    assert c.positions_eci_km(np.arange(5.0)).shape == (5, 1584, 3)
    assert c.positions_ecef_km(np.arange(5.0)).shape == (5, 1584, 3)
    out = np.empty((5, 1584, 3))
    assert c.positions_eci_km(np.arange(5.0), out=out) is out


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"phasing": 72}, "phasing"),
        ({"planes": 0}, "planes"),
        ({"kind": "rosette"}, "kind"),
        ({"altitude_km": -5.0}, "altitude_km"),
        ({"inclination_deg": 190.0}, "inclination_deg"),
        ({"sats_per_plane": 2.5}, "sats_per_plane"),
    ],
)
def test_walker_bad_input(kwargs, field):
    args = {"altitude_km": 550.0, "inclination_deg": 53.0, "planes": 72,
            "sats_per_plane": 22, "phasing": 1}  # fmt: skip
    args.update(kwargs)
    with pytest.raises(ParameterError, match=field):
        walker(**args)


def test_presets_match_published_shell_tables():
    assert {"starlink_gen1", "kuiper", "oneweb_phase1", "telesat_phase1", "geo_ring3",
            "o3b_meo"} <= set(preset_names())  # fmt: skip
    expected = {"starlink_gen1": 4408, "kuiper": 3236, "oneweb_phase1": 720,
                "telesat_phase1": 117, "geo_ring3": 3, "o3b_meo": 20}  # fmt: skip
    for name, n in expected.items():
        assert preset(name).count == n, name
        assert "source" in preset_info(name)
    sl = preset("starlink_gen1")
    # McDowell "Gen1" table: (alt km, incl deg, planes, sats per plane)
    table = [(550, 53.0, 72, 22), (540, 53.2, 72, 22), (570, 70.0, 36, 20),
             (560, 97.6, 6, 58), (560, 97.6, 4, 43)]  # fmt: skip
    got = [(s.altitude_km, s.inclination_deg, s.planes, s.sats_per_plane) for s in sl.shells]
    assert got == table
    # two-body GEO keeps a fixed longitude: ECEF position after 6 h equals that at 0,
    # 10 m covers the rounding of the preset altitude to 10 m (secular J2 would add a
    # drift of ~5 km in 6 h: the J2 geostationary radius is ~2 km larger)
    geo = preset("geo_ring3", j2=False)
    r = geo.positions_ecef_km(np.array([0.0, 6 * 3600.0]))
    np.testing.assert_allclose(r[1], r[0], atol=0.01)
    with pytest.raises(ParameterError, match="preset"):
        preset("starlink_gen9")


def test_plus_grid_degree_four_every_walker_delta_shell():
    for name in ("starlink_gen1", "kuiper"):
        c = preset(name)
        g = plus_grid(c)
        assert np.all(g.degree(c.count) == 4), name
        # no link leaves its shell
        assert np.all(c.shell[g.pairs[:, 0]] == c.shell[g.pairs[:, 1]])
    c = walker(550.0, 53.0, 72, 22, 1)
    g = plus_grid(c)
    assert g.pairs.shape == (2 * 1584, 2)
    # cutting the seam removes exactly the 22 links between plane 71 and plane 0
    assert plus_grid(c, seam="cut").pairs.shape == (2 * 1584 - 22, 2)


def test_plus_grid_star_has_no_cross_seam_links():
    c = walker(1200.0, 87.9, 18, 40, 0, "star")
    d = plus_grid(c).degree(c.count)
    # planes 0 and 17 are at the counter-rotating seam: 3 links, the others 4
    np.testing.assert_array_equal(d[(c.plane == 0) | (c.plane == 17)], 3)
    np.testing.assert_array_equal(d[(c.plane > 0) & (c.plane < 17)], 4)


def test_isl_lengths_closed_form_and_seam_geometry():
    c = walker(550.0, 53.0, 72, 22, 1)
    g = plus_grid(c)
    L, ok = isl_lengths_km(g, c.positions_eci_km(321.0))
    intra = c.plane[g.pairs[:, 0]] == c.plane[g.pairs[:, 1]]
    # chord between neighbours of a circular plane: 2 a sin(pi / S)
    np.testing.assert_allclose(L[intra], 2 * A_550 * math.sin(math.pi / 22), rtol=1e-12)
    # seam links (plane 71 <-> plane 0) have the same length range as other inter-plane links
    seam = (~intra) & (np.abs(c.plane[g.pairs[:, 0]] - c.plane[g.pairs[:, 1]]) > 1)
    inter = (~intra) & ~seam
    assert seam.sum() == 22
    assert L[seam].max() <= L[inter].max() + 1e-6 and L[seam].min() >= L[inter].min() - 1e-6
    assert ok.all()
    # a range limit below the intra-plane chord (1,973 km) drops every intra-plane link
    g2 = plus_grid(c, max_range_km=1900.0)
    _, ok2 = isl_lengths_km(g2, c.positions_eci_km(321.0))
    assert not ok2[intra].any()


def test_isl_line_of_sight_blocked_by_earth():
    # two satellites in one plane of 3 at 550 km: 120 deg apart, the chord passes
    # a * cos(60 deg) = 3464 km from the centre, inside the Earth
    c = walker(550.0, 0.0, 1, 3, 0)
    _, ok = isl_lengths_km(plus_grid(c), c.positions_eci_km(0.0))
    assert not ok.any()


def test_combine_requires_same_epoch():
    a = walker(550.0, 53.0, 2, 2, 0)
    b = walker(550.0, 53.0, 2, 2, 0, epoch_jd=2460000.5)
    with pytest.raises(ParameterError):
        combine(a, b)
    assert combine(a, a).count == 8
