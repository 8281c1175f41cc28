"""TBS determination, TS 38.214 V17.4.0 5.1.3.2, checked by hand and against peer vectors.

Hand examples show the arithmetic of the specification's steps 1-4. The peer vectors are
srsRAN Project ``tests/unittests/scheduler/support/tbs_calculator_test_data.h``, generated
with MATLAB 5G Toolbox (``srsTBSCalculatorUnittest.m``, seed 0, 14-09-2023); there the
config is {N_symb^sh, N_DMRS^PRB, N_oh^PRB, {modulation, R x 1024}, v, TB scaling field,
n_PRB} -> TBS.
"""

import itertools

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.radio.nr import code_block_count, ldpc_base_graph, transport_block_size


def test_step3_table_lookup_by_hand():
    # n_PRB = 10, 14 symbols, 12 DM-RS REs, MCS table 1 index 5 (QPSK, R = 379/1024):
    # N'_RE = 12*14 - 12 = 156; N_RE = 156*10 = 1560
    # N_info = 1560 * 379/1024 * 2 = 1154.765625 <= 3824 -> step 3
    # n = max(3, floor(log2 1154.77) - 6) = max(3, 10 - 6) = 4
    # N'_info = max(24, 16 * floor(1154.77/16)) = 16 * 72 = 1152
    # Table 5.1.3.2-1: smallest TBS >= 1152 is 1160.
    assert transport_block_size(10, 5, n_symbols=14, n_dmrs_re_per_prb=12) == 1160


def test_step3_minimum_24_by_hand():
    # n_PRB = 1, 2 symbols, 6 DM-RS REs, QPSK R = 120/1024:
    # N'_RE = 24 - 6 = 18; N_info = 18 * 120/1024 * 2 = 4.21875
    # n = max(3, 2 - 6) = 3; N'_info = max(24, 8*floor(0.527)) = max(24, 0) = 24 -> TBS 24
    assert transport_block_size(1, 0, n_symbols=2, n_dmrs_re_per_prb=6) == 24


def test_step4_low_rate_branch_by_hand():
    # n_PRB = 100, 14 symbols, 12 DM-RS; MCS table 3 index 9: QPSK, R = 251/1024 <= 1/4
    # N_RE = 156*100 = 15600; N_info = 15600 * 251/1024 * 2 = 7647.65625 > 3824 -> step 4
    # n = floor(log2(7623.66)) - 5 = 12 - 5 = 7
    # N'_info = max(3840, 128 * round(7623.66/128 = 59.56)) = 128*60 = 7680
    # R <= 1/4: C = ceil((7680 + 24)/3816) = 3; TBS = 24*ceil(7704/24) - 24 = 7704 - 24 = 7680
    assert transport_block_size(100, 9, mcs_table=3) == 7680


def test_step4_single_code_block_branch_by_hand():
    # n_PRB = 20, MCS table 1 index 10: 16QAM, R = 340/1024 > 1/4
    # N_RE = 3120; N_info = 3120 * 340/1024 * 4 = 4143.75; n = floor(log2 4119.75) - 5 = 7
    # N'_info = max(3840, 128 * round(32.19)) = 4096 <= 8424
    # TBS = 8 * ceil((4096 + 24)/8) - 24 = 4120 - 24 = 4096
    assert transport_block_size(20, 10) == 4096


def test_step4_segmented_branch_by_hand():
    # n_PRB = 273, MCS table 2 index 27 (256QAM, R = 948/1024), 4 layers
    # N_RE = 156*273 = 42588; N_info = 42588 * 948/1024 * 8 * 4 = 1261669.5
    # n = floor(log2(1261645.5)) - 5 = 20 - 5 = 15
    # N'_info = 32768 * round(38.502) = 32768 * 39 = 1277952 > 8424
    # C = ceil(1277976/8424) = 152; TBS = 1216 * ceil(1277976/1216) - 24
    #     = 1216 * 1051 - 24 = 1277992
    assert transport_block_size(273, 27, mcs_table=2, n_layers=4) == 1277992


def test_step4_round_half_up():
    # 38.214 5.1.3.2 step 4: "ties in the round function are broken towards the next largest
    # integer". 16QAM, R = 512/1024, n_PRB = 31, 7 symbols, no DM-RS:
    # N_RE = 84*31 = 2604; N_info = 2604 * 0.5 * 4 = 5208; n = floor(log2 5184) - 5 = 7
    # (5208 - 24)/128 = 40.5 -> 41 (half-even would give 40 -> TBS 5120)
    # N'_info = 5248; TBS = 8*ceil(5272/8) - 24 = 5248
    tbs = transport_block_size(
        31, modulation_order=4, code_rate_x1024=512, n_symbols=7, n_dmrs_re_per_prb=0
    )
    assert tbs == 5248


def test_156_re_cap_and_overhead():
    # 14 symbols, no DM-RS: N'_RE = 168 is capped at 156, so TBS equals the 12-DM-RS case.
    a = transport_block_size(50, 20, n_symbols=14, n_dmrs_re_per_prb=0)
    b = transport_block_size(50, 20, n_symbols=14, n_dmrs_re_per_prb=12)
    assert a == b
    # xOverhead 18 lowers N'_RE from 156 to 138, so the TBS drops.
    assert transport_block_size(50, 20, n_overhead_re_per_prb=18) < b


# srsRAN / MATLAB vectors: for each modulation, TBS in the nested order
# v in (1, 4) > n_PRB in (6, 11) > N_DMRS in (6, 36) > R x 1024 in (102.4, 921.6)
# > N_oh in (0, 12) > TB scaling field in (0, 2) (S = 1, 0.25), always 12 symbols.
_SRSRAN_TBS = {
    2: [160, 40, 144, 32, 1544, 368, 1416, 336, 128, 32, 112, 24, 1160, 288, 1032, 256,
        304, 72, 272, 64, 2728, 704, 2472, 640, 240, 56, 208, 48, 2152, 528, 1928, 480,
        672, 160, 608, 144, 5888, 1544, 5376, 1416, 528, 128, 456, 112, 4608, 1160, 4096, 1032,
        1224, 304, 1128, 272, 11016, 2728, 9992, 2472, 984, 240, 848, 208, 8456, 2152, 7552,
        1928],
    4: [336, 80, 304, 72, 2976, 768, 2728, 704, 256, 64, 224, 56, 2408, 576, 2088, 528,
        608, 144, 552, 136, 5504, 1416, 4992, 1256, 480, 112, 432, 104, 4224, 1064, 3824, 984,
        1320, 336, 1224, 304, 11784, 2976, 10760, 2728, 1032, 256, 928, 224, 9224, 2408, 8192,
        2088, 2408, 608, 2216, 552, 22032, 5504, 19968, 4992, 1928, 480, 1736, 432, 16896, 4224,
        15112, 3824],
    6: [504, 120, 456, 112, 4480, 1128, 4032, 1032, 384, 96, 352, 80, 3496, 888, 3104, 808,
        928, 224, 848, 208, 8192, 2088, 7424, 1864, 736, 176, 640, 152, 6400, 1608, 5632, 1480,
        2024, 504, 1864, 456, 17928, 4480, 16392, 4032, 1608, 384, 1416, 352, 14088, 3496, 12552,
        3104, 3624, 928, 3368, 848, 32776, 8192, 29704, 7424, 2856, 736, 2536, 640, 25608, 6400,
        23040, 5632],
    8: [672, 160, 608, 144, 5888, 1544, 5376, 1416, 528, 128, 456, 112, 4608, 1160, 4096, 1032,
        1224, 304, 1128, 272, 11016, 2728, 9992, 2472, 984, 240, 848, 208, 8456, 2152, 7552, 1928,
        2664, 672, 2408, 608, 24072, 5888, 21504, 5376, 2088, 528, 1864, 456, 18432, 4608, 16392,
        4096, 4872, 1224, 4360, 1128, 44040, 11016, 39936, 9992, 3824, 984, 3368, 848, 33816,
        8456, 30216, 7552],
}


def _srsran_cases():
    for qm, tbs_list in _SRSRAN_TBS.items():
        combos = itertools.product((1, 4), (6, 11), (6, 36), (102.4, 921.6), (0, 12), (1.0, 0.25))
        for (v, n_prb, dmrs, r, oh, s), tbs in zip(combos, tbs_list, strict=True):
            yield qm, v, n_prb, dmrs, r, oh, s, tbs


def test_srsran_matlab_vectors_vectorised():
    cases = np.array(list(_srsran_cases()), dtype=np.float64)
    assert cases.shape == (256, 8)
    qm, v, n_prb, dmrs, r, oh, s, expected = cases.T
    got = transport_block_size(
        n_prb.astype(int), modulation_order=qm.astype(int), code_rate_x1024=r,
        n_symbols=12, n_dmrs_re_per_prb=dmrs.astype(int), n_overhead_re_per_prb=oh.astype(int),
        n_layers=v.astype(int), tb_scaling=s,
    )
    np.testing.assert_array_equal(got, expected.astype(np.int64))


def test_broadcast_shape_and_scalar_type():
    out = transport_block_size(np.array([[1], [2]]), np.arange(3))
    assert out.shape == (2, 3) and out.dtype == np.int64
    assert isinstance(transport_block_size(5, 3), int)


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"n_prb": 0, "mcs_index": 1}, "n_prb"),
        ({"n_prb": 276, "mcs_index": 1}, "n_prb"),
        ({"n_prb": 10, "mcs_index": 29}, "mcs_index"),  # reserved in Table 5.1.3.1-1
        ({"n_prb": 10, "mcs_index": 28, "mcs_table": 2}, "mcs_index"),  # reserved in -2
        ({"n_prb": 10, "mcs_index": 1, "mcs_table": 4}, "mcs_table"),
        ({"n_prb": 10, "mcs_index": 1, "n_symbols": 15}, "n_symbols"),
        ({"n_prb": 10, "mcs_index": 1, "n_overhead_re_per_prb": 5}, "n_overhead_re_per_prb"),
        ({"n_prb": 10, "mcs_index": 1, "tb_scaling": 0.3}, "tb_scaling"),
        ({"n_prb": 10, "mcs_index": 1, "n_layers": 9}, "n_layers"),
        ({"n_prb": 10, "mcs_index": 1, "n_symbols": 1, "n_dmrs_re_per_prb": 12},
         "n_dmrs_re_per_prb"),
        ({"n_prb": 10, "modulation_order": 3, "code_rate_x1024": 500}, "modulation_order"),
        ({"n_prb": 10, "modulation_order": 2, "code_rate_x1024": 1024}, "code_rate_x1024"),
        ({"n_prb": 10}, "mcs_index"),
    ],
)
def test_errors_name_the_field(kwargs, field):
    with pytest.raises(ParameterError) as exc:
        transport_block_size(**kwargs)
    assert exc.value.field == field


def test_ldpc_base_graph_ts38212_7_2_2():
    # BG2 if A <= 292, or A <= 3824 and R <= 0.67, or R <= 0.25; BG1 otherwise.
    assert ldpc_base_graph(292, 900) == 2
    assert ldpc_base_graph(3824, 0.67 * 1024) == 2
    assert ldpc_base_graph(3824, 0.68 * 1024) == 1
    assert ldpc_base_graph(100000, 256) == 2
    assert ldpc_base_graph(100000, 257) == 1


def test_code_block_count_ts38212_5_2_2():
    # BG1: B = 1277992 + 24 = 1278016 > 8448 -> C = ceil(1278016/8424) = 152 (the same C the
    # TBS step used). BG2: A = 7680, B = 7704 > 3840 -> C = ceil(7704/3816) = 3.
    assert code_block_count(1277992, 1) == 152
    assert code_block_count(7680, 2) == 3
    # A = 3824: L = 16, B = 3840 <= 3840 (BG2) -> one code block.
    assert code_block_count(3824, 2) == 1
    np.testing.assert_array_equal(code_block_count([8424, 8425], 1), [1, 2])
