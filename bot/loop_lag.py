"""How late the event loop runs a periodic callback: the measure of a loop that something blocks.

A callback is scheduled every `interval` seconds; the time between when it was due and when it ran
is its lateness. Work that holds the loop (or the GIL for long) shows up as lateness at once.

On a shared machine the process can also be late because other processes had the CPU. So each tick
also records the CPU time this process used meanwhile (all its threads): lateness that exceeds it
cannot have been caused by the process itself. `caused` is the lateness up to that CPU time: what
a blocking call, a long-held GIL or a full garbage collection in this process adds.
"""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class LagSummary:
    count: int
    max: float
    p99: float
    p50: float
    max_caused: float  # the largest lateness this process could have caused (see the module's doc)

    def __str__(self) -> str:
        return (
            f"{self.count} ticks, lateness max {self.max * 1000:.1f} ms "
            f"({self.max_caused * 1000:.1f} ms with this process on the CPU), "
            f"p99 {self.p99 * 1000:.1f} ms, p50 {self.p50 * 1000:.1f} ms"
        )


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share in 0..1) of the values; 0.0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


class LoopLag:
    """Samples the running loop's lateness from start() to stop()."""

    def __init__(self, interval: float = 0.01) -> None:
        if interval <= 0:
            raise ValueError("interval must be positive")
        self.interval = interval
        self.samples: list[float] = []
        self.caused: list[float] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._handle: asyncio.TimerHandle | None = None

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._schedule(self._loop.time() + self.interval)

    def stop(self) -> LagSummary:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        return self.summary()

    def summary(self) -> LagSummary:
        samples = self.samples
        return LagSummary(
            count=len(samples),
            max=max(samples, default=0.0),
            p99=percentile(samples, 0.99),
            p50=percentile(samples, 0.50),
            max_caused=max(self.caused, default=0.0),
        )

    def _schedule(self, due: float) -> None:
        assert self._loop is not None
        self._handle = self._loop.call_at(due, self._tick, due, time.process_time())

    def _tick(self, due: float, cpu_then: float) -> None:
        assert self._loop is not None
        now = self._loop.time()
        lateness = max(0.0, now - due)
        self.samples.append(lateness)
        self.caused.append(min(lateness, time.process_time() - cpu_then))
        self._schedule(now + self.interval)
