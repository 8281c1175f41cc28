"""Per-slot MAC scheduler of every cell at once: round robin / proportional fair, HARQ.

One call of :func:`schedule_slot` handles one slot of every cell, in downlink and uplink
(``d = 0, 1``; FDD-like: each direction has the whole carrier every slot). With
non-slot-based scheduling (``minislot_symbols`` L < 14) a "slot" of this module is one
scheduling occasion of L symbols, the TBS table is built with ``n_symbols = L`` and the
HARQ round trip is counted in occasions (:func:`netsim.radio.harq.minislot_timing`).
Per cell:

1. PRBs reserved for HARQ retransmissions due in this slot are taken first
   (retransmissions have priority and reuse the PRBs of the first attempt).
2. The remaining PRBs go to UEs with data, one new TB per UE per slot, in metric order:
   round robin (the UE served longest ago first) or proportional fair
   (``r_u / R_u``: achievable rate over the whole carrier at the UE's MCS, divided by
   its exponentially averaged served rate, averaging time ``pf_window_slots``;
   Kelly, Maulloo, Tan 1998; Jalali, Padovani, Pankaj 2000). A UE gets the fewest PRBs
   whose TBS (TS 38.214 5.1.3.2, precomputed table ``tbs_bits[mcs, n_prb]``) holds its
   buffer, or all that remain.
3. Each new TB draws its HARQ outcome at once: attempt ``a`` fails with probability
   ``bler[d, u]`` independently (uniforms from the caller's generator, passed in), up to
   ``max_tx`` attempts; each failed attempt ``a < max_tx`` reserves the TB's PRBs in slot
   ``k + a * rtt`` (mini-slots: the sum of the phase-dependent round trips). The record
   says after how many attempts it was decoded (0: lost).

Attempts of one TB reuse the MCS and SINR of the first; with i.i.d. attempts the
residual loss is ``BLER^max_tx`` and the goodput of a full-buffer UE is
``TBS (1 - BLER)`` per slot.
"""

from __future__ import annotations

import numba
import numpy as np

__all__ = ["RR", "PF", "SCHEDULERS", "schedule_slot", "tbs_grid_bits"]

RR = 0
"""Round robin."""
PF = 1
"""Proportional fair."""
SCHEDULERS = {"rr": RR, "pf": PF}
"""Scheduler names (YAML) -> kernel codes."""


def tbs_grid_bits(n_prb_max: int, mcs_table: int = 1, n_symbols: int = 14,
                   n_dmrs_re_per_prb: int = 12, n_overhead_re_per_prb: int = 0,
                   n_layers: int = 1) -> np.ndarray:
    """TBS (bits) for every (MCS, n_PRB), shape (32, n_prb_max + 1); 0 for reserved MCS
    and n_PRB = 0. From :func:`netsim.radio.nr.transport_block_size` (TS 38.214 5.1.3.2).
    """
    from netsim.radio.nr import mcs_table as _mcs_table
    from netsim.radio.nr import transport_block_size

    t = _mcs_table(mcs_table)
    out = np.zeros((32, n_prb_max + 1), np.int64)
    prb = np.arange(1, n_prb_max + 1)
    for i, ok in zip(t.index, t.valid):
        if ok:
            out[int(i), 1:] = transport_block_size(
                prb, int(i), mcs_table=mcs_table, n_symbols=n_symbols,
                n_dmrs_re_per_prb=n_dmrs_re_per_prb,
                n_overhead_re_per_prb=n_overhead_re_per_prb, n_layers=n_layers)
    return out


@numba.njit(cache=True)
def schedule_slot(slot, kind, cell_ptr, cell_ues, active, mcs, bler, n_prb, tbs_bits,
                  buffer_bytes, avg_bits, last_served, reserved, rtt_slots, max_tx,
                  pf_beta, uniforms, u_pos, record, delivered_bits, tb_stats,
                  out_ue, out_dir, out_bytes, out_ntx):
    """Schedule slot ``slot`` of every cell in both directions (numba kernel).

    Parameters
    ----------
    slot : int
        Slot index.
    kind : int
        :data:`RR` or :data:`PF`.
    cell_ptr : int64[M + 1], cell_ues : int64[N]
        UEs of cell c are ``cell_ues[cell_ptr[c]:cell_ptr[c + 1]]`` (CSR).
    active : bool[N]
        UE schedulable (attached, not in a handover interruption).
    mcs : int64[2, N]
        MCS per direction (-1: out of coverage, not scheduled).
    bler : float64[2, N]
        BLER of one attempt at that MCS and the current SINR.
    n_prb : int
        PRBs of the carrier.
    tbs_bits : int64[32, n_prb + 1]
        TBS table.
    buffer_bytes : float64[2, N]
        Bytes waiting (``inf``: full buffer); decremented by what is scheduled.
    avg_bits : float64[2, N]
        PF average served bits per slot (updated).
    last_served : int64[2, N]
        Slot of the last new TB (round robin; updated).
    reserved : int64[2, M, L]
        PRBs reserved for retransmissions in slot ``s`` at ``[:, :, s % L]``.
    rtt_slots : int64[2 P]
        Slots (scheduling occasions) between HARQ attempts per direction, by phase:
        an attempt in occasion ``s`` is followed by one in ``s + rtt_slots[d * P + s % P]``.
        ``P = 1`` (shape (2,)) for slot-based scheduling; the occasion grid of mini-slots
        (:func:`netsim.radio.harq.minislot_timing`) may give a phase-dependent RTT.
    max_tx : int
        Maximum transmissions per TB.
    pf_beta : float
        PF averaging weight ``1 / pf_window_slots``.
    uniforms : float64[K], u_pos : int64[1]
        Uniform draws and the index of the next unused one (the caller refills).
    record : bool[2, N]
        Write a TB record for this UE (False for full-buffer UEs).
    delivered_bits, tb_stats : float64[2, N], int64[2, N, 2]
        Accumulated decoded bits; counts of (TBs, TBs lost).
    out_ue, out_dir, out_bytes, out_ntx : arrays of length >= 2 N
        TB records: UE, direction, payload bytes, attempts to decode (0: lost).

    Returns
    -------
    int
        Number of TB records written.
    """
    n_cells = cell_ptr.shape[0] - 1
    ring = reserved.shape[2]
    n_phase = rtt_slots.shape[0] // 2
    slot_i = slot % ring
    n_rec = 0
    pos = u_pos[0]
    for d in range(2):
        for c in range(n_cells):
            left = n_prb - reserved[d, c, slot_i]
            reserved[d, c, slot_i] = 0
            k0 = cell_ptr[c]
            k1 = cell_ptr[c + 1]
            served_mark = slot + 1  # last_served value marking "served this slot"
            while left > 0:
                best = -1
                best_m = -1e300
                for k in range(k0, k1):
                    u = cell_ues[k]
                    if not active[u] or mcs[d, u] < 0 or buffer_bytes[d, u] <= 0.0:
                        continue
                    if last_served[d, u] == served_mark:
                        continue
                    if kind == 1:
                        a = avg_bits[d, u]
                        m = tbs_bits[mcs[d, u], n_prb] / (a if a > 1e-9 else 1e-9)
                    else:
                        m = -float(last_served[d, u])
                    if m > best_m:
                        best_m = m
                        best = u
                if best < 0:
                    break
                u = best
                row = mcs[d, u]
                need = buffer_bytes[d, u] * 8.0
                if tbs_bits[row, left] <= need:
                    nprb = left
                else:  # fewest PRBs holding the buffer (TBS is non-decreasing in n_PRB)
                    lo = 1
                    hi = left
                    while lo < hi:
                        mid = (lo + hi) // 2
                        if tbs_bits[row, mid] >= need:
                            hi = mid
                        else:
                            lo = mid + 1
                    nprb = lo
                tb = tbs_bits[row, nprb]
                payload = tb / 8.0
                if payload > buffer_bytes[d, u]:
                    payload = buffer_bytes[d, u]
                buffer_bytes[d, u] -= payload
                last_served[d, u] = served_mark
                left -= nprb
                ntx = 0
                p = bler[d, u]
                s_att = slot  # slot (occasion) of the attempt
                for att in range(1, max_tx + 1):
                    x = uniforms[pos]
                    pos += 1
                    if x >= p:
                        ntx = att
                        break
                    if att < max_tx:
                        s_att += rtt_slots[d * n_phase + s_att % n_phase]
                        reserved[d, c, s_att % ring] += nprb
                tb_stats[d, u, 0] += 1
                if ntx == 0:
                    tb_stats[d, u, 1] += 1
                else:
                    delivered_bits[d, u] += payload * 8.0
                avg_bits[d, u] += pf_beta * (payload * 8.0 - avg_bits[d, u])
                if record[d, u]:
                    out_ue[n_rec] = u
                    out_dir[n_rec] = d
                    out_bytes[n_rec] = payload
                    out_ntx[n_rec] = ntx
                    n_rec += 1
            # PF averages decay for every UE of the cell not served a new TB this slot
            for k in range(k0, k1):
                u = cell_ues[k]
                if last_served[d, u] != served_mark:
                    avg_bits[d, u] -= pf_beta * avg_bits[d, u]
    # round robin order uses the slot of the last service: store it as slot + 1 marks
    u_pos[0] = pos
    return n_rec
