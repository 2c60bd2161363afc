"""/healthz and /metrics over real HTTP: on their own port, beside the Slack Events API, and in a
`briefbot run` process (console and Slack Socket Mode) with `--port`."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import aiohttp
import pytest
from bot_process import APP_TOKEN, BOT_TOKEN, BotProcess, bot_env, free_port
from fake_slack import FakeSlack, event_body, mention, post_signed
from prometheus_client.parser import text_string_to_metric_families

from adapters.ops_http import STATE, OpsServer
from adapters.slack_adapters import SlackHttpAdapter
from bot.chat import Command
from bot.models import Article, Briefing
from bot.service import ChatService

ARTICLE = (
    "Die Ministerin Anna Berger sagte am Montag, die Regierung werde die Förderung verdoppeln. "
    "Der Verband lehnte den Plan ab und forderte mehr Zeit für die Betriebe."
)


def quick_analyse(article: Article) -> Briefing:
    return Briefing(
        source=article.source,
        language=article.language,
        title=article.title,
        date=article.date,
        summary=[],
        actors=[],
        positions=[],
    )


async def get(url: str) -> tuple[int, str, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, response.headers.get("Content-Type", ""), await response.text()


def sample(page: str, name: str, **labels: str) -> float:
    """One sample's value from a /metrics page (0 when the series does not exist yet)."""
    for family in text_string_to_metric_families(page):
        for found in family.samples:
            if found.name == name and all(found.labels.get(k) == v for k, v in labels.items()):
                return float(found.value)
    return 0.0


@pytest.mark.asyncio
async def test_health_and_metrics_on_their_own_port_count_commands_and_briefings() -> None:
    server = OpsServer(host="127.0.0.1", port=0)
    service = ChatService(analyse=quick_analyse)
    await server.start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        assert await get(f"{base}/healthz") == (200, "text/plain; charset=utf-8", "ok")
        _, kind, before = await get(f"{base}/metrics")
        assert kind == "text/plain; version=0.0.4; charset=utf-8"
        for name in ("briefbot_events_handled", "briefbot_briefings", "briefbot_answer_seconds"):
            assert f"# TYPE {name}" in before
        assert "# TYPE briefbot_digests_posted_total counter" in before
        assert "# TYPE briefbot_errors_total counter" in before

        await service.handle(Command(text=ARTICLE, channel="console", conversation="c", intent="brief"))
        await service.handle(Command(text="help", channel="console", conversation="c"))
        _, _, after = await get(f"{base}/metrics")
        events = "briefbot_events_handled_total"
        assert sample(after, events, platform="console") - sample(before, events, platform="console") == 2
        briefings = "briefbot_briefings_total"
        assert (
            sample(after, briefings, platform="console") - sample(before, briefings, platform="console") == 1
        )
        latency = "briefbot_answer_seconds_count"
        assert sample(after, latency, platform="console") - sample(before, latency, platform="console") == 2

        STATE.draining = True
        assert (await get(f"{base}/healthz"))[0] == 503
    finally:
        STATE.draining = False
        await server.stop()
        service.close()


@pytest.mark.asyncio
async def test_the_slack_events_port_serves_metrics_too() -> None:
    fake = FakeSlack()
    await fake.start()
    service = ChatService(analyse=quick_analyse)
    secret = "0123456789abcdef0123456789abcdef"
    adapter = SlackHttpAdapter(
        service, bot_token=BOT_TOKEN, signing_secret=secret, api_url=fake.api_url, host="127.0.0.1", port=0
    )
    await adapter.start()
    try:
        base = f"http://127.0.0.1:{adapter.port}"
        _, _, before = await get(f"{base}/metrics")
        body = event_body(mention(ARTICLE, channel="C1", ts="1700000000.000100"))
        status, _ = await post_signed(f"{base}/slack/events", body, secret=secret)
        assert status == 200
        await fake.wait_for_posts(1)
        _, _, after = await get(f"{base}/metrics")
        events = "briefbot_events_handled_total"
        assert sample(after, events, platform="slack") - sample(before, events, platform="slack") == 1
        assert (await get(f"{base}/healthz"))[:1] == (200,)
    finally:
        await adapter.stop()
        await fake.stop()
        service.close()


@pytest.mark.asyncio
async def test_briefbot_run_serves_health_and_metrics_on_port_with_the_console(tmp_path: Path) -> None:
    port = free_port()
    bot = BotProcess(["run", "--port", str(port)], bot_env(tmp_path), name="console bot")
    await bot.start(stdin=True)
    try:
        await bot.wait_for(rf"health and metrics on 127\.0\.0\.1:{port}")
        assert await get(f"http://127.0.0.1:{port}/healthz") == (200, "text/plain; charset=utf-8", "ok")
        status, _, page = await get(f"http://127.0.0.1:{port}/metrics")
        assert status == 200 and "briefbot_events_handled" in page
        assert bot.process is not None and bot.process.stdin is not None
        bot.process.stdin.write(b"help\n")
        await bot.process.stdin.drain()
        await bot.wait_for("I brief German and English news articles")
        _, _, page = await get(f"http://127.0.0.1:{port}/metrics")
        assert sample(page, "briefbot_events_handled_total", platform="console") == 1
        bot.process.stdin.close()
        assert await bot.wait() == 0
        assert "briefbot stopped" in bot.log()
    finally:
        await bot.close()


@pytest.mark.asyncio
async def test_briefbot_run_with_socket_mode_serves_health_on_port_and_stops_on_sigterm(
    tmp_path: Path,
) -> None:
    fake = FakeSlack()
    await fake.start()
    port = free_port()
    env = bot_env(
        tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_APP_TOKEN=APP_TOKEN, BRIEFBOT_SLACK_API_URL=fake.api_url
    )
    bot = BotProcess(["run", "--port", str(port)], env, name="socket mode bot")
    await bot.start()
    try:
        await bot.wait_for("slack-socket-mode adapter running")
        await asyncio.wait_for(fake.wait_connected(), 10)
        assert (await get(f"http://127.0.0.1:{port}/healthz"))[0] == 200
        bot.signal(signal.SIGTERM)
        assert await bot.wait() == 0
        assert "SIGTERM received: shutting down" in bot.log()
        assert "Traceback" not in bot.log() and BOT_TOKEN not in bot.log() and APP_TOKEN not in bot.log()
    finally:
        await bot.close()
        await fake.stop()
