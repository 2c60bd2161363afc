"""Slack Events API under load: ack latency of the bot's HTTP endpoint, against a bare slack-bolt app.

Sends signed Events API requests at a steady rate (default 1,000 at 50 per second) to the bot's
endpoint on 127.0.0.1: the real SlackHttpAdapter (slack-bolt AsyncApp, ChatService with the offline
engine, warmed up) in its own process, posting to a fake Slack Web API in a third process.
One event in ten is an article to brief (the examples' body repeated --size times, so analyses run
throughout), two are `help` mentions, seven are channel chatter the bot acks and ignores. The same
events go to a bare slack-bolt app (no-op listeners, same aiohttp serving) in another process. The
two take turns in --rounds rounds (the bot's analyses all finished before each bare round), so that
other load on the machine at the time weighs on both alike. Prints failures and ack latency
p50/p99/max for both, pooled over the rounds, and the ratio of the p99s.

    python bench/bench_slack_load.py [--events 1000] [--rate 50] [--size 10] [--rounds 5] [--engine-thread]
                                     [--arrivals even|random]

--arrivals even (the default) sends one event every 1/rate seconds. Then an article's analysis, which
takes about as long each time, always finishes as the same later event arrives, and its reply is
posted while that event is acked. --arrivals random spaces the events as independent arrivals do
(exponential gaps with the same mean rate, the same seeded schedule for the bot and the bare app):
bursts slow the bare app too, and collisions with the bot's replies happen at random.

The bot runs as `briefbot run` does: analyses in a child process at a lower CPU priority
(bot/engine_process.py). --engine-thread runs them in the service's worker thread instead
(BRIEFBOT_ENGINE_PROCESSES=0), where they compete with the event loop for the GIL.

Targets (issue 6): no failures, p99 ack <= 100 ms, and at most 1.5 times the bare app's p99.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "adapters")]

from fake_slack import BOT_TOKEN, SIGNING_SECRET, FakeSlack, event_body, mention, sign  # noqa: E402

from bot.loop_lag import percentile  # noqa: E402

SLACK_TIMEOUT = 3.0  # Slack gives up (and retries) after 3 s without an ack
ARTICLES = [ROOT / "examples" / "example-en.txt", ROOT / "examples" / "beispiel-de.txt"]


# --- the servers (run as child processes) -------------------------------------------------------------


async def serve(kind: str, api_url: str, port_file: Path, *, engine_process: bool = True) -> None:
    if kind == "bot":
        from adapters.runner import favour_event_loop, warm_children
        from adapters.slack_adapters import SlackHttpAdapter
        from bot.engine_process import EngineProcess
        from bot.service import ChatService
        from bot.warmup import warm_up

        service = ChatService()
        if engine_process:
            engine = EngineProcess()  # as `briefbot run` starts it (BRIEFBOT_ENGINE_PROCESSES=1)
            service = ChatService(
                analyse=engine.analyse,
                answer_question=engine.answer,
                answer_question_json=engine.answer_json,
                read_and_analyse=engine.read_and_analyse,
            )
        adapter = SlackHttpAdapter(
            service,
            bot_token=BOT_TOKEN,
            signing_secret=SIGNING_SECRET,
            api_url=api_url,
            host="127.0.0.1",
            port=0,
        )
        if engine_process:  # as adapters.runner warms up
            warm_children(engine)()
        else:
            warm_up()
        favour_event_loop()  # as `briefbot run` serves
        await adapter.start()
        port = adapter.port
    elif kind == "bare":
        port = await _serve_bare(api_url)
    else:
        port = await _serve_fake_slack()
    port_file.write_text(str(port))
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()


async def _serve_fake_slack() -> int:
    """The fake Web API, with /_bench/counts telling how many calls and briefings it has seen.

    In a process of its own, as Slack is elsewhere: the replies the bot posts must not slow down the
    process that sends the events and times the acks."""
    fake = FakeSlack()
    await fake.start()

    async def counts(request: web.Request) -> web.Response:
        posted = fake.posted()
        briefings = sum(1 for call in posted if call.params.get("blocks"))
        return web.json_response({"calls": len(fake.calls), "posts": len(posted), "briefings": briefings})

    stats = web.Application()
    stats.router.add_get("/_bench/counts", counts)
    runner = web.AppRunner(stats, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return fake.port * 100_000 + int(runner.addresses[0][1])  # both ports in one number


async def _serve_bare(api_url: str) -> int:
    from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    app = AsyncApp(client=AsyncWebClient(token=BOT_TOKEN, base_url=api_url), signing_secret=SIGNING_SECRET)

    async def ignore() -> None:
        pass

    app.event("app_mention")(ignore)
    app.event("message")(ignore)

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))

    web_app = web.Application(client_max_size=2 * 1024 * 1024)
    web_app.router.add_post("/slack/events", events)
    runner = web.AppRunner(web_app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return int(runner.addresses[0][1])


# --- the load --------------------------------------------------------------------------------------------


def article(path: Path, size: int) -> str:
    """The example article with its body repeated `size` times (Slack takes up to 40,000 characters)."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    return head + "\n\n" + "\n\n".join([body.strip()] * size) + "\n"


def build_events(count: int, first: int = 0, size: int = 10) -> list[bytes]:
    """Request bodies numbered from `first` (the bot drops a repeated event id as a retry)."""
    articles = [article(path, size) for path in ARTICLES]
    bodies = []
    for number in range(first, first + count):
        ts = f"{1800000000 + number}.000100"
        if number % 10 == 0:
            event = mention(articles[number // 10 % 2], channel="CLOAD", ts=ts)
        elif number % 10 in (1, 2):
            event = mention("help", channel="CLOAD", ts=ts)
        else:
            event = {"type": "message", "channel": "CLOAD", "channel_type": "channel", "user": "U1",
                     "text": f"chatter {number}", "ts": ts}  # fmt: skip
        bodies.append(json.dumps(event_body(event, event_id=f"EvLOAD{number:07d}")).encode())
    return bodies


@dataclass
class Result:
    latencies: list[float]
    failures: dict[str, int]

    def add(self, other: Result) -> None:
        self.latencies += other.latencies
        for kind, number in other.failures.items():
            self.failures[kind] = self.failures.get(kind, 0) + number

    def line(self, name: str) -> str:
        ms = [1000 * x for x in self.latencies]
        failed = sum(self.failures.values())
        return (
            f"{name}: {len(ms) + failed} events, {failed} failures{f' {self.failures}' if failed else ''}, "
            f"ack p50 {percentile(ms, 0.5):.1f} ms, p99 {percentile(ms, 0.99):.1f} ms, "
            f"max {max(ms, default=0):.1f} ms"
        )


def schedule(count: int, rate: float, arrivals: str) -> list[float]:
    """When to send each event, in seconds from the start."""
    if arrivals == "even":
        return [number / rate for number in range(count)]
    gaps = random.Random(count).expovariate
    times, due = [], 0.0
    for _ in range(count):
        times.append(due)
        due += gaps(rate)
    return times


async def fire(url: str, bodies: list[bytes], rate: float, arrivals: str = "even") -> Result:
    result = Result([], {})
    timeout = aiohttp.ClientTimeout(total=SLACK_TIMEOUT)
    connector = aiohttp.TCPConnector(limit=200)

    async def send(session: aiohttp.ClientSession, body: bytes) -> None:
        headers = {"Content-Type": "application/json", **sign(body)}
        started = time.perf_counter()
        try:
            async with session.post(url, data=body, headers=headers) as response:
                await response.read()
                status = response.status
        except (TimeoutError, aiohttp.ClientError) as err:
            result.failures[type(err).__name__] = result.failures.get(type(err).__name__, 0) + 1
            return
        if status != 200:
            result.failures[f"HTTP {status}"] = result.failures.get(f"HTTP {status}", 0) + 1
        else:
            result.latencies.append(time.perf_counter() - started)

    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        loop = asyncio.get_running_loop()
        start = loop.time()
        tasks = []
        for due, body in zip(schedule(len(bodies), rate, arrivals), bodies, strict=True):
            await asyncio.sleep(max(0.0, start + due - loop.time()))
            tasks.append(asyncio.create_task(send(session, body)))
        await asyncio.gather(*tasks)
    return result


@contextlib.asynccontextmanager
async def server(kind: str, api_url: str = "", *, engine_process: bool = False) -> AsyncIterator[int]:
    """A bot, bare or fake-Slack server in a child process; yields the port it listens on."""
    with tempfile.TemporaryDirectory() as folder:
        port_file = Path(folder) / "port"
        command = [sys.executable, __file__, "--serve", kind, "--api-url", api_url]
        command += ["--port-file", str(port_file)] + ([] if engine_process else ["--engine-thread"])
        child = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": str(ROOT)})
        try:
            while not port_file.exists() or not port_file.read_text():
                if child.poll() is not None:
                    raise RuntimeError(f"the {kind} server exited with {child.returncode}")
                await asyncio.sleep(0.05)
            yield int(port_file.read_text())
        finally:
            child.terminate()
            child.wait(timeout=10)


async def slack_counts(stats_url: str) -> dict[str, int]:
    async with aiohttp.ClientSession() as session, session.get(stats_url) as response:
        counts: dict[str, int] = await response.json()
        return counts


async def settled(stats_url: str, quiet: float = 1.0) -> dict[str, int]:
    """Wait until the bot has posted nothing for `quiet` seconds (its analyses are done); the counts."""
    seen: dict[str, int] = {}
    while (counts := await slack_counts(stats_url)) != seen:
        seen = counts
        await asyncio.sleep(quiet)
    return counts


async def bench(
    count: int, rate: float, size: int, rounds: int, *, engine_process: bool, arrivals: str = "even"
) -> None:
    """Both servers run side by side; rounds alternate between them, so that whatever else the machine
    does at the time weighs on both alike. The bot is idle (all replies posted) before each bare round."""
    bodies = build_events(count, size=size)
    words = len(article(ARTICLES[0], size).split())
    print(
        f"{count} signed events at {rate:g}/s ({arrivals} arrivals) in {rounds} alternating rounds: "
        f"10% articles to brief (~{words:,} words each), 20% help, 70% chatter; analyses in "
        f"{'a child process' if engine_process else 'a worker thread'}",
        flush=True,
    )
    bot, bare = Result([], {}), Result([], {})
    async with server("slack") as ports:
        api_url = f"http://127.0.0.1:{ports // 100_000}/api/"
        stats_url = f"http://127.0.0.1:{ports % 100_000}/_bench/counts"
        async with (
            server("bot", api_url, engine_process=engine_process) as bot_port,
            server("bare", api_url) as bare_port,
        ):
            bot_url, bare_url = (f"http://127.0.0.1:{port}/slack/events" for port in (bot_port, bare_port))
            for url in (bot_url, bare_url):  # connections, caches, the first analysis
                await fire(url, build_events(20, first=1_000_000, size=size), rate)
            before = await settled(stats_url)
            share = -(-count // rounds)
            for number in range(rounds):
                part = bodies[number * share : (number + 1) * share]
                bot_round = await fire(bot_url, part, rate, arrivals)
                await settled(stats_url)
                bare_round = await fire(bare_url, part, rate, arrivals)
                bot.add(bot_round)
                bare.add(bare_round)
                bot_ms, bare_ms = (1000 * percentile(r.latencies, 0.99) for r in (bot_round, bare_round))
                print(f"  round {number + 1}: p99 briefbot {bot_ms:.1f} ms, bare {bare_ms:.1f} ms")
            after = await settled(stats_url)
    briefings, posts = (after[key] - before[key] for key in ("briefings", "posts"))
    print(bot.line("briefbot"), f"({briefings} briefing messages, {posts} posts)")
    print(bare.line("bare slack-bolt"))
    bot_p99 = percentile(bot.latencies, 0.99)
    bare_p99 = percentile(bare.latencies, 0.99)
    ratio = bot_p99 / bare_p99 if bare_p99 else float("inf")
    verdict = "met" if not bot.failures and bot_p99 <= 0.1 and ratio <= 1.5 else "NOT met"
    print(
        f"p99 ratio briefbot/bare: {ratio:.2f} (targets: no failures, p99 <= 100 ms, ratio <= 1.5: {verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=50.0, help="events per second")
    parser.add_argument(
        "--arrivals", choices=["even", "random"], default="even", help="evenly spaced or independent arrivals"
    )
    parser.add_argument("--size", type=int, default=10, help="article length: the examples' body repeated")
    parser.add_argument("--rounds", type=int, default=5, help="alternations between the bot and the bare app")
    parser.add_argument(
        "--engine-thread", action="store_true", help="analyse in a worker thread, not a child process"
    )
    parser.add_argument("--serve", choices=["bot", "bare", "slack"], help=argparse.SUPPRESS)
    parser.add_argument("--api-url", help=argparse.SUPPRESS)
    parser.add_argument("--port-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.serve, args.api_url, args.port_file, engine_process=not args.engine_thread))
    else:
        engine_process = not args.engine_thread
        asyncio.run(
            bench(
                args.events,
                args.rate,
                args.size,
                args.rounds,
                engine_process=engine_process,
                arrivals=args.arrivals,
            )
        )


if __name__ == "__main__":
    main()
