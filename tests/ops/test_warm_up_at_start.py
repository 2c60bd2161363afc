"""`briefbot run` loads the engine (bot.warmup) in a worker thread before the adapters start serving."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import adapters.runner as runner
import bot.warmup
from bot.settings import Settings


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    for key in list(os.environ):
        if key.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_")):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    return Settings(data_dir=str(tmp_path))


def _run_with_fakes(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, warm_up: Any
) -> tuple[list[str], list[str]]:
    """Run `briefbot run` with one stand-in adapter; returns (what happened, warm-up threads)."""
    events: list[str] = []
    threads: list[str] = []

    def fake_warm_up() -> float:
        threads.append(threading.current_thread().name)
        events.append("warm-up")
        return float(warm_up())

    async def fake_serve(adapters: list[object], **_: object) -> None:
        events.append(f"serve {len(adapters)}")

    monkeypatch.setattr(bot.warmup, "warm_up", fake_warm_up)
    adapter = SimpleNamespace(name="stand-in")
    monkeypatch.setattr(runner, "build_adapters", lambda *a, **k: [adapter])
    monkeypatch.setattr(runner, "serve", fake_serve)
    assert runner.run(settings) == 0
    return events, threads


@pytest.fixture(autouse=True)
def _switch_interval_restored() -> Iterator[None]:
    before = sys.getswitchinterval()
    yield
    sys.setswitchinterval(before)


def test_serving_lets_the_event_loop_take_the_gil_back_quickly(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    sys.setswitchinterval(0.005)
    _run_with_fakes(settings, monkeypatch, lambda: 0.0)
    assert sys.getswitchinterval() == pytest.approx(runner.SERVING_SWITCH_INTERVAL)


def test_run_warms_up_in_a_worker_thread_before_serving(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    events, threads = _run_with_fakes(settings, monkeypatch, lambda: 0.0)
    assert events == ["warm-up", "serve 1"]
    assert threads and threads[0] != threading.main_thread().name
    assert any("engine warmed up in" in r.getMessage() for r in caplog.records)


def test_a_failing_warm_up_does_not_stop_the_start(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> float:
        raise RuntimeError("lexicon missing")

    events, _ = _run_with_fakes(settings, monkeypatch, broken)
    assert events == ["warm-up", "serve 1"]
    assert any("warm-up failed" in r.getMessage() for r in caplog.records)


def test_the_loop_stays_free_while_warming_up() -> None:
    release = threading.Event()

    def slow_warm_up() -> float:
        release.wait(5)
        return 0.0

    async def main() -> None:
        warming = asyncio.create_task(runner.warm_engine(slow_warm_up))
        await asyncio.sleep(0.05)  # the loop runs other work while the thread warms up
        assert not warming.done()
        release.set()
        await asyncio.wait_for(warming, 5)

    asyncio.run(main())


class _FakeEngine:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def analyse(self, article: object) -> object:
        self.calls.append("analyse")
        raise RuntimeError("not needed here")

    def answer(self, *args: object, **kwargs: object) -> object:
        raise RuntimeError("not needed here")

    def answer_json(self, *args: object, **kwargs: object) -> object:
        raise RuntimeError("not needed here")

    def read_and_analyse(self, *args: object, **kwargs: object) -> object:
        raise RuntimeError("not needed here")

    def warm(self) -> None:
        self.calls.append("warm")

    def close(self) -> None:
        self.calls.append("close")


def test_with_a_chat_platform_the_engine_runs_in_child_processes(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "placeholder-bot-token")
    settings = Settings(data_dir=settings.data_dir)
    engine = _FakeEngine()
    services: list[Any] = []
    monkeypatch.setattr(runner, "engine_for", lambda s: engine)

    def fake_adapters(settings: Settings, service: Any, **_: object) -> list[object]:
        services.append(service)
        return [SimpleNamespace(name="stand-in")]

    async def fake_serve(adapters: list[object], **_: object) -> None:
        engine.calls.append("serve")

    monkeypatch.setattr(runner, "build_adapters", fake_adapters)
    monkeypatch.setattr(runner, "serve", fake_serve)
    assert runner.run(settings) == 0
    assert engine.calls == ["warm", "serve", "close"]
    assert services[0]._analyse == engine.analyse and services[0].news._analyse == engine.analyse
    assert services[0]._read_and_analyse_elsewhere == engine.read_and_analyse


def test_engine_processes_zero_keeps_the_engine_in_this_process() -> None:
    assert runner.engine_for(Settings(engine_processes=0)) is None
