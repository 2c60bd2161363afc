"""The scheduler: the only module that imports APScheduler (3.x).

An `AsyncIOScheduler` keeps its jobs in a `SQLAlchemyJobStore` in the bot's own database, so
schedules survive restarts. Jobs have stable ids (`poll-feeds`, `digest:<channel>`) and are always
added with `replace_existing=True`, so a restart or a changed schedule never duplicates a job.

Misfires, chosen deliberately:
- `coalesce=True` for every job: after downtime that skipped several runs, a job runs once, not
  once per missed run. Nothing is lost by it: a digest covers everything since the previous one,
  and a poll fetches whatever the feeds hold.
- digests: `misfire_grace_time` 6 hours. A digest due at 08:00 still goes out when the bot is back
  at 09:30; one missed by more than 6 hours is skipped (nobody wants the morning digest at
  midnight) and its items simply go into the next one.
- feed polling: `misfire_grace_time` = the poll interval; a late poll runs, a poll older than one
  interval is replaced by the next.

A job store must never be shared by two running schedulers: only the process holding the scheduler
lease runs one (PostgreSQL: an advisory lock; SQLite: a file lock beside the database file).
"""

from __future__ import annotations

import asyncio
import fcntl
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TextIO
from zoneinfo import ZoneInfo

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import Connection, text

from bot import metrics
from bot.schedule_spec import ScheduleSpec, parse_schedule
from bot.store import Store
from bot.store_digests import ScheduleInfo

log = logging.getLogger(__name__)

POLL_JOB_ID = "poll-feeds"
SYNC_JOB_ID = "sync-schedules"
SYNC_SECONDS = 60
DIGEST_JOB_PREFIX = "digest:"
JOB_TABLE = "apscheduler_jobs"
DIGEST_MISFIRE_GRACE = timedelta(hours=6)
LEASE_KEY = 0x62726965  # the advisory lock id ("brie")

DigestJob = Callable[[str], Awaitable[object]]
PollJob = Callable[[], Awaitable[object]]

_active: Scheduler | None = None


async def run_digest_job(channel: str) -> None:
    """The job function stored for digests (by reference, so it survives restarts)."""
    if _active is not None:
        await _active.run_digest(channel)


async def run_sync_job() -> None:
    """Schedules changed by another process (`briefbot schedule set`) reach the running scheduler."""
    if _active is not None and _active.scheduler is not None:
        stored = await asyncio.to_thread(_active.store.schedules)  # a database read: off the event loop
        _active.sync(stored)


async def run_poll_job() -> None:
    if _active is not None:
        await _active.run_poll()


def trigger_for(spec: ScheduleSpec) -> CronTrigger:
    minute, hour, day, month, weekday = spec.cron.split()
    return CronTrigger(
        minute=minute, hour=hour, day=day, month=month, day_of_week=weekday, timezone=ZoneInfo(spec.timezone)
    )


def next_fire(spec: ScheduleSpec, *, now: datetime) -> datetime | None:
    """When a schedule fires next after `now` (for `schedule show`, and testable with any clock)."""
    fire: datetime | None = trigger_for(spec).get_next_fire_time(None, now)
    return fire


def digest_job_id(channel: str) -> str:
    return DIGEST_JOB_PREFIX + channel


class Scheduler:
    def __init__(
        self,
        store: Store,
        *,
        on_digest: DigestJob,
        on_poll: PollJob | None = None,
        poll_every: timedelta = timedelta(minutes=15),
        digest_grace: timedelta = DIGEST_MISFIRE_GRACE,
    ) -> None:
        self.store = store
        self.on_digest = on_digest
        self.on_poll = on_poll
        self.poll_every = poll_every
        self.digest_grace = digest_grace
        self.scheduler: AsyncIOScheduler | None = None
        self._lease: Connection | None = None
        self._lock: TextIO | None = None
        self._jobs_running: set[asyncio.Task[None]] = set()

    @property
    def running(self) -> bool:
        return self.scheduler is not None

    def start(self) -> bool:
        """Start (inside the running event loop); False when another replica holds the lease."""
        global _active
        if not self._acquire_lease():
            log.debug("another briefbot holds the scheduler lease on this database")
            return False
        store = SQLAlchemyJobStore(engine=self.store.engine, tablename=JOB_TABLE)
        self.scheduler = AsyncIOScheduler(
            jobstores={"default": store},
            job_defaults={"coalesce": True, "max_instances": 1},
            timezone=UTC,
        )
        _active = self
        self.scheduler.start()
        metrics.SCHEDULER_LEADER.set(1)
        log.warning("this process runs the scheduler")
        if self.on_poll is not None:
            self.scheduler.add_job(
                run_poll_job,
                IntervalTrigger(seconds=max(1, int(self.poll_every.total_seconds()))),
                id=POLL_JOB_ID,
                replace_existing=True,
                misfire_grace_time=max(1, int(self.poll_every.total_seconds())),
                next_run_time=datetime.now(UTC) + timedelta(seconds=1),
            )
        self.scheduler.add_job(
            run_sync_job,
            IntervalTrigger(seconds=SYNC_SECONDS),
            id=SYNC_JOB_ID,
            replace_existing=True,
            misfire_grace_time=SYNC_SECONDS,
        )
        self.sync()
        return True

    async def drain(self, timeout: float) -> bool:
        """Start no new job and wait (at most `timeout` s) for the running ones; whether they finished.

        A digest cut off after that keeps its place in the delivery log and is finished at the next start.
        """
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.pause()
        running = {task for task in self._jobs_running if not task.done()}
        if running:
            log.warning("waiting up to %.0f s for %d scheduled job(s) to finish", timeout, len(running))
            await asyncio.wait(running, timeout=timeout)
        return all(task.done() for task in running)

    def lease_held(self) -> bool:
        """Whether the PostgreSQL session holding the lease is still alive (else the lock is gone too)."""
        if self._lease is None:
            return self.scheduler is not None
        try:
            self._lease.execute(text("SELECT 1"))
            self._lease.commit()
            return True
        except Exception as err:
            log.warning("the scheduler lease's database session failed (%s)", type(err).__name__)
            return False

    def shutdown(self) -> None:
        global _active
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
            self.scheduler = None
            metrics.SCHEDULER_LEADER.set(0)
            log.warning("scheduler stopped")
        if _active is self:
            _active = None
        if self._lock is not None:
            lock, self._lock = self._lock, None
            lock.close()  # releases the flock
        if self._lease is not None:
            lease, self._lease = self._lease, None
            try:  # the lock belongs to the session: unlock before the connection goes back to the pool
                lease.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LEASE_KEY})
                lease.commit()
            except Exception:
                lease.invalidate()  # a broken session: discard it (its lock went with it)
            finally:
                lease.close()

    def sync(self, stored: list[ScheduleInfo] | None = None) -> None:
        """Make the digest jobs match the schedules stored (added, changed, removed elsewhere)."""
        assert self.scheduler is not None
        wanted = set()
        for info in self.store.schedules() if stored is None else stored:
            wanted.add(digest_job_id(info.channel))
            self.set_digest(info.channel, parse_schedule(info.spec, default_timezone=info.timezone))
        for job in self.scheduler.get_jobs():
            if job.id.startswith(DIGEST_JOB_PREFIX) and job.id not in wanted:
                job.remove()

    def set_digest(self, channel: str, spec: ScheduleSpec) -> datetime | None:
        """Add or replace the channel's digest job; its next run time."""
        if self.scheduler is None:
            return None
        trigger = trigger_for(spec)
        existing = self.scheduler.get_job(digest_job_id(channel))
        if existing is not None and repr(existing.trigger) == repr(trigger):
            fire: datetime | None = existing.next_run_time  # unchanged: keep its (maybe overdue) run
            return fire
        job = self.scheduler.add_job(
            run_digest_job,
            trigger,
            args=[channel],
            id=digest_job_id(channel),
            name=f"digest for {channel}: {spec.description}",
            replace_existing=True,
            misfire_grace_time=int(self.digest_grace.total_seconds()),
        )
        next_run: datetime | None = getattr(job, "next_run_time", None)
        return next_run

    def clear_digest(self, channel: str) -> None:
        if self.scheduler is not None and self.scheduler.get_job(digest_job_id(channel)) is not None:
            self.scheduler.remove_job(digest_job_id(channel))

    def next_run(self, channel: str) -> datetime | None:
        if self.scheduler is None:
            return None
        job = self.scheduler.get_job(digest_job_id(channel))
        return getattr(job, "next_run_time", None) if job is not None else None

    async def run_digest(self, channel: str) -> None:
        self._track()
        try:
            await self.on_digest(channel)
        except Exception:
            metrics.ERRORS.labels("digest").inc()
            log.exception("the scheduled digest for %s failed", channel)

    async def run_poll(self) -> None:
        if self.on_poll is None:
            return
        self._track()
        try:
            await self.on_poll()
        except Exception:
            metrics.ERRORS.labels("poll").inc()
            log.exception("polling the feeds failed")

    def _track(self) -> None:
        """Remember the running job's task, so a graceful shutdown can wait for it."""
        task = asyncio.current_task()
        if task is not None:
            self._jobs_running.add(task)
            task.add_done_callback(self._jobs_running.discard)

    def _acquire_lease(self) -> bool:
        if self.store.engine.dialect.name == "sqlite":
            return self._lock_file()
        if self.store.engine.dialect.name != "postgresql":
            return True
        connection = self.store.engine.connect()
        got = connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": LEASE_KEY}).scalar()
        connection.commit()
        if not got:
            connection.close()
            return False
        self._lease = connection
        return True

    def _lock_file(self) -> bool:
        """SQLite: an exclusive lock on a file beside the database (in-memory databases need none)."""
        database = self.store.engine.url.database
        if not database or database == ":memory:":
            return True
        handle = open(f"{database}.scheduler-lock", "w")  # noqa: SIM115 - held open while the scheduler runs
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._lock = handle
        return True
