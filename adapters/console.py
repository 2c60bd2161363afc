"""`briefbot chat`: the same commands and replies as Slack and Discord, in the terminal.

Type a question or a command, give a file path to brief it, or paste an article: `brief` on its own
line starts a paste that ends with a line holding only a dot (or end of input). In a terminal, a
multi-line paste is also recognised by its lines arriving together.
"""

from __future__ import annotations

import asyncio
import logging
import select
import sys
from pathlib import Path
from typing import TextIO

from adapters.base import ChatAdapter, Command, Reply
from bot.ingest import decode
from bot.render_chat import reply_plain
from bot.service import ChatService

log = logging.getLogger(__name__)

CHANNEL = "console"
GREETING = "briefbot chat: paste an article or give a file path, then ask. `help` for help, `quit` to leave."
PASTE_PROMPT = "Paste the article; end with a line holding only a dot (.) or with Ctrl-D."
_END_OF_PASTE = "."
_QUIT = {"quit", "exit", "bye", ":q"}


class ConsoleAdapter(ChatAdapter):
    name = "console"

    def __init__(
        self,
        service: ChatService,
        *,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        prompt: str = "> ",
    ) -> None:
        super().__init__(service)
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.prompt = prompt if self.stdin.isatty() else ""
        self._stopped = False

    async def start(self) -> None:
        self._write(GREETING)

    async def stop(self) -> None:
        self._stopped = True

    async def run(self) -> None:
        """Read and answer until `quit` or end of input."""
        await self.start()
        while not self._stopped:
            if self.prompt:
                self.stdout.write(self.prompt)
                self.stdout.flush()
            line = await asyncio.to_thread(self._read_message)
            if line is None or line.strip().lower() in _QUIT:
                break
            if not line.strip():
                continue
            for reply in await self.submit(line):
                self._write(reply)
        await self.stop()

    async def submit(self, text: str) -> list[str]:
        """One message in, the rendered replies out."""
        stripped = text.strip()
        if stripped == "brief":
            self._write(PASTE_PROMPT)
            text = await asyncio.to_thread(self._read_paste)
            return await self._send(Command(text=text, channel=CHANNEL, conversation=CHANNEL, intent="brief"))
        candidate = stripped.removeprefix("brief ").strip()
        path = _existing_file(candidate)
        if path is None and _looks_like_path(candidate):
            return [f"No such file: {candidate}"]
        if path is not None:
            body = decode(path.read_bytes()[: self.service.max_article_bytes + 1])
            command = Command(
                text=body, channel=CHANNEL, conversation=CHANNEL, intent="brief", source=str(path)
            )
            return await self._send(command)
        return await self._send(Command(text=text, channel=CHANNEL, conversation=CHANNEL, source="console"))

    async def _send(self, command: Command) -> list[str]:
        replies: list[Reply] = await self.handle(command)
        return [reply_plain(reply) for reply in replies]

    def _read_message(self) -> str | None:
        line = self.stdin.readline()
        if not line:
            return None
        lines = [line]
        while self._more_pending():  # a multi-line paste arrives all at once
            more = self.stdin.readline()
            if not more:
                break
            lines.append(more)
        return "".join(lines)

    def _read_paste(self) -> str:
        lines: list[str] = []
        while True:
            line = self.stdin.readline()
            if not line or line.strip() == _END_OF_PASTE:
                return "".join(lines)
            lines.append(line)

    def _more_pending(self) -> bool:
        if not self.stdin.isatty():
            return False
        try:
            ready, _, _ = select.select([self.stdin], [], [], 0.05)
        except (OSError, ValueError):
            return False
        return bool(ready)

    def _write(self, text: str) -> None:
        self.stdout.write(text.rstrip("\n") + "\n\n")
        self.stdout.flush()


def _looks_like_path(text: str) -> bool:
    return " " not in text and (
        text.endswith((".txt", ".md", ".text")) or text.startswith(("./", "../", "~/"))
    )


def _existing_file(text: str) -> Path | None:
    if not text or "\n" in text or len(text) > 4096:
        return None
    try:
        path = Path(text).expanduser()
        return path if path.is_file() else None
    except (OSError, ValueError):
        return None
