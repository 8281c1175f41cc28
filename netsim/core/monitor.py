"""Monitors: per-flow and per-link records, as tidy pandas tables.

Counters live on the flows and links themselves (cheap to update on the hot path); the
monitor gathers them into DataFrames and, when asked, samples queue lengths over time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from netsim.core.packet import LossReason
from netsim.core.simulation import Callback
from netsim.core.stats import quantile_columns
from netsim.errors import ParameterError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from netsim.core.network import Network

__all__ = ["Monitor", "TABLES"]

TABLES = ("flows", "links", "latency", "throughput", "queue", "fct")
"""Tables :meth:`Monitor.to_dataframe` returns."""


class Monitor:
    """Gathers results of a :class:`~netsim.Network`.

    Use ``net.monitor``; call :meth:`sample_queues` before running to record queue
    lengths over time.
    """

    def __init__(self, net: Network):
        self.net = net
        self._q_interval = None
        self._q_rows: list[tuple] = []
        self.fluid = None  # set by a FlowLevel engine

    def sample_queues(self, interval_s: float) -> None:
        """Record every link's queue length every ``interval_s`` seconds from now."""
        if not (isinstance(interval_s, (int, float)) and interval_s > 0):
            raise ParameterError("interval_s", interval_s, "> 0")
        self._q_interval = float(interval_s)
        cb = Callback(self._sample)
        self.net.sim.schedule(0.0, cb)

    def _sample(self, cb: Callback) -> None:
        now = self.net.sim.env._now
        rows = self._q_rows
        for link in self.net.links:
            rows.append((now, link.name, link._qlen, link._qbytes, int(link._busy)))
        self.net.sim.schedule(self._q_interval, cb)

    def to_dataframe(
        self, table: str = "flows", interval_s: float | None = None, warmup_s: float = 0.0
    ) -> pd.DataFrame:
        """Results as a tidy table.

        Parameters
        ----------
        table : str
            ``"flows"``: one row per packet flow (counts, losses by reason, latency mean
            and quantiles up to p99.999, throughput); ``"links"``: one row per directed
            link (packets and bytes sent, drops by reason, utilisation, mean queue);
            ``"latency"``: one row per delivered packet (flow, delivery time, latency);
            ``"throughput"``: delivered bit rate per flow in bins of ``interval_s``;
            ``"queue"``: sampled queue lengths (see :meth:`sample_queues`);
            ``"fct"``: flow-level flows with their completion times.
        interval_s : float, optional
            Bin width of ``"throughput"`` (default: run length / 100).
        warmup_s : float
            Leave packets sent before this time out of the latency statistics of
            ``"flows"`` and the rows of ``"latency"`` (s).
        """
        import pandas as pd

        if table not in TABLES:
            raise ParameterError("table", table, f"one of {TABLES}")
        now = self.net.sim.now_s
        if table == "flows":
            rows = []
            for f in self.net.flows.values():
                lat = f.latencies_s
                if warmup_s > 0 and lat.size:
                    lat = lat[f.delivery_times_s - lat >= warmup_s]
                row = {
                    "flow": f.name, "src": f.src, "dst": f.dst, "priority": f.priority,
                    "sent": f.sent, "delivered": f.delivered, "lost": f.lost_total,
                    **{f"lost_{r}": f.lost[r] for r in LossReason.ALL},
                    "in_flight": f.in_flight, "sent_bytes": f.sent_bytes,
                    "delivered_bytes": f.delivered_bytes,
                    "loss_ratio": f.lost_total / f.sent if f.sent else np.nan,
                    **quantile_columns(lat),
                    "throughput_bps": 8.0 * f.delivered_bytes / (now - f.start_s)
                    if now > f.start_s else np.nan,
                    "path": "-".join(map(str, f.path)) if f.path else "",
                }
                rows.append(row)
            return pd.DataFrame(rows)
        if table == "links":
            return pd.DataFrame([
                {
                    "link": k.name, "src": k.src, "dst": k.dst, "segment": k.segment,
                    "rate_bps": k.rate_bps, "delay_s": k.delay_s, "up": k.up,
                    "tx_packets": k.tx_packets, "tx_bytes": k.tx_bytes,
                    **{f"drops_{r}": k.drops[r] for r in LossReason.ALL},
                    "utilization": k.utilization(),
                    "mean_queue_packets": k.mean_queue_packets(),
                    "max_queue_packets": k.max_qlen,
                }
                for k in self.net.links
            ])
        if table == "latency":
            frames = []
            for f in self.net.flows.values():
                if not (f.delivered and f.record):
                    continue
                t, lat = f.delivery_times_s, f.latencies_s
                keep = t - lat >= warmup_s
                frames.append(pd.DataFrame({"flow": f.name, "time_s": t[keep],
                                            "latency_s": lat[keep],
                                            "size_bytes": f.delivered_sizes_bytes[keep]}))
            if not frames:
                return pd.DataFrame(columns=["flow", "time_s", "latency_s", "size_bytes"])
            return pd.concat(frames, ignore_index=True)
        if table == "throughput":
            width = interval_s if interval_s else max(now, 1e-9) / 100.0
            if not width > 0:
                raise ParameterError("interval_s", interval_s, "> 0")
            nb = max(1, int(np.ceil(now / width - 1e-9)))
            edges = np.arange(nb + 1) * width
            frames = []
            for f in self.net.flows.values():
                if not f.record:
                    continue
                b, _ = np.histogram(f.delivery_times_s, bins=edges,
                                    weights=f.delivered_sizes_bytes)
                frames.append(pd.DataFrame({"flow": f.name, "time_s": edges[:-1],
                                            "throughput_bps": 8.0 * b / width}))
            if not frames:
                return pd.DataFrame(columns=["flow", "time_s", "throughput_bps"])
            return pd.concat(frames, ignore_index=True)
        if table == "queue":
            return pd.DataFrame(self._q_rows, columns=["time_s", "link", "queue_packets",
                                                       "queue_bytes", "busy"])
        # fct
        if self.fluid is None:
            return pd.DataFrame(columns=["flow", "src", "dst", "size_bytes", "start_s",
                                         "end_s", "fct_s"])
        return self.fluid.to_dataframe()
