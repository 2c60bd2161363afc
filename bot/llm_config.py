"""Settings of the optional LLM backend, and the per-channel daily budget of model calls."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from bot.settings import Settings


def _utc_today() -> date:
    return datetime.now(UTC).date()


class LlmConfig(BaseModel):
    """Where the model lives and how patiently it is asked. The key is a SecretStr: it prints as stars."""

    model_config = ConfigDict(frozen=True)

    base_url: str
    model: str
    api_key: SecretStr | None = None
    timeout: float = Field(default=30.0, gt=0)
    max_tokens: int = Field(default=700, ge=16)
    daily_budget: int = Field(default=200, ge=0)
    retries: int = Field(default=2, ge=0, le=5)  # extra attempts after a timeout, 429 or 5xx
    backoff: float = Field(default=1.0, ge=0)  # seconds before the first retry, doubled each time
    max_backoff: float = Field(default=20.0, ge=0)
    cooldown: float = Field(default=30.0, ge=0)  # after a failed call, go offline at once for this long

    @property
    def configured(self) -> bool:
        return bool(self.base_url.strip() and self.model.strip())

    @property
    def endpoint(self) -> str:
        return self.base_url.rstrip("/") + "/chat/completions"

    @classmethod
    def from_settings(cls, settings: Settings) -> LlmConfig:
        key = settings.llm_api_key
        return cls(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=key if key is not None and key.get_secret_value() else None,
            timeout=settings.llm_timeout,
            max_tokens=settings.llm_max_tokens,
            daily_budget=settings.llm_daily_budget,
        )


class CallBudget(Protocol):
    """Counts model calls per channel and day: in memory (DailyBudget) or in the store (bot.llm_budget)."""

    limit: int

    def try_spend(self, channel: str) -> bool: ...

    def spent(self, channel: str) -> int: ...


class DailyBudget:
    """At most `limit` model calls per channel and UTC day; thread-safe, kept in memory."""

    def __init__(self, limit: int, *, today: Callable[[], date] = _utc_today) -> None:
        self.limit = limit
        self._today = today
        self._day: date | None = None
        self._spent: dict[str, int] = {}
        self._lock = threading.Lock()

    def try_spend(self, channel: str) -> bool:
        """Count one call for `channel` if the budget allows it; False (and nothing counted) if not."""
        with self._lock:
            day = self._today()
            if day != self._day:
                self._day, self._spent = day, {}
            used = self._spent.get(channel, 0)
            if used >= self.limit:
                return False
            self._spent[channel] = used + 1
            return True

    def spent(self, channel: str) -> int:
        with self._lock:
            return self._spent.get(channel, 0) if self._day == self._today() else 0
