"""`briefbot --engine llm` end to end against the local fake server; offline output when it is unreachable."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from llm_fake_server import FakeLlm, Step

SUMMARY = "Dockworkers are on strike after failed talks, and grain exports are stuck."


@pytest.fixture
def fake() -> Iterator[FakeLlm]:
    server = FakeLlm().start()
    yield server
    server.stop()


def run(cwd: Path, base_url: str, *args: str, engine: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
    env.update(
        BRIEFBOT_LLM_BASE_URL=base_url,
        BRIEFBOT_LLM_MODEL="fake-model",
        BRIEFBOT_LLM_API_KEY="sk-cli-canary-0d9e",
        NO_PROXY="127.0.0.1,localhost",
    )
    if engine:
        env["BRIEFBOT_ENGINE"] = engine
    command = [sys.executable, "-m", "bot", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=cwd, env=env)


def lines(proc: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_analyse_and_ask_use_the_model(fake: FakeLlm, example_en: Path, tmp_path: Path) -> None:
    fake.script.append(Step(content=json.dumps({"summary": [{"text": SUMMARY, "sentences": [2, 3]}]})))
    [briefing] = lines(run(tmp_path, fake.base_url, "--engine", "llm", "analyse", "--json", str(example_en)))
    assert [s["text"] for s in briefing["summary"]] == [SUMMARY]  # type: ignore[index]
    assert briefing["actors"] and briefing["positions"]

    good = {"answered": True, "claims": [{"text": "Maria Okafor leads the union.", "sentences": [3]}]}
    made_up = {"answered": True, "claims": [{"text": 'Reeve said "we give up".', "sentences": [4]}]}
    fake.script.extend([Step(content=json.dumps(good)), Step(content=json.dumps(made_up))])
    questions = ["-q", "Who leads the union?", "-q", "What did Reeve say?"]
    first, second = lines(
        run(tmp_path, fake.base_url, "ask", "--json", str(example_en), *questions, engine="llm")
    )
    assert first["answer"] == "Maria Okafor leads the union." and first["citations"]
    assert "not backed by the article" in str(second["answer"]) and "we give up" not in str(second["answer"])
    assert len(fake.requests) == 3
    assert fake.requests[2]["messages"][1]["content"].count("Who leads the union?") == 1  # the history


def test_an_unreachable_model_gives_the_offline_results(example_en: Path, tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{probe.getsockname()[1]}/v1"
    offline = lines(run(tmp_path, nowhere, "analyse", "--json", str(example_en)))
    fallback = run(tmp_path, nowhere, "--engine", "llm", "analyse", "--json", str(example_en))
    assert lines(fallback) == offline
    assert "LLM summary not used" in fallback.stderr and "sk-cli-canary" not in fallback.stderr
    question = ["ask", "--json", str(example_en), "-q", "Who is Daniel Reeve?"]
    [plain] = lines(run(tmp_path, nowhere, *question))
    [answer] = lines(run(tmp_path, nowhere, "--engine", "llm", *question))
    assert str(answer["answer"]).startswith(str(plain["answer"])) and "could not be reached" in str(
        answer["answer"]
    )
    assert answer["answered"] == plain["answered"] and answer["citations"] == plain["citations"]


def test_an_unknown_engine_is_refused(tmp_path: Path) -> None:
    proc = run(tmp_path, "http://127.0.0.1:9/v1", "--engine", "magic", "analyse", "--json", "-")
    assert proc.returncode == 2 and "unknown engine" in proc.stderr
