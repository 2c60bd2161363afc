"""The daily budget of model calls kept in the store, so it survives restarts and holds across workers.

Used by `briefbot run` when a store is configured; without one (or when the store fails) the count is
kept in memory, like the plain CLI's (bot.llm_config.DailyBudget).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from sqlalchemy.exc import SQLAlchemyError

from bot.llm_config import DailyBudget, _utc_today
from bot.store_llm import LlmUsageStore

log = logging.getLogger(__name__)


class StoredBudget:
    """At most `limit` model calls per channel and UTC day, counted in the store `store_for()` gives."""

    def __init__(
        self,
        limit: int,
        store_for: Callable[[], LlmUsageStore | None],
        *,
        today: Callable[[], date] = _utc_today,
    ) -> None:
        self.limit = limit
        self._store_for = store_for
        self._today = today
        self._memory = DailyBudget(limit, today=today)

    def try_spend(self, channel: str) -> bool:
        store = self._store()
        if store is None:
            return self._memory.try_spend(channel)
        try:
            return store.spend_llm_call(channel, self._today().isoformat(), self.limit)
        except SQLAlchemyError as err:
            log.warning("LLM budget not stored (%s); counting in memory", type(err).__name__)
            return self._memory.try_spend(channel)

    def spent(self, channel: str) -> int:
        store = self._store()
        if store is None:
            return self._memory.spent(channel)
        try:
            return store.llm_calls(channel, self._today().isoformat()) + self._memory.spent(channel)
        except SQLAlchemyError:
            return self._memory.spent(channel)

    def _store(self) -> LlmUsageStore | None:
        try:
            return self._store_for()
        except Exception as err:  # the store could not be opened: keep the bot answering
            log.warning("LLM budget store unavailable (%s); counting in memory", type(err).__name__)
            return None
