"""Optical transport: GN-model physical layer and flex-grid RMSA network layer.

Modules
-------
fiber             ``Link(spans=[...])``: GSNR, OSNR, SNR_NLI, optimum launch power
amplifier         EDFA ASE noise
gn_model          incoherent GN model closed form (Poggiolini et al., JLT 2014)
channel_plan      WDM channel plans for the C and C+L bands
transceiver       DP-QPSK ... DP-64QAM thresholds, FEC overhead, net rates
capacity          a link's capacity over a band, per channel ("does it carry 10 Tb/s?")
topology          shipped topologies (NSFNET, COST239, JPN12, JPN48, USNET), JSON/GML
paths             k shortest paths by km or hops
modulation_reach  modulation by path length, slots per request
spectrum          flex-grid occupancy and the first/best/last-fit slot search (numba)
rmsa              routing, modulation and spectrum assignment policies
dynamic           dynamic traffic: blocking probability and bandwidth blocking ratio
roadm             ROADM add/drop, pass-through, OEO and set-up times
lightpath         lightpaths as core Network links; restorable RMSA
physical_reach    modulation reach tables from the GN-model GSNR
segment           the ``optical:`` scenario section: lightpaths, fibre cuts, restoration
"""

from netsim.optical import (
    amplifier,
    capacity,
    channel_plan,
    dynamic,
    fiber,
    gn_model,
    lightpath,
    modulation_reach,
    paths,
    physical_reach,
    rmsa,
    roadm,
    spectrum,
    topology,
    transceiver,
)
from netsim.optical.physical_reach import gsnr_reach_table
from netsim.optical.rmsa import RMSA, Allocation, RmsaOptions
from netsim.optical.roadm import RoadmParameters
from netsim.optical.topology import load_topology

__all__ = [
    "amplifier", "capacity", "channel_plan", "dynamic", "fiber", "gn_model",
    "modulation_reach", "paths", "rmsa", "spectrum", "topology", "transceiver",
    "lightpath", "physical_reach", "roadm",
    "RMSA", "RmsaOptions", "Allocation", "load_topology", "RoadmParameters",
    "gsnr_reach_table",
]
