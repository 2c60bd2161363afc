"""Slack request verification through the real HTTP endpoint: only correctly signed, fresh requests get in.

Every refused request must get 401 and reach nothing behind the verification: no listener, no
service call, not even the auth.test that bolt's authorization middleware makes.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from fake_slack import SIGNING_SECRET, FakeSlack, event_body, events_url, mention, sign
from hardening_harness import RecordingService, post_raw

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
    form = {
        "command": "/brief",
        "text": "help",
        "channel_id": "C1",
        "user_id": "U1",
        "team_id": "T0001",
        "response_url": "http://127.0.0.1:9/unused",
        "trigger_id": "1.2",
    }
    return urlencode(form).encode(), "application/x-www-form-urlencoded"


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
NOT_A_NUMBER = "timestamp not a number"
REFUSED[NOT_A_NUMBER] = _header("X-Slack-Request-Timestamp", "yesterday")
PAYLOADS = {"event": _event, "slash command": _slash_command}
# slack_sdk's SignatureVerifier calls int() on the header: a ValueError, 500 and a stack trace in the
# log for any unauthenticated request. The fix belongs in adapters/slack_adapters.py (reported).
KNOWN_BUGS = {
    NOT_A_NUMBER: pytest.mark.xfail(
        strict=True, reason="a non-numeric timestamp gets 500 and a logged traceback, not 401"
    )
}
CASES = [pytest.param(case, marks=KNOWN_BUGS.get(case, ()), id=case) for case in REFUSED]


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
) -> None:
    body, content_type = PAYLOADS[payload]()
    assert await _send(slack_http, REFUSED[case](body, content_type)) == 401
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
