"""Operations endpoints: `/healthz` (liveness; 503 while shutting down) and `/metrics` (Prometheus).

They ride on the Slack Events API server when there is one (`briefbot run --slack-http --port N`),
else `OpsServer` serves them alone on `--port N` (Socket Mode, Discord, or no chat platform at all).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from aiohttp import web

from bot import metrics

log = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
METRICS_PATH = "/metrics"


@dataclass
class OpsState:
    """What /healthz reports: the process is up unless it is draining for a shutdown."""

    draining: bool = False


STATE = OpsState()


async def health(request: web.Request) -> web.Response:
    if STATE.draining:
        return web.Response(status=503, text="shutting down")
    return web.Response(text="ok")


async def metrics_page(request: web.Request) -> web.Response:
    body = metrics.exposition()
    response = web.Response(body=body)
    response.content_type = "text/plain"
    response.headers["Content-Type"] = metrics.CONTENT_TYPE
    return response


def add_ops_routes(app: web.Application) -> None:
    app.router.add_get(HEALTH_PATH, health)
    app.router.add_get(METRICS_PATH, metrics_page)


class OpsServer:
    """/healthz and /metrics on a port of their own."""

    def __init__(self, *, host: str = "0.0.0.0", port: int = 0) -> None:
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        add_ops_routes(app)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        if self._runner.addresses:
            self.port = int(self._runner.addresses[0][1])
        log.warning("health and metrics on %s:%d (%s, %s)", self.host, self.port, HEALTH_PATH, METRICS_PATH)

    async def stop(self) -> None:
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()
