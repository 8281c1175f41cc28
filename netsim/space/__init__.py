"""Satellite segment physics: orbits, frames, constellations, ISLs, topology, NTN budgets.

Modules
-------
orbits         two-body propagation with J2 secular drift (numba)
frames         TEME/ECI -> ECEF (GMST, IAU 1982) -> WGS84; look angles and range rate
tle            TLE input through sgp4's SatrecArray, with line-numbered errors
constellation  ``walker(altitude_km, inclination_deg, planes, sats_per_plane, phasing)``
presets        Starlink Gen1, OneWeb, Kuiper, Telesat, GEO ring, O3b, with sources
isl            +Grid inter-satellite links
ground         ground stations, visibility, satellite selection, handovers
topology       time-varying topology epochs with station-to-station shortest paths
linkbudget     TR 38.811 / TR 38.821 link budgets, CNR, achievable rate
ntn_losses     TR 38.811 6.6: gas, scintillation, clutter, shadowing, polarisation
itur_p618      ITU-R P.618-13 rain attenuation
dvbs2x         DVB-S2 / S2X MODCOD thresholds (EN 302 307-1/-2)
doppler        Doppler shift and rate for a ground UE
gsl_capacity   ground-satellite link rates: fixed, or from the NTN link budget
adapter        SatelliteSegment: one event per epoch updates every ISL and GSL
segment        the ``space:`` scenario section
"""

from netsim.space import (
    adapter,
    constellation,
    doppler,
    dvbs2x,
    frames,
    ground,
    gsl_capacity,
    isl,
    itur_p618,
    linkbudget,
    ntn_losses,
    orbits,
    presets,
    tle,
    topology,
)
from netsim.space.constellation import walker

__all__ = [
    "adapter", "constellation", "doppler", "gsl_capacity", "dvbs2x", "frames", "ground",
    "isl", "itur_p618", "linkbudget", "ntn_losses", "orbits", "presets", "tle", "topology",
    "walker",
]
