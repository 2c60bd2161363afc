"""The engine in a child process answers exactly as the engine in this process does."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.analysis.pipeline import analyse
from bot.engine_process import EngineCrashed, EngineProcess
from bot.errors import UserFacingError
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
    local = answer_question(briefing, article.text, question, history=history)
    assert engine.answer(briefing, article.text, question, history=history) == local
    assert engine.answer_json(briefing.model_dump_json(), article.text, question, history=history) == local


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


_PARENT = """
import multiprocessing, sys, time
from bot.engine_process import EngineProcess
if __name__ == "__main__":
    engine = EngineProcess()
    engine.warm()
    children = multiprocessing.active_children()
    print(*[child.pid for child in children], flush=True)
    time.sleep(60)
"""


def test_the_children_exit_when_the_bot_process_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(_PARENT, encoding="utf-8")
    root = str(Path(__file__).resolve().parents[2])
    parent = subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": root},
    )
    try:
        assert parent.stdout is not None
        children = [int(pid) for pid in parent.stdout.readline().split()]
        assert children and all(_alive(pid) for pid in children)
    finally:
        parent.kill()
        parent.wait()
        if parent.stdout is not None:
            parent.stdout.close()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in children)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead too: it only waits for init to reap it
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_reading_in_the_child_gives_the_same_article_and_the_same_refusals(engine: EngineProcess) -> None:
    data = (EXAMPLES / "beispiel-de.txt").read_bytes()
    article, briefing = engine.read_and_analyse(data, source="beispiel-de.txt", max_bytes=1_000_000)
    assert article == read_article(data, source="beispiel-de.txt") and briefing == analyse(article)
    with pytest.raises(UserFacingError, match="empty"):
        engine.read_and_analyse(b"  \n ", source="blank.txt", max_bytes=1_000_000)
    with pytest.raises(UserFacingError, match="too large"):
        engine.read_and_analyse(data, source="big.txt", max_bytes=100)
