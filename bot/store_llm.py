"""The store's part of the LLM backend: model calls counted per channel and UTC day."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from bot.store_base import StoreBase
from bot.store_schema import LlmUsage


class LlmUsageStore(StoreBase):
    def spend_llm_call(self, channel: str, day: str, limit: int) -> bool:
        """Count one call for `channel` on `day` if fewer than `limit` were made; atomic across processes."""
        if limit <= 0:
            return False
        for _ in range(2):  # a second try when another process inserted the day's row first
            try:
                with self.session() as session:
                    counted = session.execute(
                        update(LlmUsage)
                        .where(LlmUsage.channel_id == channel, LlmUsage.day == day, LlmUsage.calls < limit)
                        .values(calls=LlmUsage.calls + 1)
                    )
                    if counted.rowcount:  # type: ignore[attr-defined]
                        return True
                    if session.get(LlmUsage, (channel, day)) is not None:
                        return False  # the day's budget is used up
                    session.add(LlmUsage(channel_id=channel, day=day, calls=1))
                return True
            except IntegrityError:
                continue
        return False

    def llm_calls(self, channel: str, day: str) -> int:
        with self.session() as session:
            calls = session.scalar(
                select(LlmUsage.calls).where(LlmUsage.channel_id == channel, LlmUsage.day == day)
            )
            return calls or 0
