"""Slack request verification through the real HTTP endpoint: only correctly signed, fresh requests get in.

Every refused request must get 401 and reach nothing behind the verification: no listener, no
service call, not even the auth.test that bolt's authorization middleware makes.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from fake_slack import SIGNING_SECRET, FakeSlack, event_body, events_url, mention, sign, slash_command
from hardening_harness import RecordingService, post_raw, tracebacks

from adapters.slack_adapters import SlackHttpAdapter

pytestmark = pytest.mark.asyncio

FIVE_MINUTES = 300
MARGIN = 60  # seconds beyond the window, so a slow machine cannot blur the edge


@dataclass(frozen=True)
class Request:
    body: bytes
    headers: dict[str, str]


def _event() -> tuple[bytes, str]:
    body = json.dumps(event_body(mention("help", channel="C1", ts="1.1"))).encode()
    return body, "application/json"


def _slash_command() -> tuple[bytes, str]:
    return urlencode(slash_command("help")).encode(), "application/x-www-form-urlencoded"


def _signed(body: bytes, content_type: str, *, timestamp: int | None = None) -> Request:
    return Request(body, {"Content-Type": content_type, **sign(body, timestamp=timestamp)})


def _now() -> int:
    return int(time.time())


def _without(header: str) -> Callable[[bytes, str], Request]:
    def build(body: bytes, content_type: str) -> Request:
        request = _signed(body, content_type)
        return Request(body, {k: v for k, v in request.headers.items() if k != header})

    return build


def _changed_byte(body: bytes, content_type: str) -> Request:
    request = _signed(body, content_type)
    middle = len(body) // 2
    changed = body[:middle] + bytes([body[middle] ^ 0x01]) + body[middle + 1 :]
    assert changed != body and len(changed) == len(body)
    return Request(changed, request.headers)


def _restamped(body: bytes, content_type: str) -> Request:
    """A signature made 10 minutes ago, replayed with a fresh timestamp header."""
    request = _signed(body, content_type, timestamp=_now() - 600)
    return Request(body, {**request.headers, "X-Slack-Request-Timestamp": str(_now())})


def _wrong_secret(body: bytes, content_type: str) -> Request:
    return Request(body, {"Content-Type": content_type, **sign(body, secret=SIGNING_SECRET + "x")})


def _header(name: str, value: str) -> Callable[[bytes, str], Request]:
    def build(body: bytes, content_type: str) -> Request:
        request = _signed(body, content_type)
        return Request(body, {**request.headers, name: value})

    return build


REFUSED: dict[str, Callable[[bytes, str], Request]] = {
    "older than five minutes": lambda b, c: _signed(b, c, timestamp=_now() - FIVE_MINUTES - MARGIN),
    "a day old": lambda b, c: _signed(b, c, timestamp=_now() - 86_400),
    "from the future": lambda b, c: _signed(b, c, timestamp=_now() + FIVE_MINUTES + MARGIN),
    "a changed body byte": _changed_byte,
    "missing signature header": _without("X-Slack-Signature"),
    "missing timestamp header": _without("X-Slack-Request-Timestamp"),
    "missing both headers": lambda b, c: Request(b, {"Content-Type": c}),
    "signed with another secret": _wrong_secret,
    "old signature, fresh timestamp": _restamped,
    "signature of another version": _header("X-Slack-Signature", "v1=" + "0" * 64),
    "empty signature": _header("X-Slack-Signature", ""),
}
REFUSED["timestamp not a number"] = _header("X-Slack-Request-Timestamp", "yesterday")
REFUSED["timestamp too long for int()"] = _header("X-Slack-Request-Timestamp", "9" * 5000)
PAYLOADS = {"event": _event, "slash command": _slash_command}
CASES = [pytest.param(case, id=case) for case in REFUSED]


async def _send(adapter: SlackHttpAdapter, request: Request) -> int:
    status, _ = await post_raw(events_url(adapter), request.body, request.headers)
    return status


@pytest.mark.parametrize("payload", list(PAYLOADS))
@pytest.mark.parametrize("case", CASES)
async def test_a_bad_request_gets_401_and_reaches_no_handler(
    case: str,
    payload: str,
    slack_fake: FakeSlack,
    slack_http: SlackHttpAdapter,
    recording_service: RecordingService,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    body, content_type = PAYLOADS[payload]()
    assert await _send(slack_http, REFUSED[case](body, content_type)) == 401
    assert tracebacks(caplog.records) == []
    await asyncio.sleep(0.1)  # a listener would have run by now: bolt acks first, then handles
    assert slack_fake.calls == [], "a Web API call was made for a refused request"
    assert recording_service.commands == []


@pytest.mark.parametrize("payload", list(PAYLOADS))
async def test_the_same_request_correctly_signed_gets_through(
    payload: str,
    slack_fake: FakeSlack,
    slack_http: SlackHttpAdapter,
    recording_service: RecordingService,
) -> None:
    """The control: what the refusals above change is all that keeps a request out."""
    body, content_type = PAYLOADS[payload]()
    assert await _send(slack_http, _signed(body, content_type)) == 200
    await slack_fake.wait_for(lambda: bool(slack_fake.calls))
    if payload == "event":
        await slack_fake.wait_for_posts(1)
        assert [c.text for c in recording_service.commands] == ["help"]


async def test_a_request_just_inside_the_window_gets_through(
    slack_fake: FakeSlack, slack_http: SlackHttpAdapter
) -> None:
    body, content_type = _event()
    assert await _send(slack_http, _signed(body, content_type, timestamp=_now() - FIVE_MINUTES + 30)) == 200
    await slack_fake.wait_for_posts(1)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [(b'{"type": "\xff\xfe"}', "application/json"), (b"{}", "application/json; charset=no-such-codec")],
    ids=["not UTF-8", "unknown charset"],
)
async def test_an_undecodable_body_gets_400_and_no_traceback(
    body: bytes,
    content_type: str,
    slack_fake: FakeSlack,
    slack_http: SlackHttpAdapter,
    recording_service: RecordingService,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    assert await _send(slack_http, _signed(body, content_type)) == 400
    assert tracebacks(caplog.records) == []
    assert slack_fake.calls == [] and recording_service.commands == []


async def test_a_badly_signed_body_is_not_written_to_the_log(
    slack_http: SlackHttpAdapter, caplog: pytest.LogCaptureFixture
) -> None:
    """bolt logs the whole body of a refused request at INFO: any client could fill the log."""
    caplog.set_level(logging.INFO)
    marker = "flood-" * 2000
    body = json.dumps({"type": "event_callback", "filler": marker}).encode()
    assert await _send(slack_http, _wrong_secret(body, "application/json")) == 401
    assert not [r for r in caplog.records if "flood-flood-" in r.getMessage()]
