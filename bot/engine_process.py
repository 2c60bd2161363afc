"""The engine in child processes, so analyses never compete with the event loop for the CPU or the GIL.

In a worker thread an analysis holds the GIL for most of its run, and every step of a Slack ack
(read, verify, dispatch, respond) then waits its turn: with articles arriving steadily, acks slow
down several times over (bench/bench_slack_load.py). `EngineProcess` hands the work to warmed-up
child processes instead, and waits for them without holding the GIL. The children run at a lower
CPU priority (`nice`), so on a busy machine the kernel gives the process serving acks the CPU first:
an analysis finishing a few milliseconds later is invisible, a late ack is a retried event.

`briefbot run` uses it by default (BRIEFBOT_ENGINE_PROCESSES, 0 = analyse in threads):

    engine = EngineProcess(workers=1, nice=10)
    service = ChatService(
        analyse=engine.analyse,
        answer_question=engine.answer,
        answer_question_json=engine.answer_json,  # questions about a remembered briefing (its JSON)
        read_and_analyse=engine.read_and_analyse,
    )
    ...
    engine.close()

If a child dies (out of memory, killed), the request it was serving fails with `EngineCrashed` and
the pool is started again for the next one: one bad article never takes the bot down.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from bot.models import Answer, Article, Briefing

log = logging.getLogger(__name__)

T = TypeVar("T")
DEFAULT_NICE = 10


class EngineCrashed(RuntimeError):
    """The child process serving a request died; the pool has been restarted."""


def _start_child(nice: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent stops us
    _exit_with_parent(os.getppid())
    if nice:
        try:
            os.nice(nice)
        except OSError:  # not permitted here: run at the parent's priority
            log.warning("could not lower the engine process's priority")
    from bot.warmup import warm_up

    warm_up()


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """Exit when the bot process is gone (killed with SIGKILL, it cannot stop us), instead of lingering."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


# Results travel back as JSON: unpickling the models would run in the parent's result thread, holding
# the GIL for one to two milliseconds per briefing while the event loop waits for it.


def _analyse(article: Article) -> str:
    from bot.analysis.pipeline import analyse

    return analyse(article).model_dump_json()


def _read_and_analyse(data: bytes, source: str, max_bytes: int) -> tuple[str, str]:
    from bot.analysis.pipeline import analyse
    from bot.ingest import read_article

    article = read_article(data, source=source, max_bytes=max_bytes)
    return article.model_dump_json(), analyse(article).model_dump_json()


_briefings: OrderedDict[str, Briefing] = OrderedDict()  # in the child: JSON -> the parsed briefing
_BRIEFINGS_KEPT = 32


def _answer(briefing_json: str, text: str, question: str, history: list[str]) -> Answer:
    from bot.qa import answer_question

    return answer_question(_parsed(briefing_json), text, question, history=history)


def _parsed(briefing_json: str) -> Briefing:
    """The same object for the same briefing, so the question index built for it is reused."""
    briefing = _briefings.pop(briefing_json, None) or Briefing.model_validate_json(briefing_json)
    _briefings[briefing_json] = briefing
    while len(_briefings) > _BRIEFINGS_KEPT:
        _briefings.popitem(last=False)
    return briefing


def _niceness() -> int:
    return os.nice(0)


class EngineProcess:
    """Analyses and answers in `workers` child processes (started with "spawn": no inherited threads)."""

    def __init__(self, workers: int = 1, *, nice: int = DEFAULT_NICE) -> None:
        self.workers = workers
        self.nice = nice
        self._lock = threading.Lock()
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=context, initializer=_start_child, initargs=(self.nice,)
        )

    def analyse(self, article: Article) -> Briefing:
        return Briefing.model_validate_json(self._call(_analyse, article))

    def read_and_analyse(self, data: bytes, *, source: str, max_bytes: int) -> tuple[Article, Briefing]:
        """Decode and check the text (bot.ingest) and analyse it, both in the child; a bad input raises
        its UserFacingError here as it would in this process."""
        article_json, briefing_json = self._call(_read_and_analyse, data, source, max_bytes)
        return Article.model_validate_json(article_json), Briefing.model_validate_json(briefing_json)

    def answer(
        self, briefing: Briefing, text: str, question: str, *, history: list[str] | None = None
    ) -> Answer:
        # as JSON: pickling the pydantic models costs several times more, in the bot's process
        return self.answer_json(briefing.model_dump_json(), text, question, history=history)

    def answer_json(
        self, briefing_json: str, text: str, question: str, *, history: list[str] | None = None
    ) -> Answer:
        """`answer` for a briefing kept as its JSON (ChatService's Topic): no parsing in this process."""
        return self._call(_answer, briefing_json, text, question, list(history or []))

    def warm(self) -> None:
        """Start the children and load their engine now rather than on the first message."""
        futures = [self._submit(_niceness) for _ in range(self.workers)]
        for future in futures:
            future.result()

    def niceness(self) -> int:
        """The scheduling priority the children run at (as `nice` reports it)."""
        return self._call(_niceness)

    def close(self) -> None:
        with self._lock:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def _submit(self, func: Callable[..., T], *args: object) -> Future[T]:
        with self._lock:
            return self._pool.submit(func, *args)

    def _call(self, func: Callable[..., T], *args: object) -> T:
        with self._lock:
            pool = self._pool
        try:
            return pool.submit(func, *args).result()
        except BrokenProcessPool as err:
            self._restart(pool)
            raise EngineCrashed("the engine process stopped while working on this request") from err

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is broken:  # other requests on the same pool restart it only once
                log.error("the engine process died; starting a new one")
                self._pool = self._new_pool()
        broken.shutdown(wait=False, cancel_futures=True)
