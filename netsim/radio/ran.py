"""Radio access network at run time: gNBs, UEs, per-slot MAC, HARQ, handover.

:class:`RadioAccessNetwork` owns the air links (:class:`~netsim.radio.airlink.AirLink`,
one per UE and direction) between each UE node and the node of its serving gNB site,
and keeps them true as simulated time advances with two kinds of events:

- every slot (one simpy event for all cells): :func:`netsim.radio.scheduler.schedule_slot`
  schedules downlink and uplink of every cell (round robin or proportional fair) and
  draws HARQ outcomes; the TB records are mapped onto the packets of the UE buffers;
- every ``update_interval_s`` (large scale): UEs move; coupling loss, SINR, MCS and BLER
  are recomputed; A3 handover is evaluated.

Large scale (per UE u and cell m): ``CL = PL(TR 38.901 Table 7.4.1-1, with wrap-around
distances on a hexagonal layout) + SF + O2I - G_cell``, with LOS drawn once per UE and
site from TR 38.901 Table 7.4.2-1, shadow fading i.i.d. N(0, sigma_SF) per UE and site
(fixed for the run), O2I per TR 38.901 7.4.3 for indoor UEs, and the TR 38.901 Table 7.3-1
element pattern of each sector panel. Downlink SINR: serving power over full-buffer
interference from every other cell plus thermal noise ``-174 + 10 log10 B + NF_UE``
(:func:`netsim.radio.sinr.thermal_noise_dbm`). Uplink: SNR of the UE's transmit power at
the serving cell minus ``ul_interference_margin_db`` (uplink interference is not
modelled per interferer). MCS: the highest whose model BLER at that SINR is at most the
target (:func:`netsim.radio.nr.select_mcs`); BLER of one attempt from
:func:`netsim.radio.nr.mcs_bler`.

Timing (:mod:`netsim.radio.harq`): a packet in a UE buffer at the start of slot k may go
in slot k; a downlink TB of slot k is decoded at ``(k + 1) T_slot + T_proc,1``; an uplink
TB granted in slot k is sent in slot ``k + K2`` and decoded at the end of it plus
``T_proc,1``; each failed attempt adds the HARQ RTT. Uplink scheduling assumes the gNB
knows the UE buffers (ideal buffer status reports, no scheduling-request delay).
With ``minislot_symbols`` L in {2, 4, 7} (non-slot-based, PDSCH/PUSCH mapping type B)
the event runs at every mini-slot (scheduling occasion) instead, TBs span L symbols, and
the timing is that of :func:`netsim.radio.harq.minislot_timing` (T_proc,1 with the
TS 38.214 5.3 d_1,1 of mapping type B; K2 and HARQ RTT counted in occasions).

Handover: A3 (:class:`netsim.radio.handover.A3Handover`); on execution the UE is not
scheduled for ``interruption_s``; packets that arrive meanwhile wait in its buffer (none
are lost); when the new cell belongs to another site the UE's air links move to that
site's node (a new link pair is added on first use; the old one forwards what it holds
and goes down), so routes through the core change.
"""

from __future__ import annotations

import numba
import numpy as np

from netsim.core.simulation import Callback
from netsim.errors import ParameterError
from netsim.radio.airlink import AirLink
from netsim.radio.handover import A3Handover
from netsim.radio.harq import harq_timing, minislot_timing
from netsim.radio.mobility import Mobility
from netsim.radio.scheduler import SCHEDULERS, schedule_slot, tbs_grid_bits

__all__ = ["RadioAccessNetwork"]

_U_BLOCK = 1 << 15


class RadioAccessNetwork:
    """gNBs and UEs of one radio access segment, attached to a :class:`~netsim.Network`.

    Parameters
    ----------
    sim, net : Simulation, Network
    site_names : list of str
        Node name of each site (added to the network if missing).
    cell_xy_m : array (M, 2)
        Cell antenna positions (m).
    cell_site : array of int (M,)
        Site index of each cell.
    ue_names : list of str
        UE node names (added if missing).
    ue_xy_m : array (N, 2)
        Initial UE positions (m).
    carrier_hz, bandwidth_hz : float
        Carrier frequency and channel bandwidth (Hz).
    mu : int
        Numerology (TS 38.211 4.2).
    n_prb : int
        PRBs of the carrier (e.g. from :func:`netsim.radio.nr.max_transmission_bandwidth_rb`).
    cell_boresight_deg : array (M,), optional
        Sector panel azimuths (deg); None: omnidirectional 0 dBi cells.
    wrap : (isd_m, n_rings), optional
        Hexagonal wrap-around distances (:mod:`netsim.radio.layout`).
    scenario : str
        Path-loss scenario of :func:`netsim.radio.pathloss.path_loss_db`.
    los : {"probabilistic", "los", "nlos"}
    shadow_fading : bool
    indoor : array of bool (N,), optional
    o2i_model : {"low", "high"}
    h_bs_m, h_ut_m, downtilt_deg : float
    tx_power_dbm, ue_tx_power_dbm : float
        gNB (per cell, whole carrier) and UE transmit powers (dBm).
    ue_noise_figure_db, gnb_noise_figure_db, ul_interference_margin_db : float
    scheduler : {"pf", "rr"}
    pf_window_slots : float
    mcs_table : {1, 2, 3}
    target_bler : float
        Link-adaptation target (0.1; 1e-5 for URLLC).
    max_tx : int
        HARQ transmissions per TB.
    capability : {1, 2}
        UE processing capability (TS 38.214 5.3 / 6.4).
    minislot_symbols : {14, 2, 4, 7}
        Symbols per scheduling occasion and TB: 14 slot-based (default); 2, 4, 7
        non-slot-based, PDSCH/PUSCH mapping type B (TS 38.214 Table 5.1.2.1-1, 6.1.2.1;
        timing: :func:`netsim.radio.harq.minislot_timing`). ``pf_window_slots`` is then
        counted in occasions.
    update_interval_s : float
        Large-scale update and A3 evaluation interval (s).
    mobility : Mobility, optional
    handover : dict, optional
        ``offset_db``, ``hysteresis_db``, ``time_to_trigger_s``, ``interruption_s``;
        None disables handover.
    full_buffer : array of bool (2, N) or bool
        Directions and UEs with an infinite backlog (no packets; for capacity studies).
    fixed_sinr_db : float or array (2, N), optional
        Use these SINRs instead of the propagation model (tests, link abstraction).
    doppler_residual_cfo : float, optional
        None (default): no Doppler term. Else the OFDM inter-carrier interference of each
        UE's speed (Jakes spectrum, maximum Doppler ``v f_c / c``, over ``1 / SCS``) enters
        every SINR update as noise, with this fraction of the maximum Doppler left as a
        residual frequency offset (:func:`netsim.radio.doppler.ici_power_ofdm`).
    rng_prefix : str
        Prefix of the random stream names.
    """

    def __init__(self, sim, net, *, site_names, cell_xy_m, cell_site, ue_names, ue_xy_m,
                 carrier_hz, bandwidth_hz, mu, n_prb, cell_boresight_deg=None, wrap=None,
                 scenario="UMa", los="probabilistic", shadow_fading=True, indoor=None,
                 o2i_model="low", h_bs_m=25.0, h_ut_m=1.5, downtilt_deg=12.0,
                 min_distance_m=10.0, tx_power_dbm=46.0, ue_tx_power_dbm=23.0,
                 ue_noise_figure_db=9.0, gnb_noise_figure_db=5.0,
                 ul_interference_margin_db=0.0, scheduler="pf", pf_window_slots=100.0,
                 mcs_table=1, target_bler=0.1, max_tx=4, capability=1, minislot_symbols=14,
                 update_interval_s=0.01, mobility=None, handover=None, full_buffer=False,
                 fixed_sinr_db=None, air_delay_s=None, doppler_residual_cfo=None,
                 rng_prefix="radio"):
        self.sim = sim
        self.net = net
        if scheduler not in SCHEDULERS:
            raise ParameterError("scheduler", scheduler, f"one of {sorted(SCHEDULERS)}")
        if los not in ("probabilistic", "los", "nlos"):
            raise ParameterError("los", los, "'probabilistic', 'los' or 'nlos'")
        if not update_interval_s > 0:
            raise ParameterError("update_interval_s", update_interval_s, "> 0 s")
        if not 0.0 < target_bler < 1.0:
            raise ParameterError("target_bler", target_bler, "in (0, 1)")
        self.site_names = list(site_names)
        self.ue_names = list(ue_names)
        self.cell_xy = np.asarray(cell_xy_m, float).reshape(-1, 2)
        self.cell_site = np.asarray(cell_site, np.int64)
        self.n_cells = self.cell_xy.shape[0]
        n = self.n_ues = len(self.ue_names)
        self.bore = None if cell_boresight_deg is None else np.asarray(cell_boresight_deg, float)
        self.wrap = wrap
        self.scenario = scenario
        self.carrier_hz = float(carrier_hz)
        self.bandwidth_hz = float(bandwidth_hz)
        self.mu = int(mu)
        self.n_prb = int(n_prb)
        self.h_bs_m, self.h_ut_m = float(h_bs_m), float(h_ut_m)
        self.downtilt_deg = float(downtilt_deg)
        self.min_distance_m = float(min_distance_m)
        self.tx_power_dbm = float(tx_power_dbm)
        self.ue_tx_power_dbm = float(ue_tx_power_dbm)
        self.ue_nf_db, self.gnb_nf_db = float(ue_noise_figure_db), float(gnb_noise_figure_db)
        self.ul_margin_db = float(ul_interference_margin_db)
        self.kind = SCHEDULERS[scheduler]
        self.pf_beta = 1.0 / float(pf_window_slots)
        self.mcs_table = int(mcs_table)
        self.target_bler = float(target_bler)
        self.timing = harq_timing(self.mu, capability, max_tx)
        self.slot_s = self.timing.slot_s
        # non-slot-based scheduling: one scheduling occasion per mini-slot (None: slots)
        self.minislot = None if minislot_symbols == 14 else minislot_timing(
            self.mu, capability, max_tx, minislot_symbols)
        self.minislot_symbols = 14 if self.minislot is None else self.minislot.minislot_symbols
        self._occ_s = self.slot_s / (1 if self.minislot is None else self.minislot.per_slot)
        self.update_interval_s = float(update_interval_s)
        self.fixed_sinr_db = None if fixed_sinr_db is None else np.broadcast_to(
            np.asarray(fixed_sinr_db, float), (2, n)).copy()
        self._rng = sim.rng(f"{rng_prefix}:harq")
        drop_rng = sim.rng(f"{rng_prefix}:drop")
        self.mobility = mobility or Mobility(np.asarray(ue_xy_m, float).reshape(-1, 2))
        self._ici_power = None if doppler_residual_cfo is None else self._doppler_ici(
            float(doppler_residual_cfo))
        self.indoor = np.zeros(n, bool) if indoor is None else np.asarray(indoor, bool)
        # per UE and site: LOS state, shadow fading, O2I (drawn once, TR 38.901 7.4-7.5)
        n_sites = len(self.site_names)
        self._site_first_cell = np.unique(self.cell_site, return_index=True)[1]
        if self._site_first_cell.shape[0] != n_sites:
            raise ParameterError("cell_site", self.cell_site.tolist(),
                                 f"every site 0..{n_sites - 1} with at least one cell")
        d0 = self._distances()[0][:, self._site_first_cell]
        d0 = np.maximum(d0, self.min_distance_m)
        if scenario == "FSPL" or los == "los":
            self.los = np.ones((n, n_sites), bool)
        elif los == "nlos":
            self.los = np.zeros((n, n_sites), bool)
        else:
            from netsim.radio.pathloss import draw_los

            self.los = np.asarray(draw_los(scenario, d0, drop_rng, self.h_ut_m), bool)
        self.los &= ~self.indoor[:, None] | (scenario == "FSPL")
        self.sf_db = np.zeros((n, n_sites))
        if shadow_fading and scenario != "FSPL":
            from netsim.radio.pathloss import shadow_fading_std_db

            std = np.asarray(shadow_fading_std_db(scenario, self.los, d2d_m=d0,
                                                  freq_hz=self.carrier_hz,
                                                  h_bs_m=self.h_bs_m, h_ut_m=self.h_ut_m))
            self.sf_db = drop_rng.standard_normal((n, n_sites)) * std
        self.o2i_db = np.zeros(n)
        if self.indoor.any():
            from netsim.radio.pathloss import draw_o2i_loss_db

            self.o2i_db[self.indoor] = draw_o2i_loss_db(
                scenario, self.carrier_hz, int(self.indoor.sum()), drop_rng, o2i_model)
        # state of the MAC (arrays the kernel works on)
        self.tbs_bits = tbs_grid_bits(self.n_prb, self.mcs_table,
                                      n_symbols=self.minislot_symbols)
        self.active = np.ones(n, bool)
        self.mcs = np.full((2, n), -1, np.int64)
        self.bler = np.ones((2, n))
        self.sinr_db = np.full((2, n), -np.inf)
        self.rsrp_dbm = np.full((n, self.n_cells), -np.inf)
        fb = np.broadcast_to(np.asarray(full_buffer, bool), (2, n))
        self.full_buffer = fb.copy()
        self.buffer = np.where(fb, np.inf, 0.0)
        self.record = ~fb
        self.avg_bits = np.zeros((2, n))
        self.last_served = np.zeros((2, n), np.int64)
        if self.minislot is None:
            self.rtt = np.array([self.timing.rtt_dl_slots, self.timing.rtt_ul_slots], np.int64)
        else:  # per phase of the occasion grid (scheduler.schedule_slot, rtt_slots)
            self.rtt = np.concatenate([self.minislot.rtt_dl_occ,
                                       self.minislot.rtt_ul_occ]).astype(np.int64)
        ring = self.timing.max_tx * int(self.rtt.max()) + 1
        self.reserved = np.zeros((2, self.n_cells, ring), np.int64)
        self.delivered_bits = np.zeros((2, n))
        self.tb_stats = np.zeros((2, n, 2), np.int64)
        self._out = (np.zeros(2 * n, np.int64), np.zeros(2 * n, np.int64),
                     np.zeros(2 * n), np.zeros(2 * n, np.int64))
        self._u = self._rng.random(_U_BLOCK)
        self._upos = np.zeros(1, np.int64)
        self.slot = 0
        self._n_update = 0
        self.handovers: list[tuple[float, int, int, int]] = []
        self._owner: dict[int, AirLink] = {}
        # association and links
        self._large_scale()
        self.serving = np.argmax(self.rsrp_dbm, axis=1).astype(np.int64)
        self._csr()
        self._link_quality()
        self.ho = None
        self.interruption_s = 0.0
        if handover is not None:
            h = dict(handover)
            self.interruption_s = float(h.pop("interruption_s", 0.0))
            if self.interruption_s < 0:
                raise ParameterError("handover.interruption_s", self.interruption_s, ">= 0 s")
            self.ho = A3Handover(n, **h)
        for name in self.site_names + self.ue_names:
            if name not in net.graph:
                net.add_node(name, segment="radio")
        self.air_delay_s = self._occ_s if air_delay_s is None else float(air_delay_s)
        self.links: list[dict[int, tuple[AirLink, AirLink]]] = [dict() for _ in range(n)]
        self._cur = [[None] * n, [None] * n]  # [direction][ue] -> AirLink
        for u in range(n):
            self._attach(u, int(self.cell_site[self.serving[u]]))
        self._slot_cb = Callback(self._on_slot)
        self._ls_cb = Callback(self._on_update)
        sim.schedule(0.0, self._slot_cb)
        sim.schedule(self.update_interval_s, self._ls_cb)

    # -- geometry and link quality --------------------------------------------------------
    def _distances(self):
        xy = self.mobility.xy_m
        if self.wrap is not None:
            from netsim.radio.layout import wrap_around_distances

            w = wrap_around_distances(xy, self.cell_xy, *self.wrap)
            return w.distance_m, w.azimuth_deg
        dx = xy[:, None, 0] - self.cell_xy[None, :, 0]
        dy = xy[:, None, 1] - self.cell_xy[None, :, 1]
        return np.hypot(dx, dy), np.degrees(np.arctan2(dy, dx))

    def _large_scale(self) -> None:
        """Coupling loss and received power per UE and cell (see the module docstring)."""
        from netsim.radio.pathloss import path_loss_db

        d2d, az = self._distances()
        # a UE nearer than min_distance_m (TR 38.901 Table 7.8-1 minimum BS-UT distance)
        # is evaluated at that distance: the path-loss table is not valid closer in
        d2d = np.maximum(d2d, self.min_distance_m)
        # path loss per UE and site (the sectors of a site share it), one thread: the
        # parallel kernel's thread start-up dominates for arrays this small
        first = self._site_first_cell
        prev = numba.get_num_threads()
        numba.set_num_threads(1)
        try:
            pl_site = np.asarray(path_loss_db(self.scenario, d2d[:, first], self.carrier_hz,
                                              self.h_bs_m, self.h_ut_m, self.los))
        finally:
            numba.set_num_threads(prev)
        cl = (pl_site + self.sf_db)[:, self.cell_site] + self.o2i_db[:, None]
        if self.bore is not None:
            from netsim.radio.antenna import sector_element_gain_dbi

            zen = np.degrees(np.arctan2(d2d, self.h_bs_m - self.h_ut_m))
            cl = cl - sector_element_gain_dbi(zen, az, self.bore[None, :], self.downtilt_deg)
        self.cl_db = cl
        self.rsrp_dbm = self.tx_power_dbm - cl

    def _doppler_ici(self, residual_cfo_fraction: float) -> np.ndarray:
        """ICI power ratio per UE (speeds are fixed for the run; 0 for static UEs)."""
        from netsim.radio.doppler import ici_power_ofdm
        from netsim.radio.nr.numerology import subcarrier_spacing_hz

        mob = self.mobility
        n = len(self.ue_names)
        v = mob.speed_m_s if mob.model != "static" else np.zeros(n)
        return np.asarray(ici_power_ofdm(v, self.carrier_hz, subcarrier_spacing_hz(self.mu),
                                          residual_cfo_fraction), float).reshape(n)

    def _link_quality(self) -> None:
        from netsim.radio.nr import mcs_bler, select_mcs
        from netsim.radio.sinr import thermal_noise_dbm

        n = self.n_ues
        idx = np.arange(n)
        if self.fixed_sinr_db is not None:
            sinr = self.fixed_sinr_db
        else:
            p_mw = 10.0 ** (self.rsrp_dbm / 10.0)
            s = p_mw[idx, self.serving]
            noise_dl = 10.0 ** (thermal_noise_dbm(self.bandwidth_hz, self.ue_nf_db) / 10.0)
            dl = 10.0 * np.log10(s / (p_mw.sum(1) - s + noise_dl))
            ul = (self.ue_tx_power_dbm - self.cl_db[idx, self.serving]
                  - thermal_noise_dbm(self.bandwidth_hz, self.gnb_nf_db) - self.ul_margin_db)
            sinr = np.vstack([dl, ul])
        if self._ici_power is not None:
            # OFDM inter-carrier interference of each UE's speed, added as noise
            # (netsim.radio.doppler; docs/radio-doppler.md)
            from netsim.radio.doppler import effective_sinr_db

            sinr = effective_sinr_db(sinr, self._ici_power[None, :])
        self.sinr_db = sinr
        mcs = np.asarray(select_mcs(sinr, self.mcs_table, self.target_bler), np.int64)
        self.mcs = mcs
        ok = mcs >= 0
        bler = np.ones((2, n))
        if ok.any():
            bler[ok] = mcs_bler(sinr[ok], mcs[ok], self.mcs_table)
        self.bler = bler

    def _csr(self) -> None:
        order = np.argsort(self.serving, kind="stable")
        counts = np.bincount(self.serving, minlength=self.n_cells)
        self.cell_ptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self.cell_ues = order.astype(np.int64)

    # -- links ----------------------------------------------------------------------------
    def _attach(self, u: int, site: int) -> None:
        pair = self.links[u].get(site)
        ue, gnb = self.ue_names[u], self.site_names[site]
        if pair is None:
            rate = float(self.tbs_bits[:, self.n_prb].max()
                         / self._occ_s)
            dl = self.net.add_link(gnb, ue, rate_bps=rate, delay_s=self.air_delay_s,
                                   bidirectional=False, segment="radio", link_cls=AirLink,
                                   ran=self, ue=u, direction=0)
            ul = self.net.add_link(ue, gnb, rate_bps=rate, delay_s=self.air_delay_s,
                                   bidirectional=False, segment="radio", link_cls=AirLink,
                                   ran=self, ue=u, direction=1)
            pair = self.links[u][site] = (dl, ul)
        else:
            for link in pair:
                link.forward_to = None
                link.up = True
        self._cur[0][u], self._cur[1][u] = pair

    def _link(self, d: int, u: int) -> AirLink | None:
        return self._cur[d][u]

    def link_of(self, ue: str, direction: str = "dl") -> AirLink:
        """The current air link of UE ``ue`` (``"dl"`` or ``"ul"``)."""
        return self._cur[0 if direction == "dl" else 1][self.ue_names.index(ue)]

    # -- called by the air links ---------------------------------------------------------
    def _enqueue(self, d: int, u: int, nbytes: float) -> None:
        if not self.full_buffer[d, u]:
            self.buffer[d, u] += nbytes

    def _flush(self, d: int, u: int) -> None:
        if not self.full_buffer[d, u]:
            self.buffer[d, u] = 0.0

    def _loss_due(self, link: AirLink, pkt, t_s: float) -> None:
        self._owner[pkt.pid] = link
        pid = pkt.pid

        def fire():
            owner = self._owner.pop(pid, None)
            if owner is not None:
                owner._expire(pkt)

        self.sim.call_at(max(t_s, self.sim.env.now), fire)

    def _reown(self, pkt, link: AirLink) -> None:
        if pkt.pid in self._owner:
            self._owner[pkt.pid] = link

    # -- events ---------------------------------------------------------------------------
    def _on_slot(self, _cb) -> None:
        if self._u.shape[0] - self._upos[0] < 2 * self.n_ues * self.timing.max_tx:
            self._u = self._rng.random(_U_BLOCK)
            self._upos[0] = 0
        out_ue, out_dir, out_bytes, out_ntx = self._out
        k = self.slot
        n_rec = schedule_slot(
            k, self.kind, self.cell_ptr, self.cell_ues, self.active, self.mcs, self.bler,
            self.n_prb, self.tbs_bits, self.buffer, self.avg_bits, self.last_served,
            self.reserved, self.rtt, self.timing.max_tx, self.pf_beta, self._u, self._upos,
            self.record, self.delivered_bits, self.tb_stats, out_ue, out_dir, out_bytes,
            out_ntx)
        if self.minislot is not None:
            self._assign_minislot(k, n_rec)
            self.slot = k + 1
            self.sim.schedule(self.minislot.occasion_start_s(k + 1) - self.sim.env._now,
                              self._slot_cb)
            return
        if n_rec:
            t = self.timing
            for i in range(n_rec):
                d = int(out_dir[i])
                ntx = int(out_ntx[i])
                first = k + (t.k2_slots if d == 1 else 0)
                last = first + ((ntx if ntx else t.max_tx) - 1) * int(self.rtt[d])
                due = (last + 1) * self.slot_s + t.t_proc1_s
                self._cur[d][int(out_ue[i])]._assign(float(out_bytes[i]), ntx > 0, due)
        self.slot = k + 1
        self.sim.schedule((k + 1) * self.slot_s - self.sim.env._now, self._slot_cb)

    def _assign_minislot(self, k: int, n_rec: int) -> None:
        """Hand the TB records of occasion ``k`` to the air links (mini-slot timing of
        :func:`netsim.radio.harq.minislot_timing`): a downlink TB is decoded ``T_proc,1``
        after the end of its last attempt's occasion; an uplink grant in occasion g is
        sent in ``g + K2(g)`` and decoded ``T_proc,1`` after it; retransmissions follow
        the phase-dependent round trips."""
        ms = self.minislot
        period = ms.period
        out_ue, out_dir, out_bytes, out_ntx = self._out
        for i in range(n_rec):
            d = int(out_dir[i])
            ntx = int(out_ntx[i])
            s = k
            for _ in range((ntx if ntx else ms.max_tx) - 1):
                s += int(self.rtt[d * period + s % period])
            if d == 1:
                s += int(ms.k2_occ[s % period])
            due = ms.occasion_end_s(s) + ms.t_proc1_s
            self._cur[d][int(out_ue[i])]._assign(float(out_bytes[i]), ntx > 0, due)

    def _on_update(self, _cb) -> None:
        now = self.sim.env._now
        changed = self.mobility.moving
        if changed:
            self.mobility.advance(self.update_interval_s)
            self._large_scale()
        if self.ho is not None:
            ues, targets = self.ho.evaluate(now, self.rsrp_dbm, self.serving, self.active)
            for u, c in zip(ues.tolist(), targets.tolist()):
                self._handover(u, c)
            if len(ues):
                self._csr()
                changed = True
        if changed:
            self._link_quality()
        self._n_update += 1
        self.sim.schedule((self._n_update + 1) * self.update_interval_s - now, self._ls_cb)

    def _handover(self, u: int, cell: int) -> None:
        now = self.sim.env._now
        old = int(self.serving[u])
        self.handovers.append((now, u, old, cell))
        self.serving[u] = cell
        s_old, s_new = int(self.cell_site[old]), int(self.cell_site[cell])
        if s_new != s_old:
            old_pair = (self._cur[0][u], self._cur[1][u])
            self._attach(u, s_new)
            for d in (0, 1):
                old_pair[d]._move_to(self._cur[d][u])
        self.avg_bits[:, u] = 0.0
        if self.interruption_s > 0:
            self.active[u] = False

            def resume(u=u):
                self.active[u] = True

            self.sim.call_in(self.interruption_s, resume)

    # -- results --------------------------------------------------------------------------
    def ue_table(self):
        """Per-UE results: serving cell, SINR, MCS, throughput, TB counts (DataFrame)."""
        import pandas as pd

        t = max(self.sim.now_s, 1e-12)
        return pd.DataFrame({
            "ue": self.ue_names,
            "serving_cell": self.serving,
            "serving_site": [self.site_names[s] for s in self.cell_site[self.serving]],
            "sinr_dl_db": self.sinr_db[0], "sinr_ul_db": self.sinr_db[1],
            "mcs_dl": self.mcs[0], "mcs_ul": self.mcs[1],
            "throughput_dl_bps": self.delivered_bits[0] / t,
            "throughput_ul_bps": self.delivered_bits[1] / t,
            "tbs_dl": self.tb_stats[0, :, 0], "tbs_lost_dl": self.tb_stats[0, :, 1],
            "tbs_ul": self.tb_stats[1, :, 0], "tbs_lost_ul": self.tb_stats[1, :, 1],
        })

    def handover_table(self):
        """Handovers executed: time, UE, source and target cell (DataFrame)."""
        import pandas as pd

        rows = [(t, self.ue_names[u], a, b) for t, u, a, b in self.handovers]
        return pd.DataFrame(rows, columns=["time_s", "ue", "from_cell", "to_cell"])

    def kpis(self) -> dict[str, float]:
        """Scalar KPIs of the radio segment (with handover enabled, also
        ``mobility_interruption_time_s``, the configured interruption: ITU-R M.2410-0 4.12)."""
        t = max(self.sim.now_s, 1e-12)
        tbs = self.tb_stats.sum(axis=1)
        return {
            "radio_dl_throughput_bps": float(self.delivered_bits[0].sum() / t),
            "radio_ul_throughput_bps": float(self.delivered_bits[1].sum() / t),
            "radio_tb_residual_loss_dl": float(tbs[0, 1] / tbs[0, 0]) if tbs[0, 0] else 0.0,
            "radio_tb_residual_loss_ul": float(tbs[1, 1] / tbs[1, 0]) if tbs[1, 0] else 0.0,
            "radio_handovers": float(len(self.handovers)),
        } | ({} if self.ho is None else {
            # ITU-R M.2410-0 4.12: the time a UE cannot exchange user-plane packets during
            # a transition; here the configured interruption_s of every handover
            "mobility_interruption_time_s": self.interruption_s})
