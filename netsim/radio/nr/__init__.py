"""NR link layer: numerologies, bandwidths, MCS/CQI tables, TBS, max data rate, link adaptation.

Sources: 3GPP TS 38.211 V17.4.0 (4.2, 4.3, 5.3.1), TS 38.101-1/-2 V17.8.0 (Table 5.3.2-1),
TS 38.214 V17.4.0 (5.1.3.1, 5.1.3.2, 5.2.2.1), TS 38.212 V17.4.0 (5.2.2, 7.2.2),
TS 38.306 V17.4.0 (4.1.2). The BLER model is documented in :mod:`netsim.radio.nr.bler`.
"""

from netsim.radio.nr.bandwidth import (
    FREQUENCY_RANGES,
    max_transmission_bandwidth_rb,
    supported_bandwidths_hz,
)
from netsim.radio.nr.bler import (
    DEFAULT_SLOPE_PER_DB,
    awgn_sinr_10pct_bler_db,
    bler_awgn,
    cqi_sinr_threshold_db,
    mcs_bler,
    mcs_sinr_threshold_db,
    sinr_for_bler_db,
)
from netsim.radio.nr.data_rate import max_data_rate_bps
from netsim.radio.nr.link_adaptation import select_cqi, select_mcs
from netsim.radio.nr.numerology import (
    MINI_SLOT_SYMBOLS,
    T_C_S,
    Numerology,
    mini_slot_duration_s,
    numerology,
    slot_duration_s,
    subcarrier_spacing_hz,
    symbol_durations_s,
)
from netsim.radio.nr.tables import ModulationCodingTable, cqi_table, mcs_table, tbs_table_bits
from netsim.radio.nr.tbs import code_block_count, ldpc_base_graph, transport_block_size

__all__ = [
    "DEFAULT_SLOPE_PER_DB",
    "FREQUENCY_RANGES",
    "MINI_SLOT_SYMBOLS",
    "T_C_S",
    "ModulationCodingTable",
    "Numerology",
    "awgn_sinr_10pct_bler_db",
    "bler_awgn",
    "code_block_count",
    "cqi_sinr_threshold_db",
    "cqi_table",
    "ldpc_base_graph",
    "max_data_rate_bps",
    "max_transmission_bandwidth_rb",
    "mcs_bler",
    "mcs_sinr_threshold_db",
    "mcs_table",
    "mini_slot_duration_s",
    "numerology",
    "select_cqi",
    "select_mcs",
    "sinr_for_bler_db",
    "slot_duration_s",
    "subcarrier_spacing_hz",
    "supported_bandwidths_hz",
    "symbol_durations_s",
    "tbs_table_bits",
    "transport_block_size",
]
