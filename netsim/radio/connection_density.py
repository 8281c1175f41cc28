"""Connection density (ITU-R M.2412 Urban Macro-mMTC) with an analytical access model.

How many devices per km^2 one TRxP serves when each device sends a 32-byte packet every
2 hours and 99 % of the packets must arrive within 10 s (Report ITU-R M.2410-0 4.8, the
evaluation of Report ITU-R M.2412-0 7.1.3). At 1e8 devices/km^2 a TRxP of a 500 m grid
holds 7.2 million devices, far beyond a packet-level run, so the access is modelled
analytically, per TRxP:

* Devices: density ``D``, TRxP area ``A = ISD^2 sqrt(3) / 6`` (a third of a hexagonal
  site), ``N = D A`` devices, Poisson packets at ``lambda = N / T`` (``T`` = 7200 s).
* Random access: the NB-IoT NPRACH as slotted ALOHA (Roberts 1975) with ``M`` preambles
  per occasion, one occasion every ``T_RA`` per carrier: an attempt succeeds if no other
  attempt picks its preamble, ``p = exp(-G / M)`` with ``G`` the Poisson attempts per
  occasion; a failed attempt retries after a uniform backoff, at most ``K`` attempts.
  Attempts are the fixed point ``lambda_a = lambda sum_{k<K} (1 - p)^k`` (the RACH
  model of 3GPP TR 37.868 V11.0.0 Annex B).
* Data: payload + signalling on single 15 kHz tones at the attenuated Shannon spectral
  efficiency ``min(alpha log2(1 + SNR), SE_max)`` (3GPP TR 36.942 Annex A.1); the tones
  of the carriers (less the NPRACH share) are one pooled M/G/1 server, mean wait by
  Pollaczek-Khinchine ``W = lambda E[S^2] / (2 (1 - rho))``.
* Uplink SNR of each device: TR 38.901 UMa path loss, LOS probability and shadow fading
  (Tables 7.4.1-1, 7.4.2-1), O2I loss of 7.4.3 with the M.2412 mix of 20 % high-loss and
  80 % low-loss buildings, 23 dBm UE, 8 dBi BS element, 5 dB noise figure and a fixed
  interference margin.
* A packet is delivered within the bound if access delay (attempt ``k``) + mean wait +
  its airtime <= 10 s. The density is supported if the delivered fraction >= 0.99.

Left out (so the result is optimistic): the downlink (NPDCCH, RAR, Msg4 capacity),
coverage-enhancement repetitions, the full RRC procedure (a fixed signalling overhead
instead), interference computed at system level (a margin instead), and queueing per
carrier (one pooled server). Parameters and their sources:
``netsim/radio/data/connection_density/m2412_urban_macro_mmtc.json``.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, fields, replace
from importlib import resources

import numpy as np

from netsim.errors import ParameterError
from netsim.radio.sinr import thermal_noise_dbm
from netsim.radio.tr38901.los import draw_los
from netsim.radio.tr38901.o2i import draw_o2i_loss_db
from netsim.radio.tr38901.pathloss import path_loss_db
from netsim.radio.tr38901.shadowing import shadow_fading_std_db

__all__ = [
    "PARAMETER_FILE", "SOURCE", "parameters", "parameter", "AccessConfig", "trxp_area_km2",
    "slotted_aloha_success", "access_fixed_point", "uplink_snr_db", "evaluate_density",
    "supported_density",
]

PARAMETER_FILE = "connection_density/m2412_urban_macro_mmtc.json"
"""Data file (under ``netsim/radio/data``) of the evaluation and access parameters."""
SOURCE = "Report ITU-R M.2412-0 7.1.3 / 8.4 (Urban Macro-mMTC); M.2410-0 4.8"


@functools.lru_cache(maxsize=1)
def parameters() -> dict:
    """The parameter file, loaded once: ``{group: {name: {value, unit, source, status}}}``."""
    path = resources.files("netsim.radio").joinpath("data").joinpath(PARAMETER_FILE)
    return json.loads(path.read_text(encoding="utf-8"))


def parameter(name: str) -> float:
    """Value of a parameter of either group (``m2412_urban_macro_mmtc``, ``nbiot_access``)."""
    p = parameters()
    for group in ("m2412_urban_macro_mmtc", "nbiot_access"):
        if name in p[group]:
            return p[group][name]["value"]
    raise ParameterError("name", name, "a parameter of " + PARAMETER_FILE)


def _positive(name: str, value: float, source: str = SOURCE) -> None:
    if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
        raise ParameterError(name, value, "a finite number > 0", source=source)


@dataclass(frozen=True)
class AccessConfig:
    """Radio access configuration of one TRxP (defaults: the parameter file).

    Build with :meth:`default` (every field from the data file) and override fields.
    """

    isd_m: float
    """Inter-site distance (m): 500 (M.2412 configuration A) or 1732 (B)."""
    n_carriers: int
    """180 kHz NB-IoT carriers per TRxP (a 10 MHz NR-like uplink ~ 50)."""
    freq_hz: float
    bs_height_m: float
    ue_height_m: float
    ue_power_dbm: float
    bs_antenna_gain_dbi: float
    bs_noise_figure_db: float
    interference_margin_db: float
    indoor_fraction: float
    high_loss_building_fraction: float
    min_d2d_m: float
    packet_size_bytes: float
    packet_interval_s: float
    delay_bound_s: float
    tone_bandwidth_hz: float
    tones_per_carrier: int
    preambles_per_occasion: int
    nprach_subcarrier_hz: float
    rach_period_s: float
    preamble_duration_s: float
    max_attempts: int
    backoff_mean_s: float
    rar_delay_s: float
    overhead_bytes: float
    shannon_alpha: float
    se_max_bps_per_hz: float

    @classmethod
    def default(cls, **overrides) -> AccessConfig:
        """The configuration of the parameter file, with ``overrides`` applied."""
        vals = {"isd_m": parameter("isd_config_a_m"), "n_carriers": 1,
                "freq_hz": parameter("carrier_freq_hz"),
                "bs_antenna_gain_dbi": parameter("bs_antenna_element_gain_dbi")}
        for f in fields(cls):
            if f.name not in vals:
                vals[f.name] = parameter(f.name)
        unknown = set(overrides) - set(vals)
        if unknown:
            raise ParameterError(sorted(unknown)[0], overrides[sorted(unknown)[0]],
                                 f"one of {sorted(vals)}")
        return cls(**{**vals, **overrides})

    def __post_init__(self):
        for f in fields(self):
            v = getattr(self, f.name)
            if f.name in ("ue_power_dbm", "bs_antenna_gain_dbi", "bs_noise_figure_db",
                          "interference_margin_db"):
                if not math.isfinite(v):
                    raise ParameterError(f.name, v, "a finite number (dB)", source=SOURCE)
            elif f.name in ("indoor_fraction", "high_loss_building_fraction"):
                if not 0.0 <= v <= 1.0:
                    raise ParameterError(f.name, v, "0 <= value <= 1", source=SOURCE)
            elif f.name in ("rar_delay_s", "overhead_bytes", "backoff_mean_s", "min_d2d_m"):
                if not (math.isfinite(v) and v >= 0):
                    raise ParameterError(f.name, v, "a finite number >= 0", source=SOURCE)
            else:
                _positive(f.name, v)
        for name in ("n_carriers", "tones_per_carrier", "preambles_per_occasion",
                     "max_attempts"):
            if int(getattr(self, name)) != getattr(self, name):
                raise ParameterError(name, getattr(self, name), "an integer >= 1", SOURCE)
        if self.min_d2d_m >= self.disc_radius_m:
            raise ParameterError("min_d2d_m", self.min_d2d_m,
                                 f"< {self.disc_radius_m:.1f} m (radius of the TRxP area)")

    @property
    def disc_radius_m(self) -> float:
        """Radius (m) of the disc of a whole site's area (devices of one TRxP lie in it)."""
        return math.sqrt(3.0 * trxp_area_km2(self.isd_m) * 1e6 / math.pi)

    def with_(self, **changes) -> AccessConfig:
        """A copy with ``changes``."""
        return replace(self, **changes)


def trxp_area_km2(isd_m: float) -> float:
    """Area (km^2) of one TRxP, a third of a hexagonal site: ``ISD^2 sqrt(3) / 6``.

    Report ITU-R M.2412-0 7.1.3 (``C = N / A``). 0.0721688 km^2 at ISD 500 m.
    """
    _positive("isd_m", isd_m)
    return math.sqrt(3.0) / 6.0 * (isd_m / 1000.0) ** 2


def slotted_aloha_success(attempts_per_occasion, n_preambles: int):
    """P(an attempt is alone on its preamble) ``= exp(-G / M)`` for Poisson attempts.

    Parameters
    ----------
    attempts_per_occasion : float or array_like
        ``G``, mean attempts per RACH occasion (>= 0).
    n_preambles : int
        ``M``, preambles per occasion (>= 1).
    """
    g = np.asarray(attempts_per_occasion, dtype=float)
    if np.any(g < 0) or not np.all(np.isfinite(g)):
        raise ParameterError("attempts_per_occasion", attempts_per_occasion, ">= 0")
    if n_preambles < 1:
        raise ParameterError("n_preambles", n_preambles, "an integer >= 1")
    out = np.exp(-g / n_preambles)
    return float(out) if out.ndim == 0 else out


def _retry_factor(p, max_attempts: int):
    """``sum_{k<K} (1 - p)^k = (1 - (1 - p)^K) / p`` (``K`` at ``p = 0``), without cancellation."""
    p = np.asarray(p, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = -np.expm1(max_attempts * np.log1p(-p)) / p
    return np.where(p > 0.0, out, float(max_attempts))


def access_fixed_point(packets_per_s: float, cfg: AccessConfig) -> tuple[float, float]:
    """Attempt success ``p`` and attempt rate ``lambda_a`` (1/s) at a packet rate.

    Solves ``lambda_a = g(lambda_a) = lambda sum_{k<K} (1 - p)^k`` with ``p = exp(-lambda_a
    T_RA / (C M))`` (TR 37.868 Annex B style, ``C`` carriers). ``g`` is increasing and
    ``lambda <= g <= K lambda``, so its smallest fixed point (the stable operating point
    reached from an empty system) is the first sign change of ``g(x) - x`` on
    ``[lambda, K lambda]``: located on a log grid, then refined by Brent's method.
    """
    from scipy.optimize import brentq

    if not (math.isfinite(packets_per_s) and packets_per_s >= 0):
        raise ParameterError("packets_per_s", packets_per_s, "a finite number >= 0")
    x_per_attempt = cfg.rach_period_s / (cfg.n_carriers * cfg.preambles_per_occasion)
    lam = float(packets_per_s)
    if lam == 0.0:
        return 1.0, 0.0

    def f(x):
        return lam * _retry_factor(np.exp(-np.asarray(x) * x_per_attempt),
                                   cfg.max_attempts) - x

    x = lam * np.geomspace(1.0, float(cfg.max_attempts), 4001)
    fx = f(x)
    i = int(np.argmax(fx <= 0.0))          # fx[-1] <= 0 always (g <= K lambda)
    if i == 0 or fx[i] == 0.0:
        root = float(x[i])
    else:
        root = brentq(lambda v: float(f(v)), x[i - 1], x[i], xtol=1e-15 * x[i], rtol=1e-15)
    return float(np.exp(-root * x_per_attempt)), root


def uplink_snr_db(cfg: AccessConfig, n: int, rng: np.random.Generator) -> np.ndarray:
    """Uplink SNR (dB) over one tone of ``n`` devices dropped uniformly in a site's disc.

    TR 38.901 UMa LOS (Table 7.4.2-1), path loss and shadow fading (Table 7.4.1-1), O2I
    (7.4.3: high-loss model for ``high_loss_building_fraction`` of the indoor devices,
    low-loss for the rest); noise ``-174 dBm/Hz + 10 log10(B) + NF``.
    """
    if int(n) != n or n < 1:
        raise ParameterError("n", n, "an integer >= 1")
    d = np.sqrt(rng.uniform(cfg.min_d2d_m ** 2, cfg.disc_radius_m ** 2, n))
    los = draw_los("UMa", d, rng, cfg.ue_height_m)
    pl = path_loss_db("UMa", d, cfg.freq_hz, cfg.bs_height_m, cfg.ue_height_m, los)
    sf = rng.normal(0.0, 1.0, n) * shadow_fading_std_db("UMa", los)
    indoor = rng.random(n) < cfg.indoor_fraction
    high = rng.random(n) < cfg.high_loss_building_fraction
    o2i = np.where(high, draw_o2i_loss_db("UMa", cfg.freq_hz, n, rng, model="high"),
                   draw_o2i_loss_db("UMa", cfg.freq_hz, n, rng, model="low"))
    o2i = np.where(indoor, o2i, 0.0)
    noise = thermal_noise_dbm(cfg.tone_bandwidth_hz, cfg.bs_noise_figure_db)
    return (cfg.ue_power_dbm + cfg.bs_antenna_gain_dbi - pl - sf - o2i - noise
            - cfg.interference_margin_db)


def evaluate_density(density_per_km2: float, cfg: AccessConfig,
                     snr_db: np.ndarray) -> dict[str, float]:
    """Delivered fraction within the delay bound and the loads at one density.

    Parameters
    ----------
    density_per_km2 : float
        Devices per km^2 (> 0).
    cfg : AccessConfig
    snr_db : numpy.ndarray
        Uplink SNR (dB) of a sample of devices (:func:`uplink_snr_db`), shape (n,).

    Returns
    -------
    dict
        ``devices_per_trxp``, ``packets_per_s``, ``attempts_per_s``, ``preamble_load``
        (attempts per preamble and occasion), ``attempt_success``, ``data_load``
        (``rho``), ``mean_wait_s``, ``airtime_p99_s`` and ``delivered_within_bound``.
    """
    _positive("density_per_km2", density_per_km2)
    snr_db = np.asarray(snr_db, dtype=float)
    if snr_db.ndim != 1 or snr_db.size == 0 or not np.all(np.isfinite(snr_db)):
        raise ParameterError("snr_db", "array", "a non-empty 1-D array of finite values")
    n_dev = density_per_km2 * trxp_area_km2(cfg.isd_m)
    lam = n_dev / cfg.packet_interval_s
    p, lam_a = access_fixed_point(lam, cfg)
    bits = 8.0 * (cfg.packet_size_bytes + cfg.overhead_bytes)
    se = np.minimum(cfg.shannon_alpha * np.log2(1.0 + 10.0 ** (snr_db / 10.0)),
                    cfg.se_max_bps_per_hz)
    airtime = bits / (cfg.tone_bandwidth_hz * se)                    # s on one tone
    # NPRACH share of a carrier: its bandwidth share times its time share
    rach_share = (cfg.preambles_per_occasion * cfg.nprach_subcarrier_hz
                  / (cfg.tones_per_carrier * cfg.tone_bandwidth_hz)
                  * cfg.preamble_duration_s / cfg.rach_period_s)
    n_tones = cfg.n_carriers * cfg.tones_per_carrier * (1.0 - rach_share)
    s = airtime / n_tones                                            # pooled service time
    rho = lam * float(s.mean())
    wait = lam * float((s ** 2).mean()) / (2.0 * (1.0 - rho)) if rho < 1.0 else math.inf
    k = np.arange(1, cfg.max_attempts + 1)
    access = ((k - 1) * (cfg.rach_period_s + cfg.backoff_mean_s) + cfg.rach_period_s / 2
              + cfg.rar_delay_s)
    w_k = p * (1.0 - p) ** (k - 1)                                   # success at attempt k
    if rho < 1.0:
        ok = (access[None, :] + wait + airtime[:, None]) <= cfg.delay_bound_s
        delivered = float((ok * w_k[None, :]).sum(axis=1).mean())
    else:
        delivered = 0.0
    return {"devices_per_trxp": n_dev, "packets_per_s": lam, "attempts_per_s": lam_a,
            "preamble_load": lam_a * cfg.rach_period_s / cfg.n_carriers
            / cfg.preambles_per_occasion,
            "attempt_success": p, "data_load": rho, "mean_wait_s": wait,
            "airtime_p99_s": float(np.percentile(airtime, 99)),
            "delivered_within_bound": delivered}


def supported_density(densities_per_km2, delivered, target: float = 0.99) -> float:
    """Highest density of an ascending grid up to which every point delivers >= ``target``.

    0.0 when the first point already fails (M.2412-0 7.1.3: the largest ``N`` meeting the
    1 % outage, read on the grid).
    """
    d = np.asarray(densities_per_km2, dtype=float)
    v = np.asarray(delivered, dtype=float)
    if d.shape != v.shape or d.ndim != 1 or d.size == 0:
        raise ParameterError("delivered", "array", "same 1-D shape as densities_per_km2")
    if np.any(np.diff(d) <= 0):
        raise ParameterError("densities_per_km2", list(d), "strictly ascending")
    best = 0.0
    for di, vi in zip(d, v):
        if vi >= target:
            best = float(di)
        else:
            break
    return best
