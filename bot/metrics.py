"""Prometheus metrics of one bot process, served at /metrics (see adapters/ops_http.py).

A registry of its own (not the client's global one), so tests and several services in one process
see the same, well-defined set of series.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

REGISTRY = CollectorRegistry(auto_describe=True)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"  # the text format every Prometheus reads

EVENTS = Counter(
    "briefbot_events_handled",
    "Chat commands handled (messages, mentions, slash commands, shortcuts), by platform",
    ["platform"],
    registry=REGISTRY,
)
REPLIES = Counter(
    "briefbot_replies", "Replies given, by platform and kind", ["platform", "kind"], registry=REGISTRY
)
BRIEFINGS = Counter("briefbot_briefings", "Articles briefed in chat", ["platform"], registry=REGISTRY)
ANSWER_SECONDS = Histogram(
    "briefbot_answer_seconds",
    "Time from a command to its replies (analysis and question answering included)",
    ["platform"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
    registry=REGISTRY,
)
DIGESTS_POSTED = Counter(
    "briefbot_digests_posted", "Digests posted (finished), by platform", ["platform"], registry=REGISTRY
)
DIGEST_MESSAGES = Counter(
    "briefbot_digest_messages_posted", "Digest messages posted, by platform", ["platform"], registry=REGISTRY
)
ERRORS = Counter(
    "briefbot_errors",
    "Failures: commands that failed unexpectedly, digests and feed polls that raised",
    ["where"],
    registry=REGISTRY,
)
IN_FLIGHT = Gauge("briefbot_commands_in_flight", "Chat commands being handled now", registry=REGISTRY)
SCHEDULER_LEADER = Gauge(
    "briefbot_scheduler_leader", "1 when this process runs the scheduler (holds the lease)", registry=REGISTRY
)


def platform_of(channel: str) -> str:
    """The platform of a channel id: slack:C1 -> slack; console -> console."""
    return channel.split(":", 1)[0] or "unknown"


@contextmanager
def timed_command(channel: str) -> Iterator[None]:
    """Count one command, and time it while it is in flight."""
    platform = platform_of(channel)
    EVENTS.labels(platform).inc()
    IN_FLIGHT.inc()
    started = time.perf_counter()
    try:
        yield
    finally:
        IN_FLIGHT.dec()
        ANSWER_SECONDS.labels(platform).observe(time.perf_counter() - started)


def exposition() -> bytes:
    """The metrics in the Prometheus text format."""
    return generate_latest(REGISTRY)
