"""Schedules: parsing, next run times under an injected clock, the persistent job store, misfires."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from bot.errors import UserFacingError
from bot.schedule_spec import parse_schedule
from bot.scheduling import JOB_TABLE, Scheduler, digest_job_id, next_fire
from bot.store import Store


@pytest.mark.parametrize(
    ("spec", "cron", "zone"),
    [
        ("daily 08:00 Europe/Berlin", "0 8 * * *", "Europe/Berlin"),
        ("weekdays 07:30", "30 7 * * mon,tue,wed,thu,fri", "Europe/Berlin"),
        ("täglich 6.15 UTC", "15 6 * * *", "UTC"),
        ("mon,thu 18:00 America/New_York", "0 18 * * mon,thu", "America/New_York"),
        ("30 7 * * 1-5", "30 7 * * mon,tue,wed,thu,fri", "Europe/Berlin"),
        ("0 9 * * 0", "0 9 * * sun", "Europe/Berlin"),
        ("0 9 * * 7", "0 9 * * sun", "Europe/Berlin"),
        ("*/30 8-18 * * *", "*/30 8-18 * * *", "Europe/Berlin"),
    ],
)
def test_schedules_as_people_write_them(spec: str, cron: str, zone: str) -> None:
    parsed = parse_schedule(spec, default_timezone="Europe/Berlin")
    assert (parsed.cron, parsed.timezone) == (cron, zone)


@pytest.mark.parametrize("spec", ["", "sometimes", "daily 25:00", "daily 08:00 Mars/Olympus", "0 9 * * 8"])
def test_unreadable_schedules_are_explained(spec: str) -> None:
    with pytest.raises(UserFacingError):
        parse_schedule(spec, default_timezone="UTC")


def test_next_run_times_follow_the_time_zone_and_daylight_saving() -> None:
    daily = parse_schedule("daily 08:00 Europe/Berlin", default_timezone="UTC")
    # the night clocks go forward in Germany: 08:00 is 07:00 UTC on Saturday, 06:00 UTC on Sunday
    assert next_fire(daily, now=datetime(2024, 3, 30, 5, 0, tzinfo=UTC)) == datetime(
        2024, 3, 30, 7, 0, tzinfo=UTC
    )
    assert next_fire(daily, now=datetime(2024, 3, 30, 8, 0, tzinfo=UTC)) == datetime(
        2024, 3, 31, 6, 0, tzinfo=UTC
    )
    weekdays = parse_schedule("weekdays 07:30", default_timezone="Europe/Berlin")
    friday_evening = datetime(2024, 3, 8, 18, 0, tzinfo=UTC)
    assert next_fire(weekdays, now=friday_evening) == datetime(2024, 3, 11, 6, 30, tzinfo=UTC)  # Monday
    assert next_fire(
        parse_schedule("30 7 * * 1-5", default_timezone="Europe/Berlin"), now=friday_evening
    ) == (datetime(2024, 3, 11, 6, 30, tzinfo=UTC))
    sunday = parse_schedule("0 9 * * 0 UTC", default_timezone="Europe/Berlin")
    assert next_fire(sunday, now=friday_evening) == datetime(2024, 3, 10, 9, 0, tzinfo=UTC)


def _jobs(store: Store) -> list[str]:
    with store.engine.connect() as connection:
        return sorted(row[0] for row in connection.execute(text(f"SELECT id FROM {JOB_TABLE}")))


class Recorder:
    def __init__(self) -> None:
        self.runs: list[str] = []
        self.ran = asyncio.Event()

    async def __call__(self, channel: str) -> None:
        self.runs.append(channel)
        self.ran.set()


@pytest.mark.asyncio
async def test_jobs_persist_in_the_database_with_stable_ids(store: Store) -> None:
    spec = parse_schedule("daily 08:00 Europe/Berlin", default_timezone="UTC")
    store.set_schedule("slack:C1", spec.spec, spec.timezone)
    first = Scheduler(store, on_digest=Recorder())
    assert first.start()
    first.set_digest("slack:C1", spec)  # again: replaced, not duplicated
    assert _jobs(store) == [digest_job_id("slack:C1"), "sync-schedules"]
    planned = first.next_run("slack:C1")
    first.shutdown()

    store.set_schedule("console", "weekdays 07:30", "UTC")  # e.g. by `briefbot schedule set` meanwhile
    store.clear_schedule("slack:C1")
    second = Scheduler(store, on_digest=Recorder())
    assert second.start()
    try:
        assert _jobs(store) == [digest_job_id("console"), "sync-schedules"]
        assert second.next_run("console") is not None and second.next_run("slack:C1") is None
    finally:
        second.shutdown()
    assert planned is not None and planned.astimezone(UTC).hour in (6, 7)


@pytest.mark.asyncio
async def test_a_due_digest_job_runs(store: Store) -> None:
    recorder = Recorder()
    scheduler = Scheduler(store, on_digest=recorder)
    scheduler.start()
    try:
        scheduler.set_digest("console", parse_schedule("daily 08:00", default_timezone="UTC"))
        assert scheduler.scheduler is not None
        scheduler.scheduler.modify_job(
            digest_job_id("console"), next_run_time=datetime.now(UTC) + timedelta(seconds=0.2)
        )
        await asyncio.wait_for(recorder.ran.wait(), 5)
        assert recorder.runs == ["console"]
    finally:
        scheduler.shutdown()


@pytest.mark.asyncio
async def test_missed_runs_coalesce_into_one_and_stale_ones_are_skipped(store: Store) -> None:
    recorder = Recorder()
    scheduler = Scheduler(store, on_digest=recorder, digest_grace=timedelta(seconds=90))
    scheduler.start()
    try:
        assert scheduler.scheduler is not None
        now = datetime.now(UTC)
        scheduler.set_digest("late", parse_schedule("* * * * *", default_timezone="UTC"))
        far_hour = (now.hour + 12) % 24
        scheduler.set_digest("stale", parse_schedule(f"0 {far_hour} * * *", default_timezone="UTC"))
        scheduler.scheduler.pause()
        # "late" missed three minutely runs, the newest within the grace time: it runs once, not three times;
        # "stale" missed its daily run by five minutes, beyond the grace time: skipped until its next time
        scheduler.scheduler.modify_job(digest_job_id("late"), next_run_time=now - timedelta(seconds=150))
        scheduler.scheduler.modify_job(digest_job_id("stale"), next_run_time=now - timedelta(minutes=5))
        scheduler.scheduler.resume()
        await asyncio.wait_for(recorder.ran.wait(), 5)
        await asyncio.sleep(0.3)
        assert recorder.runs == ["late"]
        stale = scheduler.next_run("stale")
        assert stale is not None and stale > now  # skipped, and rescheduled for its next time
    finally:
        scheduler.shutdown()


@pytest.mark.asyncio
async def test_two_processes_never_run_schedulers_on_one_sqlite_file(store: Store) -> None:
    first, second = Scheduler(store, on_digest=Recorder()), Scheduler(store, on_digest=Recorder())
    try:
        assert first.start()
        assert not second.start() and not second.running
        first.shutdown()
        assert second.start()
    finally:
        first.shutdown()
        second.shutdown()
