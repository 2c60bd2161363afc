"""What every part of the store shares: the session factory and the channel rows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.store_schema import Channel


class StoreBase:
    engine: Engine
    _sessions: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on error."""
        with self._sessions.begin() as session:
            yield session

    def ensure_channel(self, session: Session, channel: str) -> None:
        if session.get(Channel, channel) is None:
            session.add(Channel(id=channel))
            session.flush()
