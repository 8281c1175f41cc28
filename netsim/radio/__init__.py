"""Radio access physics: 3GPP / ITU-R propagation, antennas, SINR, NR link layer, fading.

Modules
-------
pathloss      TR 38.901 V17.0.0 7.4: path loss, LOS probability, shadow fading, O2I
atmosphere    ITU-R P.676-13 Annex 1 gaseous attenuation (1-1000 GHz), P.838-3 rain
antenna       TR 38.901 Table 7.3-1 element pattern, sectors, UPA with a DFT codebook
sinr          N UEs x M cells coupling loss, best server and wideband SINR (numba)
nr            TS 38.211/38.101/38.214/38.306: numerology, PRBs, MCS/CQI, TBS, data rate
fading        Clarke/Jakes Rayleigh and Rician fading, TR 38.901 7.7.2 TDL profiles
layout        hexagonal 19-site x 3-sector layouts with wrap-around, UE drops
calibration   TR 38.901 7.8.1 large-scale calibration (coupling loss, geometry)
segment       the ``radio:`` scenario section: cells, UEs, slot MAC, HARQ, handover
              (runtime in ran, airlink, scheduler, harq, handover, mobility)
"""

from netsim.radio import antenna, atmosphere, fading, layout, nr, pathloss, sinr

__all__ = ["antenna", "atmosphere", "fading", "layout", "nr", "pathloss", "sinr"]
