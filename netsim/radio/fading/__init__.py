"""Small-scale fading: Clarke/Jakes Rayleigh and Rician processes, TR 38.901 TDL models.

See :mod:`netsim.radio.fading.sum_of_sinusoids` (time-correlated flat/block fading) and
:mod:`netsim.radio.fading.tdl` (TDL-A..E, TR 38.901 V17.0.0 7.7.2, 7.7.3).
"""

from netsim.radio.fading.sum_of_sinusoids import (
    DEFAULT_N_SINUSOIDS,
    SumOfSinusoidsFading,
    block_fading_gains,
    max_doppler_hz,
)
from netsim.radio.fading.tdl import (
    TDL_MODELS,
    TdlProfile,
    frequency_response,
    tdl_example_delay_spread_s,
    tdl_profile,
    tdl_tap_gains,
)

__all__ = [
    "DEFAULT_N_SINUSOIDS",
    "TDL_MODELS",
    "SumOfSinusoidsFading",
    "TdlProfile",
    "block_fading_gains",
    "frequency_response",
    "max_doppler_hz",
    "tdl_example_delay_spread_s",
    "tdl_profile",
    "tdl_tap_gains",
]
