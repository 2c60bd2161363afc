"""SIGTERM to a real `briefbot run --slack-http`: the command in flight finishes and its reply goes out,
/healthz turns 503 meanwhile, the scheduler stops, and the process exits 0."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from articles import STORIES
from bot_process import BOT_TOKEN, SIGNING_SECRET, BotProcess, bot_env, free_port
from fake_slack import FakeSlack, event_body, mention, post_signed
from news_site import article_html

from bot.store import Store

SLOW_SECONDS = 1.5


class SlowSite:
    """One article page that takes its time, so the bot is mid-command when SIGTERM comes."""

    def __init__(self) -> None:
        self.requested = asyncio.Event()
        self.port = 0
        self._runner: web.AppRunner | None = None

    async def _page(self, request: web.Request) -> web.Response:
        self.requested.set()
        await asyncio.sleep(SLOW_SECONDS)
        return web.Response(text=article_html(STORIES[0]), content_type="text/html")

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/story", self._page)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


async def health(port: int) -> int:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/healthz") as resp:
        return resp.status


@pytest.mark.asyncio
async def test_sigterm_finishes_the_command_in_flight_and_stops_the_scheduler(tmp_path: Path) -> None:
    Store.open(f"sqlite:///{tmp_path / 'briefbot.db'}").close()  # a store: the scheduler runs
    fake, site = FakeSlack(), SlowSite()
    await fake.start()
    await site.start()
    port = free_port()
    env = bot_env(
        tmp_path,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        BRIEFBOT_SLACK_API_URL=fake.api_url,
        BRIEFBOT_ALLOW_PRIVATE_URLS="true",
    )
    bot = BotProcess(["run", "--slack-http", "--port", str(port)], env, name="slack http bot")
    await bot.start()
    try:
        await bot.wait_for("slack-http adapter running")
        await bot.wait_for("this process runs the scheduler")
        link = f"http://127.0.0.1:{site.port}/story"
        event = mention(f"<{link}>", channel="C1", ts="1700000001.000100")
        status, _ = await post_signed(
            f"http://127.0.0.1:{port}/slack/events", event_body(event), secret=SIGNING_SECRET
        )
        assert status == 200
        await asyncio.wait_for(site.requested.wait(), 10)

        bot.signal(signal.SIGTERM)
        await bot.wait_for("SIGTERM received: shutting down")
        assert await health(port) == 503  # still serving while it drains, but out of the load balancer
        assert await bot.wait() == 0

        replies = [c for c in fake.posted() if c.params.get("thread_ts") == "1700000001.000100"]
        assert replies, f"the briefing in flight was not posted:\n{bot.log()}"
        assert STORIES[0].title.split()[0] in str(replies[0].params)
        log = bot.log()
        for line in (
            "waiting up to 8 s for 1 command(s) in flight",
            "scheduler stopped",
            "briefbot stopped",
        ):
            assert line in log
        assert "still in flight" not in log and "Traceback" not in log
        assert log.index("scheduler stopped") > log.index("SIGTERM received")
    finally:
        await bot.close()
        await site.stop()
        await fake.stop()
