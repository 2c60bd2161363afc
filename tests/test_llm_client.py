"""The chat-completions client: retries with back-off on timeouts, 429 and 5xx; nothing else retried."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from llm_fake_server import FakeLlm, Step
from pydantic import SecretStr

from bot.llm_client import ChatClient, LlmUnavailable
from bot.llm_config import LlmConfig
from bot.settings import load_settings

KEY = "sk-client-canary-5b1e"
MESSAGES = [{"role": "system", "content": "be brief"}, {"role": "user", "content": "hello"}]


@pytest.fixture
def fake() -> Iterator[FakeLlm]:
    server = FakeLlm(responder=lambda messages: '{"ok": true}').start()
    yield server
    server.stop()


class Recorder:
    def __init__(self) -> None:
        self.sleeps: list[float] = []
        self.now = 100.0

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    def clock(self) -> float:
        return self.now


def client(base_url: str, recorder: Recorder, **overrides: Any) -> ChatClient:
    settings: dict[str, Any] = {
        "base_url": base_url,
        "model": "m",
        "api_key": SecretStr(KEY),
        "timeout": 5.0,
        "retries": 2,
        "backoff": 0.5,
        "max_backoff": 3.0,
        "cooldown": 30.0,
    }
    settings.update(overrides)
    return ChatClient(LlmConfig(**settings), sleep=recorder.sleep, clock=recorder.clock)


def test_a_reply_is_returned_and_the_request_is_well_formed(fake: FakeLlm) -> None:
    assert client(fake.base_url + "/", Recorder()).complete(MESSAGES) == '{"ok": true}'
    [request] = fake.requests
    assert request["_path"] == "/v1/chat/completions"
    assert request["messages"] == MESSAGES and request["model"] == "m" and request["max_tokens"] == 700
    assert request["_headers"]["Authorization"] == f"Bearer {KEY}"


def test_no_key_means_no_authorization_header(fake: FakeLlm) -> None:
    client(fake.base_url, Recorder(), api_key=None).complete(MESSAGES)
    assert "Authorization" not in fake.requests[0]["_headers"]


@pytest.mark.parametrize(
    "failure", [Step(status=500), Step(status=503), Step(status=429), Step(delay=1.0, content="late")]
)
def test_transient_failures_are_retried_with_exponential_back_off(fake: FakeLlm, failure: Step) -> None:
    recorder = Recorder()
    fake.script.extend([failure, failure])
    chat = client(fake.base_url, recorder, timeout=0.25 if failure.delay else 5.0)
    assert chat.complete(MESSAGES) == '{"ok": true}'
    assert len(fake.requests) == 3 and recorder.sleeps == [0.5, 1.0]


def test_retry_after_is_honoured_up_to_the_cap(fake: FakeLlm) -> None:
    recorder = Recorder()
    fake.script.extend(
        [Step(status=429, headers={"Retry-After": "2"}), Step(status=429, headers={"Retry-After": "60"})]
    )
    client(fake.base_url, recorder).complete(MESSAGES)
    assert recorder.sleeps == [2.0, 3.0]


def test_it_gives_up_after_the_retries_and_then_cools_down(fake: FakeLlm) -> None:
    recorder = Recorder()
    fake.script.extend([Step(status=502)] * 3)
    chat = client(fake.base_url, recorder)
    with pytest.raises(LlmUnavailable, match="HTTP 502"):
        chat.complete(MESSAGES)
    assert len(fake.requests) == 3
    with pytest.raises(LlmUnavailable):
        chat.complete(MESSAGES)
    assert len(fake.requests) == 3  # cooling down: not asked
    recorder.now += 31
    assert chat.complete(MESSAGES) == '{"ok": true}'


@pytest.mark.parametrize("status", [400, 401, 404])
def test_client_errors_are_not_retried(fake: FakeLlm, status: int) -> None:
    fake.script.append(Step(status=status))
    with pytest.raises(LlmUnavailable, match=f"HTTP {status}"):
        client(fake.base_url, Recorder()).complete(MESSAGES)
    assert len(fake.requests) == 1


def test_redirects_are_not_followed(fake: FakeLlm) -> None:
    other = FakeLlm().start()
    try:
        fake.script.append(Step(status=307, headers={"Location": other.base_url + "/chat/completions"}))
        with pytest.raises(LlmUnavailable, match="HTTP 307"):
            client(fake.base_url, Recorder()).complete(MESSAGES)
        assert other.requests == []
    finally:
        other.stop()


@pytest.mark.parametrize(
    "raw", [b"<html>oops</html>", b'{"choices": []}', b'{"choices": [{"message": {"content": null}}]}']
)
def test_a_reply_that_is_not_a_chat_completion_fails(fake: FakeLlm, raw: bytes) -> None:
    fake.script.append(Step(raw=raw))
    with pytest.raises(LlmUnavailable, match="reply"):
        client(fake.base_url, Recorder()).complete(MESSAGES)


def test_an_unreachable_server_fails_without_leaking_the_key(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    recorder = Recorder()
    with pytest.raises(LlmUnavailable) as failure:
        client(f"http://127.0.0.1:{port}/v1", recorder).complete(MESSAGES)
    assert "connection failed" in failure.value.reason and recorder.sleeps == []  # refused: not retried
    assert KEY not in caplog.text and KEY not in str(failure.value)


def test_settings_come_from_toml_and_environment_and_the_key_stays_secret(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("BRIEFBOT_CONFIG", "BRIEFBOT_LLM_API_KEY", "BRIEFBOT_LLM_MODEL", "BRIEFBOT_LLM_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    toml = tmp_path / "briefbot.toml"
    toml.write_text('llm_base_url = "http://127.0.0.1:1/v1/"\nllm_api_key = ""\nllm_daily_budget = 5\n')
    config = LlmConfig.from_settings(load_settings(toml))
    assert config.api_key is None and config.daily_budget == 5 and not config.configured
    monkeypatch.setenv("BRIEFBOT_LLM_MODEL", "m")
    monkeypatch.setenv("BRIEFBOT_LLM_API_KEY", KEY)
    config = LlmConfig.from_settings(load_settings(toml))
    assert config.configured and config.endpoint == "http://127.0.0.1:1/v1/chat/completions"
    assert config.api_key is not None and config.api_key.get_secret_value() == KEY
    assert KEY not in repr(config) and KEY not in str(config)
