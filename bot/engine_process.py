"""The engine in a child process, so analyses do not compete with the event loop for the GIL.

ChatService runs analyses in a worker thread. That keeps the loop free of the analysis itself, but
the thread still holds the GIL for most of each analysis, and every step of an ack (read, verify,
dispatch, respond) then waits its turn: with articles arriving steadily, Slack acks slow down
several times over (bench/bench_slack_load.py). `EngineProcess` gives the service callables that
hand the work to a warmed-up child process and wait for it without the GIL:

    engine = EngineProcess()
    service = ChatService(analyse=engine.analyse, answer_question=engine.answer)
    ...
    engine.close()
"""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from bot.models import Answer, Article, Briefing

log = logging.getLogger(__name__)


def _start_child() -> None:
    from bot.warmup import warm_up

    warm_up()


def _analyse(article: Article) -> Briefing:
    from bot.analysis.pipeline import analyse

    return analyse(article)


def _answer(briefing: Briefing, text: str, question: str, history: list[str]) -> Answer:
    from bot.qa import answer_question

    return answer_question(briefing, text, question, history=history)


class EngineProcess:
    """Analyses and answers in `workers` child processes (started with "spawn": no inherited threads)."""

    def __init__(self, workers: int = 1) -> None:
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_child)

    def analyse(self, article: Article) -> Briefing:
        return self._pool.submit(_analyse, article).result()

    def answer(
        self, briefing: Briefing, text: str, question: str, *, history: list[str] | None = None
    ) -> Answer:
        return self._pool.submit(_answer, briefing, text, question, list(history or [])).result()

    def warm(self) -> None:
        """Start the child and load its engine now rather than on the first message."""
        self._pool.submit(_start_child).result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
