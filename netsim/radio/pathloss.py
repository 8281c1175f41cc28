"""Large-scale propagation of 3GPP TR 38.901 V17.0.0 (facade).

Path loss (Table 7.4.1-1), LOS probability (Table 7.4.2-1), shadow fading (Table
7.4.1-1 standard deviations, Table 7.5-6 decorrelation distances) and O2I penetration
loss (clause 7.4.3). The models live in :mod:`netsim.radio.tr38901`, one module per
clause; this module gathers the public names.
"""

from __future__ import annotations

from netsim.radio.tr38901.los import draw_los, los_probability
from netsim.radio.tr38901.o2i import (
    draw_car_penetration_loss_db,
    draw_indoor,
    draw_o2i_loss_db,
    indoor_fraction,
    material_penetration_loss_db,
    o2i_through_wall_loss_db,
)
from netsim.radio.tr38901.pathloss import (
    SCENARIOS,
    breakpoint_distance_m,
    path_loss_db,
    uma_effective_environment_height_m,
)
from netsim.radio.tr38901.shadowing import (
    correlated_shadow_fading_db,
    sf_decorrelation_distance_m,
    shadow_fading_grid_db,
    shadow_fading_std_db,
)

__all__ = [
    "SCENARIOS",
    "path_loss_db",
    "breakpoint_distance_m",
    "uma_effective_environment_height_m",
    "los_probability",
    "draw_los",
    "shadow_fading_std_db",
    "sf_decorrelation_distance_m",
    "correlated_shadow_fading_db",
    "shadow_fading_grid_db",
    "material_penetration_loss_db",
    "o2i_through_wall_loss_db",
    "draw_o2i_loss_db",
    "draw_car_penetration_loss_db",
    "indoor_fraction",
    "draw_indoor",
]
