"""Event-loop responsiveness while the chat service analyses articles.

Runs N briefings through ChatService (the analysis runs in its worker thread) while a callback
scheduled every 10 ms records how late it runs; prints the max, p99 and p50 lateness, and the max
lateness this process could have caused (see bot/loop_lag.py: the rest is other processes).

    python bench/bench_loop.py [--analyses 20] [--size 10] [--workers 1] [--no-freeze | --cold]

The engine is loaded first with bot.warmup.warm_up (which gc.freeze()s it); --no-freeze loads it
without freezing, --cold not at all (the first briefing then loads the models while measured).
Halfway through, the worker runs one full garbage collection, as a long-running bot regularly does
(--no-collect leaves it to chance). --size repeats the examples' paragraphs to make longer articles.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.analysis.pipeline import analyse  # noqa: E402
from bot.chat import Command  # noqa: E402
from bot.loop_lag import LoopLag  # noqa: E402
from bot.models import Article, Briefing  # noqa: E402
from bot.service import ChatService  # noqa: E402
from bot.warmup import warm_up  # noqa: E402

EXAMPLES = ROOT / "examples"


def articles(count: int, size: int) -> list[str]:
    """`count` articles, German and English in turn, each the example's body repeated `size` times."""
    made = []
    for number in range(count):
        name = "example-en.txt" if number % 2 == 0 else "beispiel-de.txt"
        text = (EXAMPLES / name).read_text(encoding="utf-8")
        head, _, body = text.partition("\n\n")
        made.append(f"{head} ({number})\n\n" + "\n\n".join([body.strip()] * size) + "\n")
    return made


def analyser(count: int, *, collect: bool) -> Callable[[Article], Briefing]:
    done = itertools.count(1)

    def analyse_and_collect(article: Article) -> Briefing:
        briefing = analyse(article)
        if collect and next(done) == count // 2:
            gc.collect()
        return briefing

    return analyse_and_collect


async def measure(count: int, size: int, workers: int, *, load: str, collect: bool) -> None:
    if load != "cold":
        await asyncio.to_thread(warm_up, freeze=load == "warm, frozen")
    service = ChatService(workers=workers, analyse=analyser(count, collect=collect))
    texts = articles(count, size)
    lag = LoopLag(0.01)
    lag.start()
    started = time.perf_counter()
    replies = await asyncio.gather(
        *(service.handle(Command(text=t, channel="bench", intent="brief")) for t in texts)
    )
    elapsed = time.perf_counter() - started
    summary = lag.stop()
    service.close()
    kinds = [r.kind for rs in replies for r in rs]
    words = sum(len(t.split()) for t in texts)
    print(
        f"{kinds.count('briefing')}/{count} briefings ({words:,} words, {size}x the examples, "
        f"{workers} worker(s), engine {load}, full collection {'halfway' if collect else 'by chance'}) "
        f"in {elapsed:.2f} s"
    )
    print(f"event loop: {summary}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--analyses", type=int, default=20)
    parser.add_argument("--size", type=int, default=10)
    parser.add_argument("--workers", type=int, default=1)
    loading = parser.add_mutually_exclusive_group()
    loading.add_argument("--no-freeze", action="store_true", help="warm up without gc.freeze()")
    loading.add_argument("--cold", action="store_true", help="no warm-up: measure loading the engine")
    parser.add_argument("--no-collect", action="store_true", help="no full collection halfway")
    args = parser.parse_args()
    load = "cold" if args.cold else "warm, not frozen" if args.no_freeze else "warm, frozen"
    asyncio.run(measure(args.analyses, args.size, args.workers, load=load, collect=not args.no_collect))


if __name__ == "__main__":
    main()
