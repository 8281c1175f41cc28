"""Fibre spans and amplified links: ASE, GN-model NLI, GSNR per channel, optimum launch power.

A :class:`Link` is a chain of :class:`FiberSpan`, each followed by its :class:`Edfa`
(by default with a gain equal to the span loss). For a :class:`ChannelPlan` and a
launch power per channel it propagates, span by span,

* the signal power of every channel (attenuation ``exp(-alpha L)``, amplifier gain),
* ASE: ``NF h nu G R`` per amplifier in each channel's symbol-rate bandwidth R
  (:func:`netsim.optical.amplifier.ase_power_w`),
* NLI: the incoherent GN model, eq. (120) of arXiv:1209.0394 (Poggiolini, J. Lightw.
  Technol. 32(4), 2014), generated at each span input from that span's signal powers
  (:func:`netsim.optical.gn_model.nli_span_w`) and accumulated incoherently (power sum
  over spans, coherence factor epsilon = 0; optionally the SPM part coherently,
  ``nli_accumulation="coherent_spm"``), then attenuated and amplified with the signal,

and reports at the receiver, per channel,

* ``SNR_ASE = P / P_ASE``, ``SNR_NLI = P / P_NLI`` and
  ``GSNR = P / (P_ASE + P_NLI)`` in the symbol-rate bandwidth (dB),
* ``OSNR`` (ASE only) in a 0.1 nm reference bandwidth, taken as 12.5 GHz (GNPy's
  convention; 0.1 nm at 1550 nm is 12.48 GHz).

Model limits (stated, not hidden): fibre parameters are frequency-independent (beta2
given by D at 1550 nm, constant gamma and attenuation); no stimulated Raman scattering
(significant across C+L, where it tilts power towards L), no Raman amplification,
no filtering or ROADM penalties, no transceiver noise.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike
from scipy.optimize import minimize_scalar

from netsim.errors import ParameterError
from netsim.optical.amplifier import Edfa, ase_power_w
from netsim.optical.channel_plan import ChannelPlan
from netsim.optical.gn_model import (
    alpha_per_m,
    beta2_s2_per_m,
    coherence_factor,
    effective_length_m,
    nli_prefactor_per_w2,
    optimum_power_closed_form_w,
    psi_matrix,
    psi_matrix_numpy,
)

__all__ = [
    "FiberSpan",
    "Link",
    "LinkBudget",
    "fiber_type",
    "OSNR_REFERENCE_BANDWIDTH_HZ",
]

OSNR_REFERENCE_BANDWIDTH_HZ = 12.5e9
"""Reference bandwidth of an OSNR "in 0.1 nm" (Hz), 12.5 GHz as GNPy 3.0.1 uses."""

_FIBER_DATA = Path(__file__).with_name("data") / "physical" / "fiber_types.json"
_FIBER_SOURCE = "netsim/optical/data/physical/fiber_types.json"


@lru_cache(maxsize=1)
def _fiber_types() -> dict[str, dict[str, float]]:
    doc = json.loads(_FIBER_DATA.read_text())
    return {f["name"]: {k: float(v) for k, v in f.items() if k != "name"} for f in doc["fibers"]}


def fiber_type(name: str) -> dict[str, float]:
    """Parameters of a catalogued fibre type (``"SSMF"``), as keyword arguments of FiberSpan."""
    types = _fiber_types()
    if name not in types:
        raise ParameterError("fiber", name, f"one of {sorted(types)}", source=_FIBER_SOURCE)
    return dict(types[name])


def _positive(name: str, value: float) -> None:
    if not np.isfinite(value) or value <= 0:
        raise ParameterError(name, value, "finite and > 0")


@dataclass(frozen=True)
class FiberSpan:
    """One fibre span followed by its amplifier.

    Defaults are standard single-mode fibre (SSMF, ITU-T G.652.D) from
    ``data/physical/fiber_types.json``.

    Parameters
    ----------
    length_km : float
        Span length (km), > 0.
    attenuation_db_per_km : float
        Attenuation (dB/km), default 0.2.
    dispersion_ps_nm_km : float
        Chromatic dispersion D at 1550 nm (ps/(nm km)), default 16.7; non-zero.
    gamma_per_w_km : float
        Nonlinear coefficient (1/(W km)), default 1.27.
    effective_area_um2 : float
        Effective area (um^2), default 80 (informative: gamma is given directly).
    amplifier : Edfa or None
        Amplifier at the span output; default ``Edfa()`` (gain = span loss, NF 5.5 dB).
        ``None``: no amplifier after this span.
    """

    length_km: float
    attenuation_db_per_km: float = 0.2
    dispersion_ps_nm_km: float = 16.7
    gamma_per_w_km: float = 1.27
    effective_area_um2: float = 80.0
    amplifier: Edfa | None = field(default_factory=Edfa)

    def __post_init__(self):
        _positive("length_km", self.length_km)
        _positive("attenuation_db_per_km", self.attenuation_db_per_km)
        _positive("gamma_per_w_km", self.gamma_per_w_km)
        _positive("effective_area_um2", self.effective_area_um2)
        if not np.isfinite(self.dispersion_ps_nm_km) or self.dispersion_ps_nm_km == 0:
            raise ParameterError(
                "dispersion_ps_nm_km",
                self.dispersion_ps_nm_km,
                "finite and non-zero (the GN closed form diverges at beta2 = 0)",
            )

    @classmethod
    def of_type(cls, fiber: str, length_km: float, amplifier: Edfa | None = None) -> FiberSpan:
        """A span of a catalogued fibre type; ``amplifier`` defaults to ``Edfa()``."""
        return cls(
            length_km=length_km,
            amplifier=Edfa() if amplifier is None else amplifier,
            **fiber_type(fiber),
        )

    @property
    def loss_db(self) -> float:
        """Span loss (dB): ``attenuation_db_per_km * length_km``."""
        return self.attenuation_db_per_km * self.length_km

    @property
    def length_m(self) -> float:
        return self.length_km * 1e3

    @property
    def alpha_per_m(self) -> float:
        """Power attenuation coefficient (1/m)."""
        return float(alpha_per_m(self.attenuation_db_per_km))

    @property
    def beta2_s2_per_m(self) -> float:
        """beta2 (s^2/m) at 1550 nm from D (Agrawal, Nonlinear Fiber Optics, eq. 1.2.11)."""
        return float(beta2_s2_per_m(self.dispersion_ps_nm_km))

    @property
    def gamma_per_w_m(self) -> float:
        return self.gamma_per_w_km * 1e-3

    @property
    def effective_length_m(self) -> float:
        """Effective length (m), ``(1 - exp(-alpha L)) / alpha``."""
        return float(effective_length_m(self.alpha_per_m, self.length_m))

    @property
    def gain_db(self) -> float:
        """Gain of the amplifier after the span (dB); 0 without amplifier."""
        if self.amplifier is None:
            return 0.0
        return self.loss_db if self.amplifier.gain_db is None else float(self.amplifier.gain_db)


@dataclass(frozen=True)
class LinkBudget:
    """Per-channel noise budget at the receiver; arrays of shape (n_channels,).

    Attributes
    ----------
    center_freq_hz : ndarray
        Channel centre frequencies (Hz).
    signal_power_dbm : ndarray
        Signal power at the receiver (dBm).
    gsnr_db, snr_ase_db, snr_nli_db : ndarray
        GSNR, ASE-only SNR and NLI-only SNR in the symbol-rate bandwidth (dB).
    osnr_01nm_db : ndarray
        ASE-only OSNR in 12.5 GHz (0.1 nm) (dB).
    """

    center_freq_hz: np.ndarray
    signal_power_dbm: np.ndarray
    gsnr_db: np.ndarray
    snr_ase_db: np.ndarray
    snr_nli_db: np.ndarray
    osnr_01nm_db: np.ndarray


class Link:
    """An amplified point-to-point link: a chain of fibre spans.

    Parameters
    ----------
    spans : sequence of FiberSpan
        The spans, in propagation order; each carries its amplifier.
    nli_accumulation : {"incoherent", "coherent_spm"}
        ``"incoherent"`` (default, as GNPy): the NLI of the spans adds in power.
        ``"coherent_spm"``: each channel's SPM part (the k = i term of eq. 120) is
        multiplied by N^epsilon_i, epsilon_i from Poggiolini, J. Lightw. Technol. 30(24),
        2012, eq. (22) with the channel's symbol rate and the spans' mean attenuation,
        dispersion and length (Semrau et al., J. Lightw. Technol. 37(9), 2019); XPM stays
        incoherent.

    Examples
    --------
    >>> from netsim.optical.fiber import FiberSpan, Link
    >>> from netsim.optical.channel_plan import ChannelPlan
    >>> link = Link(spans=[FiberSpan(length_km=80.0)] * 10)
    >>> plan = ChannelPlan.for_bands("C", spacing_hz=50e9, symbol_rate_baud=32e9)
    >>> g = link.gsnr_db(plan, launch_power_dbm=0.0)
    >>> g.shape, bool(15 < g.min() < 20)
    ((96,), True)
    """

    def __init__(self, spans: Sequence[FiberSpan], nli_accumulation: str = "incoherent"):
        spans = tuple(spans)
        if not spans or not all(isinstance(s, FiberSpan) for s in spans):
            raise ParameterError("spans", spans, "a non-empty sequence of FiberSpan")
        if nli_accumulation not in ("incoherent", "coherent_spm"):
            raise ParameterError(
                "nli_accumulation", nli_accumulation, "'incoherent' or 'coherent_spm'"
            )
        self.spans = spans
        self.nli_accumulation = nli_accumulation

    @classmethod
    def uniform(
        cls,
        n_spans: int,
        span_length_km: float = 80.0,
        fiber: str = "SSMF",
        noise_figure_db: float = 5.5,
        nli_accumulation: str = "incoherent",
    ) -> Link:
        """``n_spans`` identical spans of a catalogued fibre, each with an EDFA (gain = loss)."""
        if int(n_spans) != n_spans or n_spans < 1:
            raise ParameterError("n_spans", n_spans, "an integer >= 1")
        span = FiberSpan.of_type(fiber, span_length_km, Edfa(noise_figure_db=noise_figure_db))
        return cls([span] * int(n_spans), nli_accumulation=nli_accumulation)

    @property
    def n_spans(self) -> int:
        return len(self.spans)

    @property
    def length_km(self) -> float:
        return float(sum(s.length_km for s in self.spans))

    # ------------------------------------------------------------------ propagation
    @staticmethod
    def _launch_w(plan: ChannelPlan, launch_power_dbm: ArrayLike) -> np.ndarray:
        p = np.asarray(launch_power_dbm, dtype=float)
        if p.ndim > 1 or (p.ndim == 1 and p.size != plan.n_channels):
            raise ParameterError(
                "launch_power_dbm", f"shape {p.shape}", f"a scalar or shape ({plan.n_channels},)"
            )
        if not np.all(np.isfinite(p)):
            raise ParameterError("launch_power_dbm", launch_power_dbm, "finite dBm values")
        return np.broadcast_to(10.0 ** ((p - 30.0) / 10.0), (plan.n_channels,)).copy()

    def noise_w(
        self, plan: ChannelPlan, launch_power_dbm: ArrayLike, backend: str = "numba"
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Signal, ASE and NLI power (W) per channel at the receiver, symbol-rate bandwidth.

        Parameters
        ----------
        plan : ChannelPlan
        launch_power_dbm : float or array_like, shape (n_channels,)
            Launch power per channel into the first span (dBm).
        backend : {"numba", "numpy"}
            Kernel of the channel-pair matrix (computed once per fibre type, shared by
            the spans of that type); both compute the same sums.

        Returns
        -------
        signal_w, ase_w, nli_w : ndarray, shape (n_channels,)
        """
        if backend not in ("numba", "numpy"):
            raise ParameterError("backend", backend, "'numba' or 'numpy'")
        if not isinstance(plan, ChannelPlan):
            raise ParameterError("plan", type(plan).__name__, "a ChannelPlan")
        psi_kernel = psi_matrix if backend == "numba" else psi_matrix_numpy
        f = plan.center_freq_hz
        rs = plan.symbol_rate_baud
        p = self._launch_w(plan, launch_power_dbm)
        ase = np.zeros_like(p)
        nli = np.zeros_like(p)
        spm = np.zeros_like(p)  # the SPM (k = i) part of nli, for coherent accumulation
        psi_by_fiber: dict[tuple[float, float], np.ndarray] = {}
        for s in self.spans:
            key = (s.alpha_per_m, s.beta2_s2_per_m)
            if key not in psi_by_fiber:
                psi_by_fiber[key] = psi_kernel(f, rs, *key)
            psi = psi_by_fiber[key]
            pref = nli_prefactor_per_w2(*key, s.gamma_per_w_m, s.length_m)
            g2 = (p / rs) ** 2
            nli = nli + pref * p * (psi @ g2)
            spm = spm + pref * p * np.diagonal(psi) * g2
            att = 10.0 ** (-s.loss_db / 10.0)
            p, ase, nli, spm = p * att, ase * att, nli * att, spm * att
            if s.amplifier is not None:
                g_db = s.gain_db
                g = 10.0 ** (g_db / 10.0)
                p, ase, nli, spm = p * g, ase * g, nli * g, spm * g
                ase = ase + ase_power_w(s.amplifier.noise_figure_db, g_db, f, rs)
        if self.nli_accumulation == "coherent_spm":
            n = len(self.spans)
            eps = coherence_factor(
                rs,
                float(np.mean([s.alpha_per_m for s in self.spans])),
                float(np.mean([s.beta2_s2_per_m for s in self.spans])),
                float(np.mean([s.length_m for s in self.spans])),
            )
            nli = nli + spm * (n**eps - 1.0)
        return p, ase, nli

    def budget(self, plan: ChannelPlan, launch_power_dbm: ArrayLike) -> LinkBudget:
        """All per-channel figures at the receiver (see :class:`LinkBudget`)."""
        p, ase, nli = self.noise_w(plan, launch_power_dbm)
        with np.errstate(divide="ignore"):
            snr_ase = 10 * np.log10(p / ase)
            snr_nli = 10 * np.log10(p / nli)
        return LinkBudget(
            center_freq_hz=plan.center_freq_hz.copy(),
            signal_power_dbm=10 * np.log10(p) + 30.0,
            gsnr_db=10 * np.log10(p / (ase + nli)),
            snr_ase_db=snr_ase,
            snr_nli_db=snr_nli,
            osnr_01nm_db=snr_ase
            - 10 * np.log10(OSNR_REFERENCE_BANDWIDTH_HZ / plan.symbol_rate_baud),
        )

    def gsnr_db(self, plan: ChannelPlan, launch_power_dbm: ArrayLike) -> np.ndarray:
        """GSNR per channel (dB), symbol-rate bandwidth: ``P / (P_ASE + P_NLI)``."""
        p, ase, nli = self.noise_w(plan, launch_power_dbm)
        return 10 * np.log10(p / (ase + nli))

    def snr_ase_db(self, plan: ChannelPlan, launch_power_dbm: ArrayLike) -> np.ndarray:
        """ASE-only SNR per channel (dB), symbol-rate bandwidth."""
        return self.budget(plan, launch_power_dbm).snr_ase_db

    def snr_nli_db(self, plan: ChannelPlan, launch_power_dbm: ArrayLike) -> np.ndarray:
        """NLI-only SNR per channel (dB), symbol-rate bandwidth."""
        return self.budget(plan, launch_power_dbm).snr_nli_db

    def osnr_db(self, plan: ChannelPlan, launch_power_dbm: ArrayLike) -> np.ndarray:
        """ASE-only OSNR per channel (dB) in 0.1 nm (12.5 GHz)."""
        return self.budget(plan, launch_power_dbm).osnr_01nm_db

    # ------------------------------------------------------------------ optimum power
    def nli_efficiency_per_w2(self, plan: ChannelPlan) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per channel: received-signal gain a, ASE b (W) and NLI efficiency eta (1/W^2).

        For a uniform launch power P, the receiver sees signal ``a P``, ASE ``b`` and
        NLI ``a eta P^3`` (NLI is exactly cubic in P in the GN model because every span
        input power scales with P). Evaluated at 1 mW.
        """
        p_ref_w = 1e-3
        p, ase, nli = self.noise_w(plan, 0.0)
        a = p / p_ref_w
        return a, ase, nli / (a * p_ref_w**3)

    def optimum_launch_power_dbm(
        self, plan: ChannelPlan, method: str = "closed_form", channel_index: int | None = None
    ) -> np.ndarray | float:
        """Uniform launch power per channel maximising the GSNR (dBm).

        Parameters
        ----------
        plan : ChannelPlan
        method : {"closed_form", "numeric"}
            ``"closed_form"``: ``P_opt = (P_ASE / (2 eta))^(1/3)`` with P_ASE and eta
            referred to the link input (Poggiolini 2014), per channel (array) or for
            ``channel_index``. ``"numeric"``: bounded scalar maximisation of the GSNR of
            ``channel_index`` (default: the centre channel) over -20..+20 dBm.
        channel_index : int, optional
        """
        if method not in ("closed_form", "numeric"):
            raise ParameterError("method", method, "'closed_form' or 'numeric'")
        if channel_index is not None and not (0 <= channel_index < plan.n_channels):
            raise ParameterError("channel_index", channel_index, f"0..{plan.n_channels - 1}")
        if method == "closed_form":
            a, ase, eta = self.nli_efficiency_per_w2(plan)
            p_opt_dbm = 10 * np.log10(optimum_power_closed_form_w(ase / a, eta)) + 30.0
            return p_opt_dbm if channel_index is None else float(p_opt_dbm[channel_index])
        idx = plan.n_channels // 2 if channel_index is None else channel_index
        res = minimize_scalar(
            lambda x: -self.gsnr_db(plan, x)[idx],
            bounds=(-20.0, 20.0),
            method="bounded",
            options={"xatol": 1e-4},
        )
        return float(res.x)
