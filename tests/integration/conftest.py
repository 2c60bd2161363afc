from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "adapters"))  # the fake Slack and Discord servers

from news_site import NewsSite  # noqa: E402
from newsroom import fake_analyse  # noqa: E402
from stacks import discord_fake  # noqa: E402

__all__ = ["discord_fake"]  # the fixture, shared with the adapter suites (tests/adapters/stacks.py)

from bot.store import Store  # noqa: E402


@pytest.fixture(scope="session")
def site() -> Iterator[NewsSite]:
    server = NewsSite().start()
    yield server
    server.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(f"sqlite:///{tmp_path / 'test.db'}")
    yield opened
    opened.close()


@pytest.fixture
def analyse() -> object:
    return fake_analyse
