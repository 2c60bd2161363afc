"""The engine in a child process answers exactly as the engine in this process does."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.analysis.pipeline import analyse
from bot.engine_process import EngineCrashed, EngineProcess
from bot.ingest import read_article
from bot.qa import answer_question

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def engine() -> Iterator[EngineProcess]:
    process = EngineProcess()
    yield process
    process.close()


@pytest.mark.parametrize("name", ["example-en.txt", "beispiel-de.txt"])
def test_briefings_and_answers_from_the_child_equal_the_local_ones(engine: EngineProcess, name: str) -> None:
    article = read_article((EXAMPLES / name).read_bytes(), source=name)
    briefing = engine.analyse(article)
    assert briefing == analyse(article) and briefing.actors
    question = "Who said what?" if name.endswith("en.txt") else "Wer hat was gesagt?"
    history = ["Who is involved?"]
    assert engine.answer(briefing, article.text, question, history=history) == answer_question(
        briefing, article.text, question, history=history
    )


def test_the_children_run_at_a_lower_cpu_priority(engine: EngineProcess) -> None:
    assert engine.niceness() == min(19, os.nice(0) + engine.nice)


def test_a_dead_child_fails_its_request_and_the_next_one_gets_a_new_child() -> None:
    engine = EngineProcess(nice=0)
    try:
        engine.warm()
        with pytest.raises(EngineCrashed):
            engine._call(os._exit, 3)  # the child dies mid-request, as on out-of-memory
        article = read_article((EXAMPLES / "example-en.txt").read_bytes(), source="example-en.txt")
        assert engine.analyse(article).actors
    finally:
        engine.close()
