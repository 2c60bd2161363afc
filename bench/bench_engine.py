#!/usr/bin/env python3
"""Engine benchmark: throughput, latency, memory and cold start of the offline engine.

Usage:
  python bench/bench_engine.py [CORPUS.jsonl] [--limit N] [--no-cold-start]
  python bench/bench_engine.py --all [CORPUS_DIR]     every *.jsonl there, reporting crashes

A corpus is JSONL with a "text" field per line (an "id" is used in crash reports when present).
Each article goes through ingest and analyse() in this one process, on one thread, as the bot
runs them. Tokens are counted with the engine's tokenizer outside the timed section.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS_DIR = REPO.parent / "shared" / "corpus"
DEFAULT_CORPUS = DEFAULT_CORPUS_DIR / "news-de-10kgnad.jsonl"


@dataclass
class RunResult:
    corpus: Path
    documents: int = 0
    refused: int = 0  # UserFacingError: not German/English, empty, ...
    tokens: int = 0
    latencies: list[float] = field(default_factory=list)
    cpu_seconds: float = 0.0  # process time: less disturbed than wall time on a shared machine
    crashes: list[str] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(self.latencies)


def load_texts(path: Path, limit: int | None) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if not line.strip():
                continue
            record = json.loads(line)
            if "text" not in record:
                continue
            texts.append((str(record.get("id", number)), record["text"]))
            if limit and len(texts) >= limit:
                break
    return texts


def run_corpus(path: Path, limit: int | None) -> RunResult:
    from bot.analysis.pipeline import analyse
    from bot.errors import UserFacingError
    from bot.ingest import article_from_text
    from bot.language.tokens import tokenize

    result = RunResult(path)
    for doc_id, text in load_texts(path, limit):
        result.documents += 1
        cpu_started = time.process_time()
        started = time.perf_counter()
        try:
            article = article_from_text(text, source=doc_id)
            analyse(article)
        except UserFacingError:
            result.refused += 1
            continue
        except Exception:
            result.crashes.append(f"{doc_id}: {traceback.format_exc(limit=-3)}")
            continue
        result.latencies.append(time.perf_counter() - started)
        result.cpu_seconds += time.process_time() - cpu_started
        result.tokens += len(tokenize(article.text, article.text_start))
    return result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def briefbot_command() -> list[str]:
    script = Path(sys.executable).parent / "briefbot"
    if script.exists():
        return [str(script)]
    found = shutil.which("briefbot")
    return [found] if found else [sys.executable, "-m", "bot"]


def cold_start(text: str, runs: int = 3) -> tuple[float, bool]:
    """Best wall time of `briefbot analyse --json FILE` over a few runs, and whether it succeeded."""
    best = float("inf")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text(text, encoding="utf-8")
        for _ in range(runs):
            started = time.perf_counter()
            proc = subprocess.run(
                [*briefbot_command(), "analyse", "--json", str(article)], capture_output=True, timeout=120
            )
            best = min(best, time.perf_counter() - started)
            ok = ok and proc.returncode == 0
    return best, ok


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def report(result: RunResult) -> None:
    lat = result.latencies
    print(f"corpus      {result.corpus}")
    print(f"documents   {result.documents} ({len(lat)} analysed, {result.refused} refused as input)")
    if lat:
        print(f"tokens      {result.tokens}")
        print(
            f"tokens/s    {result.tokens / result.seconds:,.0f}  (end to end, {result.seconds:.1f} s wall; "
            f"{result.tokens / result.cpu_seconds:,.0f} per CPU second)"
        )
        print(
            f"latency ms  mean {1000 * statistics.fmean(lat):.1f}  p50 {1000 * percentile(lat, 0.5):.1f}  "
            f"p95 {1000 * percentile(lat, 0.95):.1f}  max {1000 * max(lat):.1f}"
        )
    print(f"crashed     {len(result.crashes)}")
    for crash in result.crashes[:5]:
        print("  " + crash.replace("\n", "\n  "))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", help="JSONL corpus (with --all: a directory of them)")
    parser.add_argument("--all", action="store_true", help="run every *.jsonl corpus in the directory")
    parser.add_argument("--limit", type=int, help="at most N articles per corpus")
    parser.add_argument("--no-cold-start", action="store_true", help="skip the subprocess cold-start runs")
    args = parser.parse_args()

    sys.path.insert(0, str(REPO))
    if args.all:
        folder = Path(args.corpus) if args.corpus else DEFAULT_CORPUS_DIR
        corpora = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
    else:
        corpora = [Path(args.corpus) if args.corpus else DEFAULT_CORPUS]
    missing = [c for c in corpora if not c.is_file()]
    if not corpora or missing:
        where = missing[0] if missing else (args.corpus or DEFAULT_CORPUS_DIR)
        print(
            f"bench_engine: no corpus at {where}; pass a JSONL file (or a directory with --all)",
            file=sys.stderr,
        )
        return 2

    import_started = time.perf_counter()
    from bot.language.tagger import get_tagger

    for language in ("de", "en"):
        get_tagger(language)  # load models before timing, as a long-running bot does
    print(f"model load  {time.perf_counter() - import_started:.2f} s (not counted below)")

    crashed = 0
    for corpus in corpora:
        result = run_corpus(corpus, args.limit)
        report(result)
        crashed += len(result.crashes)
        print()
    print(f"peak RSS    {peak_rss_mb():.0f} MB")
    if not args.no_cold_start:
        sample = load_texts(corpora[0], 1)
        if sample:
            seconds, ok = cold_start(sample[0][1])
            status = "" if ok else ", FAILED"
            print(f"cold start  {seconds:.2f} s  (`briefbot analyse --json FILE`, best of 3{status})")
    print(f"any crash   {'yes' if crashed else 'no'} ({crashed})")
    return 1 if crashed else 0


if __name__ == "__main__":
    raise SystemExit(main())
