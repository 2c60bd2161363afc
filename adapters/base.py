"""The one interface every chat adapter implements, and the models it speaks.

Contract: an adapter only translates. It turns platform events into `Command`s, hands them to
`ChatService.handle`, and renders the `Reply`s it gets back for its platform. It never analyses,
never blocks the event loop, never lets article text ping anyone or form links, and never shows a
stack trace or a secret in a channel.

`start()` returns once the adapter is connected and serving (it does not block until shutdown);
`stop()` disconnects and releases everything `start()` acquired, and is safe to call twice.
"""

from __future__ import annotations

import abc
import logging

from bot.chat import Command, Intent, Reply, ReplyKind
from bot.service import ChatService

__all__ = ["ChatAdapter", "ChatService", "Command", "Intent", "Reply", "ReplyKind", "SeenIds"]

log = logging.getLogger(__name__)


class ChatAdapter(abc.ABC):
    """A connection to one chat platform."""

    name: str = "chat"

    def __init__(self, service: ChatService) -> None:
        self.service = service

    @abc.abstractmethod
    async def start(self) -> None:
        """Connect and begin serving; return when ready."""

    @abc.abstractmethod
    async def stop(self) -> None:
        """Disconnect; idempotent."""

    async def handle(self, command: Command) -> list[Reply]:
        return await self.service.handle(command)


class SeenIds:
    """Remembers the last `limit` ids, to handle each retried event once."""

    def __init__(self, limit: int = 2000) -> None:
        self.limit = limit
        self._ids: dict[str, None] = {}

    def first_time(self, key: str | None) -> bool:
        if not key:
            return True
        if key in self._ids:
            return False
        self._ids[key] = None
        if len(self._ids) > self.limit:
            del self._ids[next(iter(self._ids))]
        return True
