"""A small client for OpenAI-compatible chat completions (OpenAI, Azure, Mistral, Ollama, vLLM, llama.cpp).

Standard library only (urllib): it runs in the CLI process or a service worker thread. Timeouts, 429
and 5xx are retried with exponential back-off (Retry-After honoured up to a cap); everything else
(a refused connection, 4xx, a reply that is no chat completion) fails at once, and after a failure
the client stays offline for a cool-down instead of making every request wait for a dead endpoint.
Nothing it logs or raises carries the API key, the prompt or the model's reply.
"""

from __future__ import annotations

import http.client
import json
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from email.message import Message
from typing import Any

from bot.llm_config import LlmConfig

log = logging.getLogger(__name__)

MAX_RESPONSE_BYTES = 2_000_000
_RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})


class LlmUnavailable(Exception):
    """The model could not be asked (network, timeout, rate limit, server error, odd reply)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Never follow redirects: the Authorization header must not travel to another host."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Message, newurl: str
    ) -> urllib.request.Request | None:
        return None


_opener = urllib.request.build_opener(_NoRedirects())


class ChatClient:
    """Sends chat-completion requests; `complete` returns the assistant message's text."""

    def __init__(
        self,
        config: LlmConfig,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config
        self._sleep = sleep
        self._clock = clock
        self._down_until = 0.0

    def complete(self, messages: list[dict[str, str]]) -> str:
        """The reply's text; LlmUnavailable when every attempt failed or a recent call did."""
        if self._clock() < self._down_until:
            raise LlmUnavailable("unavailable a moment ago; not asking again yet")
        try:
            return self._complete(messages)
        except LlmUnavailable:
            self._down_until = self._clock() + self.config.cooldown
            raise

    def _complete(self, messages: list[dict[str, str]]) -> str:
        body = json.dumps(
            {
                "model": self.config.model,
                "messages": messages,
                "max_tokens": self.config.max_tokens,
                "temperature": 0,
                "response_format": {"type": "json_object"},
            }
        ).encode("utf-8")
        attempts = self.config.retries + 1
        for attempt in range(attempts):
            try:
                return _content(self._post(body))
            except LlmUnavailable as err:
                log.warning("LLM request failed: %s", err.reason)
                raise
            except _Retryable as err:
                if attempt + 1 >= attempts:
                    log.warning("LLM request failed after %d attempts: %s", attempts, err.reason)
                    raise LlmUnavailable(err.reason) from None
                delay = self._delay(attempt, err.retry_after)
                log.info("LLM request failed (%s); retry %d in %.1f s", err.reason, attempt + 1, delay)
                self._sleep(delay)
        raise LlmUnavailable("no attempt made")  # pragma: no cover - attempts >= 1

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        delay: float = self.config.backoff * float(2**attempt)
        if retry_after is not None:
            delay = max(delay, retry_after)
        return min(delay, self.config.max_backoff)

    def _post(self, body: bytes) -> bytes:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.config.api_key is not None:
            headers["Authorization"] = "Bearer " + self.config.api_key.get_secret_value()
        request = urllib.request.Request(self.config.endpoint, data=body, headers=headers, method="POST")
        try:
            with _opener.open(request, timeout=self.config.timeout) as response:
                data: bytes = response.read(MAX_RESPONSE_BYTES + 1)
        except urllib.error.HTTPError as err:
            err.close()
            if err.code in _RETRY_STATUS or err.code >= 500:
                raise _Retryable(f"HTTP {err.code}", _retry_after(err.headers)) from None
            raise LlmUnavailable(f"HTTP {err.code}") from None
        except TimeoutError:
            raise _Retryable("timeout") from None
        except urllib.error.URLError as err:
            if isinstance(err.reason, TimeoutError):
                raise _Retryable("timeout") from None
            raise LlmUnavailable(f"connection failed ({type(err.reason).__name__})") from None
        except (OSError, http.client.HTTPException) as err:
            raise LlmUnavailable(f"connection failed ({type(err).__name__})") from None
        if len(data) > MAX_RESPONSE_BYTES:
            raise LlmUnavailable("reply too large")
        return data


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def _retry_after(headers: Message | None) -> float | None:
    raw = headers.get("Retry-After") if headers is not None else None
    try:
        return max(0.0, float(raw)) if raw else None
    except ValueError:
        return None  # an HTTP date: fall back to the back-off schedule


def _content(data: bytes) -> str:
    """The first choice's message text of a chat-completion reply."""
    try:
        reply = json.loads(data.decode("utf-8"))
        content = reply["choices"][0]["message"]["content"]
    except (UnicodeDecodeError, ValueError, KeyError, IndexError, TypeError):
        raise LlmUnavailable("reply is not a chat completion") from None
    if not isinstance(content, str):
        raise LlmUnavailable("reply has no text")
    return content
