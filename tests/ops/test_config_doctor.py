"""Start-up validation (one message per problem), `briefbot doctor`, and the logs (text/JSON, no secrets)."""

from __future__ import annotations

import io
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from bot_process import APP_TOKEN, BOT_TOKEN, SIGNING_SECRET

from bot.cli import main
from bot.config_check import check_settings
from bot.logs import REDACTED, configure_logging
from bot.settings import load_settings

UNREACHABLE_DB = "postgresql://briefbot:s3cret-db-pass@127.0.0.1:1/briefbot"


@pytest.fixture(autouse=True)
def clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for key in list(os.environ):
        if key.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_")):
            monkeypatch.delenv(key)
    (tmp_path / "empty.toml").write_text("", encoding="utf-8")
    monkeypatch.setenv("BRIEFBOT_CONFIG", str(tmp_path / "empty.toml"))
    monkeypatch.setenv("BRIEFBOT_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers  # `briefbot run` configured logging: undo it
    root.setLevel(level)


def problems(**env: str) -> list[str]:
    for key, value in env.items():
        os.environ[key] = value
    try:
        return [f"{p.level} {p}" for p in check_settings(load_settings(), slack_http="http" in env.values())]
    finally:
        for key in env:
            del os.environ[key]


def test_a_placeholder_token_and_a_missing_secret_are_one_message_each() -> None:
    found = problems(SLACK_BOT_TOKEN="xoxb-your-tok", BRIEFBOT_SLACK_MODE="http")
    assert found == [
        "error SLACK_BOT_TOKEN: looks like a placeholder (xoxb-your-to…): put the real token there",
        "error SLACK_SIGNING_SECRET: is missing: the HTTP Events API needs it",
    ]


def test_each_mode_asks_for_its_own_tokens() -> None:
    assert problems(SLACK_BOT_TOKEN=BOT_TOKEN) == [
        "error SLACK_SIGNING_SECRET: is missing: the HTTP Events API needs it"
    ]  # auto mode without an app token means HTTP
    assert problems(SLACK_BOT_TOKEN=BOT_TOKEN, BRIEFBOT_SLACK_MODE="socket") == [
        "error SLACK_APP_TOKEN: is missing: Socket Mode needs it (xapp-…)"
    ]
    assert problems(SLACK_APP_TOKEN=APP_TOKEN) == [
        "error SLACK_BOT_TOKEN: is missing but SLACK_APP_TOKEN/SLACK_SIGNING_SECRET asks for Slack"
    ]
    assert problems(SLACK_BOT_TOKEN=APP_TOKEN, SLACK_APP_TOKEN=BOT_TOKEN) == [
        "error SLACK_BOT_TOKEN: does not look like a Slack token of this kind (should start xoxb-)",
        "error SLACK_APP_TOKEN: does not look like a Slack token of this kind (should start xapp-)",
    ]
    assert problems(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_APP_TOKEN=APP_TOKEN) == []
    assert problems(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET="short") == [
        "warning SLACK_SIGNING_SECRET: is not 32 hex digits like Slack's signing secrets"
    ]
    assert problems(DISCORD_TOKEN="your-discord-token-here") == [
        "error DISCORD_TOKEN: looks like a placeholder (your-discord…): put the real token there"
    ]


def test_other_settings_are_checked_too() -> None:
    assert problems(BRIEFBOT_TIMEZONE="Mars/Olympus") == ["error timezone: unknown time zone 'Mars/Olympus'"]
    assert problems(BRIEFBOT_DATABASE_URL="mysql://db/x") == [
        "error database_url: must start with postgresql:// or sqlite://"
    ]
    assert problems(BRIEFBOT_ENGINE="llm") == [
        "error engine: is llm but llm_base_url or llm_model is not set"
    ]


def test_run_refuses_to_start_with_every_problem_listed(capsys: pytest.CaptureFixture[str]) -> None:
    os.environ["SLACK_BOT_TOKEN"] = "xoxb-your-tok"
    assert main(["run", "--slack-http"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "briefbot: configuration problem: SLACK_BOT_TOKEN: looks like a placeholder (xoxb-your-to…): "
        "put the real token there",
        "briefbot: configuration problem: SLACK_SIGNING_SECRET: is missing: the HTTP Events API needs it",
        "briefbot: not starting (`briefbot doctor` checks the configuration)",
    ]


def test_run_refuses_an_unreachable_database_without_showing_its_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    os.environ["BRIEFBOT_DATABASE_URL"] = UNREACHABLE_DB
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert (
        "configuration problem: database: cannot reach postgresql+psycopg://briefbot:***@127.0.0.1:1" in err
    )
    assert "s3cret-db-pass" not in err


def test_doctor_reports_a_healthy_configuration(capsys: pytest.CaptureFixture[str]) -> None:
    os.environ.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET)
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "info     Slack: Events API over HTTP" in out
    assert "ok       database: sqlite:///" in out and "reachable" in out
    assert out.rstrip().endswith("everything looks fine")
    assert BOT_TOKEN not in out and SIGNING_SECRET not in out


def test_doctor_lists_the_problems_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    os.environ.update(
        SLACK_BOT_TOKEN=BOT_TOKEN, BRIEFBOT_SLACK_MODE="socket", BRIEFBOT_DATABASE_URL=UNREACHABLE_DB
    )
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "error    SLACK_APP_TOKEN: is missing: Socket Mode needs it" in out
    assert "error    database: cannot reach postgresql+psycopg://briefbot:***@127.0.0.1:1/briefbot" in out
    assert "2 error(s), 0 warning(s)" in out
    assert "s3cret-db-pass" not in out


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_logs_never_carry_a_secret_even_in_a_traceback(fmt: str) -> None:
    stream = io.StringIO()
    secret = "a-configured-secret-value-123"
    handler = configure_logging(level="INFO", fmt=fmt, secrets=[secret], stream=stream)
    try:
        log = logging.getLogger("briefbot.test")
        log.warning("token %s and %s", secret, "xoxb-unknown1")
        try:
            raise RuntimeError(f"failed with Bot {'Z' * 30} and {secret}")
        except RuntimeError:
            log.exception("it broke")
    finally:
        logging.getLogger().removeHandler(handler)
    written = stream.getvalue()
    assert secret not in written and "xoxb-9999" not in written and "Z" * 30 not in written
    assert written.count(REDACTED) >= 4
    if fmt == "json":
        entries = [json.loads(line) for line in written.splitlines() if line.startswith("{")]
        assert [e["message"] for e in entries] == [f"token {REDACTED} and {REDACTED}", "it broke"]
        assert entries[1]["level"] == "ERROR" and "RuntimeError" in entries[1]["traceback"]
    else:
        assert f"WARNING briefbot.test: token {REDACTED} and {REDACTED}" in written


@pytest.mark.parametrize("command", [["run"], ["doctor"], ["feeds", "list", "--channel", "console"]])
def test_invalid_values_are_one_line_each_without_a_traceback(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BRIEFBOT_ENGINE_NICE", "40")
    monkeypatch.setenv("BRIEFBOT_WORKERS", "many")
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and BOT_TOKEN not in err and "many" not in err
    assert "engine_nice (BRIEFBOT_ENGINE_NICE): Input should be less than or equal to 19" in err
    assert "workers (BRIEFBOT_WORKERS): Input should be a valid integer" in err


@pytest.mark.parametrize("content", [b"workers = \n", b"\xd0\xcf\x11\xe0 binary"])
def test_a_broken_configuration_file_is_named_in_one_line(
    content: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "broken.toml"
    config.write_bytes(content)
    assert main(["doctor", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"briefbot: The configuration file {config} is not valid TOML")
    assert "Traceback" not in err
