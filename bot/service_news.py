"""The use cases over the store: brief a link, manage feeds and schedules, post digests.

`NewsDesk` owns the store, the fetcher, the feed poller, the digest runner and the scheduler. It
opens the store on first use (so a bot that never uses them leaves no database behind), and it is
what `ChatService` and the `briefbot feeds|schedule|digest` commands both call.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.chat_text import Manage
from bot.digest_run import DigestOutcome, DigestRunner, Sinks
from bot.models import Article, Briefing
from bot.service_manage import ManageCommands
from bot.settings import Settings
from bot.sources.fetch import Fetcher, FetchLimits
from bot.sources.links import fetch_article
from bot.sources.poll import FeedPoller, PollSettings
from bot.sources.safety import check_url
from bot.store import Store
from bot.store_briefs import DEFAULT_ENGINE, Analyse, BriefingCache
from bot.store_qa import CrossAnswer, answer_across, window_start
from bot.store_schema import utcnow

if TYPE_CHECKING:
    from bot.scheduling import Scheduler

log = logging.getLogger(__name__)

NO_PERMISSION = (
    "Only admins can change feeds and schedules here: the bot's configured admins, Slack workspace "
    "admins and Discord members with “Manage Server”."
)


class NewsDesk(ManageCommands):
    def __init__(
        self,
        *,
        store_factory: Callable[[], Store],
        sinks: Sinks | None = None,
        analyse: Analyse | None = None,
        engine_version: str = DEFAULT_ENGINE,
        fetch_limits: FetchLimits | None = None,
        poll: PollSettings | None = None,
        timezone: str = "Europe/Berlin",
        admins: list[str] | None = None,
        use_scheduler: bool = True,
        lease_retry_seconds: float = 15.0,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._store_factory = store_factory
        self._store: Store | None = None
        self.sinks = sinks or Sinks()
        self._analyse = analyse
        self.engine_version = engine_version
        self.fetch_limits = fetch_limits or FetchLimits()
        self.poll_settings = poll or PollSettings()
        self.timezone = timezone
        self.admins = set(admins or [])
        self.use_scheduler = use_scheduler
        self.lease_retry_seconds = lease_retry_seconds
        self._leadership: asyncio.Task[None] | None = None
        self.clock = clock
        self._fetcher: Fetcher | None = None
        self._scheduler: Scheduler | None = None
        self._briefings: BriefingCache | None = None
        self._poller: FeedPoller | None = None
        self._digests: DigestRunner | None = None
        self._open_lock = asyncio.Lock()
        self._opened = False
        self._resumed: list[DigestOutcome] = []  # digests a crash had left unfinished, finished at open()

    @classmethod
    def from_settings(
        cls, settings: Settings, *, analyse: Analyse | None = None, sinks: Sinks | None = None
    ) -> NewsDesk:
        return cls(
            store_factory=lambda: Store.open(
                settings.database_url or None, data_dir=settings.data_dir or None
            ),
            sinks=sinks,
            analyse=analyse,
            fetch_limits=FetchLimits(
                max_bytes=settings.fetch_max_bytes,
                timeout=settings.fetch_timeout,
                allow_private=settings.allow_private_urls,
            ),
            poll=PollSettings(
                interval=timedelta(minutes=settings.feed_poll_minutes),
                pause_after=timedelta(hours=settings.feed_pause_hours),
            ),
            timezone=settings.timezone,
            admins=settings.admin_users,
            use_scheduler=settings.scheduler,
            lease_retry_seconds=settings.scheduler_lease_retry_seconds,
        )

    # --- lifecycle ------------------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = self._store_factory()
        return self._store

    @property
    def briefings(self) -> BriefingCache:
        if self._briefings is None:
            self._briefings = BriefingCache(self.store, self._analyse, engine_version=self.engine_version)
        return self._briefings

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.fetch_limits)
        return self._fetcher

    @property
    def poller(self) -> FeedPoller:
        if self._poller is None:
            self._poller = FeedPoller(
                self.store, self.fetcher, self.briefings, settings=self.poll_settings, notify=self._notify
            )
        return self._poller

    @property
    def digests(self) -> DigestRunner:
        if self._digests is None:
            self._digests = DigestRunner(self.store, self.sinks, self.briefings.briefing_for)
        return self._digests

    async def open(self) -> None:
        """Open the store (in a worker thread), start the scheduler, resume unfinished digests. Once."""
        async with self._open_lock:
            if self._opened:
                return
            await asyncio.to_thread(lambda: self.store)
            leader = not self.use_scheduler  # the command line (no scheduler) may resume digests too
            if self.use_scheduler:
                from bot.scheduling import Scheduler

                scheduler = Scheduler(
                    self.store,
                    on_digest=self._scheduled_digest,
                    on_poll=self.poller.poll_due,
                    poll_every=min(self.poll_settings.interval, timedelta(minutes=1)),
                )
                leader = scheduler.start()
                if leader:
                    self._scheduler = scheduler
                self._leadership = asyncio.create_task(self._keep_leadership(scheduler))
            self._opened = True
        if leader:  # only the leader finishes digests a crash left open: a follower would race it
            self._resumed += await self.digests.resume_unfinished()

    async def _keep_leadership(self, scheduler: Scheduler) -> None:
        """Followers retry the lease every `lease_retry_seconds`; the leader checks it still holds it."""
        if not scheduler.running:
            log.warning(
                "another briefbot runs the scheduler on this database; retrying every %.0f s",
                self.lease_retry_seconds,
            )
        while True:
            await asyncio.sleep(self.lease_retry_seconds)
            try:
                await self._check_leadership(scheduler)
            except Exception:  # e.g. the database is away for a moment: try again next time
                log.exception("checking the scheduler lease failed")

    async def _check_leadership(self, scheduler: Scheduler) -> None:
        if scheduler.running:
            if not await asyncio.to_thread(scheduler.lease_held):
                log.warning("lost the scheduler lease; stopping the scheduler")
                scheduler.shutdown()
                self._scheduler = None
            return
        if scheduler.start():
            self._scheduler = scheduler
            self._resumed += await self.digests.resume_unfinished()

    async def close(self, grace: float = 0.0) -> None:
        """Stop: the scheduler starts no new job and gets `grace` seconds to finish the running ones."""
        if self._leadership is not None:
            self._leadership.cancel()
            self._leadership = None
        if self._scheduler is not None:
            await self._scheduler.drain(grace)
            self._scheduler.shutdown()
            self._scheduler = None
        if self._fetcher is not None:
            await self._fetcher.aclose()
            self._fetcher = None
        if self._store is not None:
            self._store.close()
            self._store = None
        self._opened = False

    # --- links --------------------------------------------------------------------------------------

    async def brief_link(self, url: str, *, channel: str) -> tuple[Article, Briefing]:
        """The briefing of a linked article: from the store when known, else fetched and analysed once."""
        check_url(url)
        await self.open()
        known = await asyncio.to_thread(self.store.article_by_url, url)
        stored = await asyncio.to_thread(self.store.article, known) if known is not None else None
        if stored is not None:
            article_id, article = stored.id, stored.article
            briefing = await asyncio.to_thread(self.briefings.briefing_for, article_id, article)
        else:
            linked = await fetch_article(self.fetcher, url)
            article_id, article, briefing = await asyncio.to_thread(
                self.briefings.store_and_brief, linked.article, author=linked.author
            )
        await asyncio.to_thread(self.store.add_to_channel, channel, article_id, origin="chat")
        return article, briefing

    async def ask_across(self, channel: str, question: str) -> CrossAnswer | None:
        """A question naming a time window, answered from the channel's stored articles of that window."""
        since = window_start(question, now=self.clock(), timezone=self.timezone)
        if since is None:
            return None
        await self.open()
        stored = await asyncio.to_thread(self.store.channel_articles, channel, since=since)
        pairs = [(s, await asyncio.to_thread(self.briefings.briefing_for, s.id, s.article)) for s in stored]
        return answer_across(question, pairs)

    # --- feeds, schedules, digests ------------------------------------------------------------------

    def may_change(self, *, channel: str, user: str, user_is_admin: bool) -> bool:
        platform = channel.split(":", 1)[0]
        return (
            channel == "console"
            or user_is_admin
            or f"{platform}:{user}" in self.admins
            or user in self.admins
        )

    async def manage(
        self, command: Manage, *, channel: str, user: str = "", user_is_admin: bool = False
    ) -> str:
        if command.changes_something and not self.may_change(
            channel=channel, user=user, user_is_admin=user_is_admin
        ):
            return NO_PERMISSION
        await self.open()
        handler = self._handler(command)
        return await handler(command, channel, user)

    async def digest(self, channel: str, *, reason: str = "manual") -> DigestOutcome:
        return await self.digests.run(channel, reason=reason)

    async def _scheduled_digest(self, channel: str) -> None:
        await self.digests.run(channel, reason="scheduled")

    async def _notify(self, channel: str, key: str, text: str) -> None:
        await self.digests.notify_once(channel, key, text)
