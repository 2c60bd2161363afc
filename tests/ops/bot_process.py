"""`briefbot run` as a real subprocess: its environment, its log lines as they come, signals."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BRIEFBOT = [sys.executable, "-m", "bot"]
WAIT = 20.0
SIGNING_SECRET = "0123456789abcdef0123456789abcdef"  # Slack's shape: 32 hex digits
BOT_TOKEN = "xoxb-ops-test1"
APP_TOKEN = "xapp-1-opsapp1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def bot_env(tmp: Path, **extra: str) -> dict[str, str]:
    """A clean environment: no tokens or settings from the caller, only what the test gives."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_"))}
    env.update(
        {
            "BRIEFBOT_CONFIG": str(tmp / "none.toml"),
            "BRIEFBOT_DATA_DIR": str(tmp),
            "BRIEFBOT_OPS_HOST": "127.0.0.1",
            "BRIEFBOT_SLACK_HTTP_HOST": "127.0.0.1",
            "PYTHONPATH": str(ROOT),
        }
    )
    (tmp / "none.toml").write_text("", encoding="utf-8")
    env.update(extra)
    return env


class BotProcess:
    def __init__(self, args: list[str], env: dict[str, str], *, name: str = "bot") -> None:
        self.args = args
        self.env = env
        self.name = name
        self.lines: list[str] = []
        self.process: asyncio.subprocess.Process | None = None
        self._changed = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None

    async def start(self, *, stdin: bool = False) -> BotProcess:
        self.process = await asyncio.create_subprocess_exec(
            *BRIEFBOT,
            *self.args,
            env=self.env,
            cwd=self.env["BRIEFBOT_DATA_DIR"],
            stdin=asyncio.subprocess.PIPE if stdin else asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        self._reader = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        async for raw in self.process.stdout:
            self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
            self._changed.set()
        self._changed.set()

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def log(self) -> str:
        return "\n".join(self.lines)

    async def wait_for(self, pattern: str, timeout: float = WAIT) -> re.Match[str]:
        """The first log line matching `pattern` (waiting for it); fails with the log so far."""
        compiled = re.compile(pattern)

        async def find() -> re.Match[str]:
            while True:
                for line in self.lines:
                    match = compiled.search(line)
                    if match:
                        return match
                if self._reader is not None and self._reader.done():
                    raise AssertionError(f"{self.name} ended without {pattern!r}:\n{self.log()}")
                self._changed.clear()
                await self._changed.wait()

        try:
            return await asyncio.wait_for(find(), timeout)
        except TimeoutError:
            raise AssertionError(f"{self.name}: no {pattern!r} within {timeout} s:\n{self.log()}") from None

    def count(self, predicate: Callable[[str], bool]) -> int:
        return sum(1 for line in self.lines if predicate(line))

    def signal(self, signum: int) -> None:
        assert self.process is not None
        self.process.send_signal(signum)

    async def wait(self, timeout: float = WAIT) -> int:
        assert self.process is not None
        code = await asyncio.wait_for(self.process.wait(), timeout)
        if self._reader is not None:
            await asyncio.wait_for(self._reader, timeout)
        return code

    async def close(self) -> None:
        """Make sure it is gone (a test that failed half-way leaves no process behind)."""
        if self.process is not None and self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(signal.SIGKILL)
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.process.wait(), WAIT)
        if self._reader is not None:
            self._reader.cancel()
