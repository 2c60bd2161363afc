"""The PostgreSQL path against a real server: migrations, feeds to digest, the job store, the lease.

Needs BRIEFBOT_TEST_POSTGRES_URL (postgresql://user@host:port/db; the tests drop and recreate its
public schema). `.ci/run` starts a server and sets it; without it the tests skip locally and fail in CI.
"""

from __future__ import annotations

import io
import os
from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from news_site import NewsSite
from newsroom import desk_for
from sqlalchemy import create_engine, text

from adapters.sinks import ConsoleSink
from bot.digest_run import Sinks
from bot.schedule_spec import parse_schedule
from bot.scheduling import JOB_TABLE, Scheduler
from bot.service_news import NewsDesk
from bot.store import Store, database_url
from bot.store_schema import Base

URL = os.environ.get("BRIEFBOT_TEST_POSTGRES_URL", "")


@pytest.fixture
def pg_url() -> Iterator[str]:
    if not URL:
        if os.environ.get("CI"):
            pytest.fail("CI must provide PostgreSQL: BRIEFBOT_TEST_POSTGRES_URL is not set (see .ci/run)")
        pytest.skip(
            "PostgreSQL tests need BRIEFBOT_TEST_POSTGRES_URL (`.ci/run` starts a server and sets it)"
        )
    engine = create_engine(database_url(URL))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    yield URL


def test_migrations_on_postgresql_match_the_models(pg_url: str) -> None:
    store = Store.open(pg_url)
    try:
        assert store.engine.dialect.name == "postgresql" and store.engine.dialect.driver == "psycopg"
        with store.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
        store.migrate()
    finally:
        store.close()


@pytest_asyncio.fixture
async def desk(pg_url: str) -> AsyncIterator[tuple[NewsDesk, io.StringIO]]:
    out = io.StringIO()
    sinks = Sinks()
    sinks.register("console", ConsoleSink(out))
    news = desk_for(pg_url, sinks)
    yield news, out
    await news.close()


@pytest.mark.asyncio
async def test_feed_to_digest_exactly_once_on_postgresql(
    site: NewsSite, desk: tuple[NewsDesk, io.StringIO]
) -> None:
    from bot.chat_text import parse_manage

    news, out = desk
    added = await news.manage(parse_manage(f"feeds add {site.url('/feeds/en.atom')}"), channel="console")  # type: ignore[arg-type]
    assert "4 new items" in added
    outcome = await news.digest("console")
    assert outcome.items == 4 and outcome.posted == outcome.messages >= 1
    assert out.getvalue().count("Central bank holds interest rates steady") == 1
    assert (await news.digest("console")).nothing_new
    cached = news.briefings.analysed
    await news.poller.poll(news.store.subscriptions("console")[0].feed)
    assert news.briefings.analysed == cached  # nothing new, nothing analysed


@pytest.mark.asyncio
async def test_the_job_store_lives_in_postgresql_and_only_one_scheduler_runs(pg_url: str) -> None:
    store = Store.open(pg_url)
    other_store = Store.open(pg_url)

    async def digest(channel: str) -> None:
        return None

    first = Scheduler(store, on_digest=digest)
    second = Scheduler(other_store, on_digest=digest)
    try:
        assert first.start()
        first.set_digest("slack:C1", parse_schedule("weekdays 07:30", default_timezone="Europe/Berlin"))
        with store.engine.connect() as connection:
            ids = sorted(r[0] for r in connection.execute(text(f"SELECT id FROM {JOB_TABLE}")))
        assert ids == ["digest:slack:C1", "sync-schedules"]
        assert not second.start()  # the lease is taken: a job store never has two running schedulers
        first.shutdown()
        assert second.start()  # released with the first one
        assert second.next_run("slack:C1") is None  # no stored schedule row: sync removed the job
    finally:
        first.shutdown()
        second.shutdown()
        store.close()
        other_store.close()
