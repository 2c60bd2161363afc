"""The store: SQLAlchemy 2 on a SQLite file by default, PostgreSQL by URL; Alembic migrations.

`Store` is synchronous (the service calls it from worker threads). Its methods live in small mixins:
articles and briefings (store_articles.py), feeds and subscriptions (store_feeds.py), digests,
deliveries and schedules (store_digests.py). Values go out as plain dataclasses or pydantic models,
never as ORM objects bound to a session.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import sessionmaker

from bot.store_digests import DigestStore
from bot.store_feeds import FeedStore
from bot.store_llm import LlmUsageStore
from bot.store_schema import Channel

log = logging.getLogger(__name__)

DATABASE_FILE = "briefbot.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url(url: str | None = None, *, data_dir: str | Path | None = None) -> str:
    """The configured URL, else $BRIEFBOT_DATABASE_URL, else a SQLite file in the data directory."""
    url = url or os.environ.get("BRIEFBOT_DATABASE_URL") or None
    if url:
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            return "postgresql+psycopg://" + url.split("://", 1)[1]  # psycopg 3, not psycopg2
        return url
    folder = Path(data_dir) if data_dir else Path.cwd()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(folder / DATABASE_FILE).resolve()}"


def alembic_config(url: str, connection: Any = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


class Store(FeedStore, DigestStore, LlmUsageStore):
    def __init__(self, url: str | None = None, *, data_dir: str | Path | None = None) -> None:
        self.url = database_url(url, data_dir=data_dir)
        self.engine = make_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str | None = None, *, data_dir: str | Path | None = None) -> Store:
        """A store whose schema is migrated to the newest revision."""
        store = cls(url, data_dir=data_dir)
        store.migrate()
        return store

    def migrate(self) -> None:
        with self.engine.begin() as connection:
            command.upgrade(alembic_config(self.url, connection), "head")

    def close(self) -> None:
        self.engine.dispose()

    def channels(self) -> list[str]:
        with self.session() as session:
            return list(session.scalars(select(Channel.id).order_by(Channel.id)))
