"""Checking the configuration before the bot starts: one clear message per problem.

`check_settings` looks at the settings alone (tokens the chosen mode needs, placeholder values, the
shape of tokens, time zone, database URL); `check_database` tries to reach the database. `briefbot
run` refuses to start on an error and logs warnings; `briefbot doctor` prints all of it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import SecretStr

from bot.settings import Settings

Level = Literal["error", "warning"]

_PLACEHOLDER = re.compile(
    r"your|placeholder|change[-_ ]?me|replace|example|dummy|<|>|\.\.\.|…|x{4,}|todo", re.IGNORECASE
)
_HEX32 = re.compile(r"[0-9a-f]{32}")
_DISCORD_TOKEN = re.compile(r"[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}")


@dataclass(frozen=True)
class Problem:
    level: Level
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.key}: {self.message}"


def secrets_of(settings: Settings) -> list[str]:
    """Every secret value in the settings (to keep them out of the logs), the database password too."""
    values = [
        s.get_secret_value()
        for s in (
            settings.slack_bot_token,
            settings.slack_app_token,
            settings.slack_signing_secret,
            settings.discord_token,
            settings.llm_api_key,
        )
        if s is not None
    ]
    password = re.match(r"[a-z+]+://[^:/@]+:([^@]+)@", settings.database_url)
    if password:
        values.append(password.group(1))
    return [v for v in values if v]


def _secret(value: SecretStr | None) -> str | None:
    return None if value is None else value.get_secret_value().strip()


def _token_problems(name: str, value: str | None, prefix: str) -> list[Problem]:
    if value is None:
        return _blank_in_environment(name)
    if _PLACEHOLDER.search(value):
        return [Problem("error", name, f"looks like a placeholder ({value[:12]}…): put the real token there")]
    if prefix and not value.startswith(prefix):
        return [
            Problem("error", name, f"does not look like a Slack token of this kind (should start {prefix})")
        ]
    return []


def _blank_in_environment(name: str) -> list[Problem]:
    """Settings treat an empty or whitespace-only token as absent; say so when the environment has one."""
    value = os.environ.get(name)
    if value is not None and not value.strip():
        return [Problem("warning", name, "is set but empty: treated as not configured")]
    return []


def check_settings(settings: Settings, *, slack_http: bool = False, chat_only: bool = False) -> list[Problem]:
    """Problems with the settings for `briefbot run` (`slack_http`: run with --slack-http;
    `chat_only`: `briefbot chat`, which uses no chat platform)."""
    if chat_only:
        return _other_problems(settings)
    problems: list[Problem] = []
    bot, app = _secret(settings.slack_bot_token), _secret(settings.slack_app_token)
    signing, discord = _secret(settings.slack_signing_secret), _secret(settings.discord_token)
    problems += _token_problems("SLACK_BOT_TOKEN", bot, "xoxb-")
    problems += _token_problems("SLACK_APP_TOKEN", app, "xapp-")
    problems += _token_problems("SLACK_SIGNING_SECRET", signing, "")
    problems += _token_problems("DISCORD_TOKEN", discord, "")
    if bot is None and (app or signing or slack_http):
        what = "--slack-http" if slack_http else "SLACK_APP_TOKEN/SLACK_SIGNING_SECRET"
        problems.append(Problem("error", "SLACK_BOT_TOKEN", f"is missing but {what} asks for Slack"))
    if bot is not None:
        http = slack_http or settings.slack_uses_http
        if http and signing is None:
            problems.append(
                Problem("error", "SLACK_SIGNING_SECRET", "is missing: the HTTP Events API needs it")
            )
        if not http and app is None:
            problems.append(Problem("error", "SLACK_APP_TOKEN", "is missing: Socket Mode needs it (xapp-…)"))
    if signing and not _PLACEHOLDER.search(signing) and not _HEX32.fullmatch(signing):
        problems.append(
            Problem("warning", "SLACK_SIGNING_SECRET", "is not 32 hex digits like Slack's signing secrets")
        )
    if discord and not _PLACEHOLDER.search(discord) and not _DISCORD_TOKEN.fullmatch(discord):
        problems.append(
            Problem("warning", "DISCORD_TOKEN", "does not look like a bot token (three dot-separated parts)")
        )
    problems += _other_problems(settings)
    return problems


def _other_problems(settings: Settings) -> list[Problem]:
    problems: list[Problem] = []
    try:
        ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(Problem("error", "timezone", f"unknown time zone {settings.timezone!r}"))
    url = settings.database_url.strip()
    if url and not re.match(r"(sqlite|postgres(ql)?)(\+\w+)?://", url):
        problems.append(Problem("error", "database_url", "must start with postgresql:// or sqlite://"))
    elif url and _PLACEHOLDER.search(url.split("@")[-1]):
        problems.append(
            Problem("error", "database_url", "looks like a placeholder: put the real address there")
        )
    if settings.data_dir and Path(settings.data_dir).exists() and not Path(settings.data_dir).is_dir():
        problems.append(Problem("error", "data_dir", f"{settings.data_dir} is not a directory"))
    if settings.engine == "llm" and not (settings.llm_base_url.strip() and settings.llm_model.strip()):
        problems.append(Problem("error", "engine", "is llm but llm_base_url or llm_model is not set"))
    for user in settings.admin_users:
        if ":" not in user:
            problems.append(
                Problem("warning", "admin_users", f"{user!r} has no platform (slack:… or discord:…)")
            )
    return problems


def check_database(settings: Settings, *, timeout: float = 5.0) -> tuple[Problem | None, str]:
    """Try to reach the configured database: (a problem or None, a description without the password)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from bot.store import database_url

    url = database_url(settings.database_url or None, data_dir=settings.data_dir or None)
    shown = make_url(url).render_as_string(hide_password=True)
    connect_args: dict[str, object] = {"connect_timeout": max(1, int(timeout))} if "postgresql" in url else {}
    engine = create_engine(url, connect_args=connect_args)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as err:
        reason = str(getattr(err, "orig", None) or err).strip().splitlines()[0][:200]
        return Problem("error", "database", f"cannot reach {shown}: {reason}"), shown
    finally:
        engine.dispose()
    return None, shown
