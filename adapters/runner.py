"""The composition root for chat: settings -> service -> adapters, run until interrupted."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from adapters.base import ChatAdapter
from bot.errors import UserFacingError
from bot.service import ChatService
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.digest_run import Sinks
    from bot.engine_process import EngineProcess

log = logging.getLogger(__name__)

# How long another thread may hold the GIL once the event loop asks for it (Python's default: 5 ms).
SERVING_SWITCH_INTERVAL = 0.0003


def build_service(
    settings: Settings, *, sinks: Sinks | None = None, engine: EngineProcess | None = None
) -> ChatService:
    """The service with its news desk (links, feeds, schedules, digests) posting through `sinks`;
    analyses and answers go to `engine` (child processes) when given, else to worker threads."""
    from adapters.sinks import build_sinks
    from bot.service_llm import llm_chat_from_settings
    from bot.service_news import NewsDesk

    analyse = engine.analyse if engine is not None else None
    news = NewsDesk.from_settings(settings, analyse=analyse, sinks=sinks or build_sinks(settings))
    llm = llm_chat_from_settings(settings, lambda: news.store if store_exists(settings) else None)
    return ChatService(
        analyse=analyse,
        answer_question=engine.answer if engine is not None else None,
        answer_question_json=engine.answer_json if engine is not None else None,
        read_and_analyse=engine.read_and_analyse if engine is not None else None,
        max_article_bytes=settings.max_article_bytes,
        max_conversations=settings.max_conversations,
        workers=settings.workers,
        news=news,
        llm=llm,
    )


def engine_for(settings: Settings) -> EngineProcess | None:
    """Child processes for the engine as configured (BRIEFBOT_ENGINE_PROCESSES; 0: none)."""
    if settings.engine_processes == 0:
        return None
    from bot.engine_process import EngineProcess

    return EngineProcess(workers=settings.engine_processes, nice=settings.engine_nice)


def store_exists(settings: Settings) -> bool:
    """Whether a database is configured or already there (else the store opens on first use)."""
    from bot.store import DATABASE_FILE

    folder = Path(settings.data_dir) if settings.data_dir else Path.cwd()
    return bool(settings.database_url) or (folder / DATABASE_FILE).is_file()


async def _with_news(
    service: ChatService, settings: Settings, main: Awaitable[None], *, ops_port: int | None = None
) -> None:
    """Run `main` with the news desk opened first (when there is a store) and closed after; with
    /healthz and /metrics on `ops_port` when given."""
    from adapters.ops_http import OpsServer

    ops = OpsServer(host=settings.ops_host, port=ops_port) if ops_port is not None else None
    try:
        if ops is not None:
            await ops.start()
        if service.news is not None and store_exists(settings):
            await service.news.open()
        await main
    finally:
        if service.news is not None:
            await service.news.close(grace=settings.shutdown_grace_seconds)
        if ops is not None:
            await ops.stop()
        log.warning("briefbot stopped")


def build_adapters(
    settings: Settings, service: ChatService, *, slack_http: bool = False, port: int | None = None
) -> list[ChatAdapter]:
    """The adapters the configuration asks for; empty when no token is configured."""
    adapters: list[ChatAdapter] = []
    if slack_http and not settings.slack_enabled:
        raise UserFacingError(
            "--slack-http needs SLACK_BOT_TOKEN (and SLACK_SIGNING_SECRET) in the environment."
        )
    if settings.slack_enabled:
        adapters.append(_slack(settings, service, http=slack_http or settings.slack_uses_http, port=port))
    if settings.discord_enabled:
        from adapters.discord_adapter import DiscordAdapter

        assert settings.discord_token is not None
        adapters.append(
            DiscordAdapter(
                service,
                token=settings.discord_token.get_secret_value(),
                api_url=settings.discord_api_url,
                gateway_url=settings.discord_gateway_url,
                guild_ids=settings.discord_guild_ids,
                sync_commands=settings.discord_sync_commands,
                auto_shard=settings.discord_auto_shard,
            )
        )
    return adapters


def _slack(settings: Settings, service: ChatService, *, http: bool, port: int | None) -> ChatAdapter:
    from adapters.slack_adapters import SlackHttpAdapter, SlackSocketModeAdapter

    assert settings.slack_bot_token is not None
    bot_token = settings.slack_bot_token.get_secret_value()
    if http:
        if settings.slack_signing_secret is None:
            raise UserFacingError("The Slack Events API needs SLACK_SIGNING_SECRET in the environment.")
        return SlackHttpAdapter(
            service,
            bot_token=bot_token,
            signing_secret=settings.slack_signing_secret.get_secret_value(),
            api_url=settings.slack_api_url,
            host=settings.slack_http_host,
            port=settings.slack_http_port if port is None else port,
        )
    if settings.slack_app_token is None:
        raise UserFacingError(
            "Slack Socket Mode needs SLACK_APP_TOKEN (an app-level token) in the environment."
        )
    return SlackSocketModeAdapter(
        service,
        bot_token=bot_token,
        app_token=settings.slack_app_token.get_secret_value(),
        api_url=settings.slack_api_url,
        ping_interval=settings.slack_ping_interval,
    )


async def serve(
    adapters: list[ChatAdapter],
    stop: asyncio.Event | None = None,
    *,
    service: ChatService | None = None,
    grace: float = 0.0,
) -> None:
    """Start every adapter, wait for SIGINT/SIGTERM (or `stop`), then stop them all.

    Graceful: /healthz turns 503, commands in flight get up to `grace` seconds to finish (and their
    replies to go out) before the adapters disconnect; the scheduler drains after (see `_with_news`).
    """
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, _on_signal, signum, stop)
    started: list[ChatAdapter] = []
    try:
        for adapter in adapters:
            await adapter.start()
            started.append(adapter)
            log.warning("%s adapter running", adapter.name)
        baseline = asyncio.all_tasks()
        await stop.wait()
        if service is not None:
            await _finish_in_flight(service, grace, baseline)
    finally:
        for adapter in reversed(started):
            with contextlib.suppress(Exception):
                await adapter.stop()


def _on_signal(signum: int, stop: asyncio.Event) -> None:
    from adapters.ops_http import STATE

    STATE.draining = True
    log.warning("%s received: shutting down", signal.Signals(signum).name)
    stop.set()


async def _finish_in_flight(service: ChatService, grace: float, baseline: set[asyncio.Task[object]]) -> None:
    """Let commands in flight finish, then the tasks they started (posting replies), within `grace` s."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + grace
    if service.in_flight:
        log.warning("waiting up to %.0f s for %d command(s) in flight", grace, service.in_flight)
    if not await service.drain(grace):
        log.warning("%d command(s) still in flight at shutdown", service.in_flight)
    current = asyncio.current_task()
    young = [t for t in asyncio.all_tasks() if t not in baseline and t is not current and not t.done()]
    if young:  # listener tasks posting their replies; long-lived connection tasks just time out here
        await asyncio.wait(young, timeout=max(0.0, min(1.0, deadline - loop.time())))


async def warm_engine(warm_up: Callable[[], float] | None = None) -> None:
    """Load the engine and gc.freeze() it (bot.warmup) in a worker thread, so the loop stays free.

    Done before the adapters start, so no Slack ack waits for it. A failure costs only speed (the
    engine then loads on the first message), never the start-up.
    """
    if warm_up is None:
        from bot.warmup import warm_up as engine_warm_up

        warm_up = engine_warm_up
    log.warning("warming up the engine")
    started = time.perf_counter()
    try:
        await asyncio.to_thread(warm_up)
    except Exception:
        log.warning(
            "engine warm-up failed after %.2f s: it loads on the first message instead",
            time.perf_counter() - started,
            exc_info=True,
        )
        return
    log.warning("engine warmed up in %.2f s", time.perf_counter() - started)


async def _warm_then_serve(
    adapters: list[ChatAdapter], service: ChatService, grace: float, engine: EngineProcess | None
) -> None:
    await warm_engine(warm_children(engine) if engine is not None else None)
    await serve(adapters, service=service, grace=grace)


def favour_event_loop() -> None:
    """Let the event loop take the GIL back from other threads within a fraction of a millisecond.

    The serving process's threads (rendering a briefing, reading an engine child's result, an
    analysis in thread mode) hold the GIL; with the default 5 ms interval an ack arriving meanwhile
    waits for them. Measured with bench/bench_slack_load.py: p99 ack about a quarter lower.
    """
    sys.setswitchinterval(SERVING_SWITCH_INTERVAL)


def warm_children(engine: EngineProcess) -> Callable[[], float]:
    """A warm-up for the engine's child processes; this process then freezes what it has loaded."""

    def warm() -> float:
        from bot.warmup import freeze_loaded_objects

        started = time.perf_counter()
        engine.warm()
        freeze_loaded_objects()
        return time.perf_counter() - started

    return warm


async def chat(service: ChatService, *, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
    from adapters.console import ConsoleAdapter

    await ConsoleAdapter(service, stdin=stdin or sys.stdin, stdout=stdout or sys.stdout).run()


def ops_port_for(settings: Settings, adapters: list[ChatAdapter], port: int | None) -> int | None:
    """Where /healthz and /metrics get a server of their own: `--port` (else `ops_port`) unless the
    Slack Events API server already serves them."""
    if any(adapter.name == "slack-http" for adapter in adapters):
        return None
    return port if port is not None else (settings.ops_port or None)


def run(
    settings: Settings, *, slack_http: bool = False, port: int | None = None, console: bool = False
) -> int:
    """`briefbot run`: the configured adapters, or the console when no token is configured.

    With adapters, the engine runs in child processes (unless BRIEFBOT_ENGINE_PROCESSES=0), so that
    acks never wait for an analysis; the console briefs in this process."""
    chat_platforms = not console and (settings.slack_enabled or settings.discord_enabled or slack_http)
    engine = engine_for(settings) if chat_platforms else None
    service = build_service(settings, engine=engine)
    try:
        adapters = [] if console else build_adapters(settings, service, slack_http=slack_http, port=port)
        grace = settings.shutdown_grace_seconds
        if adapters:
            favour_event_loop()
        main = chat(service) if not adapters else _warm_then_serve(adapters, service, grace, engine)
        asyncio.run(_with_news(service, settings, main, ops_port=ops_port_for(settings, adapters, port)))
        return 0
    finally:
        service.close()
        if engine is not None:
            engine.close()
