"""Benchmark: 200 feed items from a local news site fetched, extracted, analysed and stored.

    python bench/bench_feeds.py [--items 200] [--concurrency 4] [--database URL]

Serves the test news site (tests/integration/news_site.py) on 127.0.0.1, subscribes a channel to a
feed of N items and polls it once with the real engine, into a fresh SQLite file (or --database).
Prints the figures; the target is <= 30 s for 200 items on a 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "integration"))

from news_site import NewsSite  # noqa: E402

from bot.models import Article, Briefing  # noqa: E402
from bot.sources.fetch import Fetcher, FetchLimits  # noqa: E402
from bot.sources.poll import FeedPoller, PollSettings  # noqa: E402
from bot.store import Store  # noqa: E402
from bot.store_briefs import BriefingCache, default_analyse  # noqa: E402

TARGET_SECONDS = 30.0


class TimedAnalyse:
    def __init__(self) -> None:
        self.seconds = 0.0
        self.tokens = 0

    def __call__(self, article: Article) -> Briefing:
        started = time.perf_counter()
        briefing = default_analyse(article)
        self.seconds += time.perf_counter() - started
        self.tokens += len(article.text.split())
        return briefing


async def run(items: int, concurrency: int, database: str | None) -> int:
    site = NewsSite()
    site.bench_items = items
    site.start()
    folder = tempfile.TemporaryDirectory()
    url = database or f"sqlite:///{Path(folder.name) / 'bench.db'}"
    default_analyse(Article(text="Warm-up.\n\nDer Minister sagte, man werde handeln.", language="de"))
    store = Store.open(url)
    analyse = TimedAnalyse()
    fetcher = Fetcher(FetchLimits(allow_private=True))
    poller = FeedPoller(
        store,
        fetcher,
        BriefingCache(store, analyse),
        settings=PollSettings(max_items=items, concurrency=concurrency),
    )
    try:
        sub, _ = store.subscribe("console", site.url("/feeds/bench.rss"))
        started = time.perf_counter()
        report = await poller.poll(sub.feed)
        elapsed = time.perf_counter() - started
        stored = len(store.channel_articles("console", limit=items + 10))
    finally:
        await fetcher.aclose()
        store.close()
        site.stop()
        folder.cleanup()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"items in feed            {items}")
    print(f"stored and briefed       {stored} (failed: {report.failed_items})")
    print(f"wall time                {elapsed:.2f} s  (target <= {TARGET_SECONDS:.0f} s for 200)")
    print(f"items per second         {stored / elapsed:.1f}")
    print(f"analysis (engine) time   {analyse.seconds:.2f} s for ~{analyse.tokens:,} words (one at a time)")
    print(f"fetch, extract, store    {elapsed - analyse.seconds:.2f} s beside the analysis")
    print(f"peak memory (RSS)        {rss_mb:.0f} MB")
    ok = stored == items and elapsed <= TARGET_SECONDS * items / 200
    print("result                   " + ("OK" if ok else "TOO SLOW OR INCOMPLETE"))
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--database", default=None, help="a database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    return asyncio.run(run(args.items, args.concurrency, args.database))


if __name__ == "__main__":
    raise SystemExit(main())
