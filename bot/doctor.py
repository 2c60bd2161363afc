"""`briefbot doctor`: check the configuration, the database and the tokens' shape; print a report.

Exit status 0 when nothing is wrong (warnings allowed), 1 when something would stop the bot.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from bot.config_check import Problem, check_database, check_settings
from bot.settings import DEFAULT_CONFIG_FILE, Settings


def _config_source(config: str | None) -> str:
    path = (
        config
        or os.environ.get("BRIEFBOT_CONFIG")
        or (str(DEFAULT_CONFIG_FILE) if DEFAULT_CONFIG_FILE.is_file() else None)
    )
    return str(Path(path).resolve()) if path else "no file (defaults and environment)"


def _platforms(settings: Settings, slack_http: bool) -> list[str]:
    lines = []
    if settings.slack_enabled:
        if slack_http or settings.slack_uses_http:
            lines.append(f"Slack: Events API over HTTP (port {settings.slack_http_port} unless --port)")
        else:
            lines.append("Slack: Socket Mode")
    if settings.discord_enabled:
        sharding = "auto-sharded" if settings.discord_auto_shard else "one shard"
        lines.append(f"Discord: gateway, {sharding}")
    return lines or ["no chat platform configured: `briefbot run` starts the console"]


def report(settings: Settings, *, config: str | None, slack_http: bool, out: TextIO) -> int:
    """Write the report to `out`; the exit status."""
    problems: list[Problem] = check_settings(settings, slack_http=slack_http)
    database_problem, database = check_database(settings)
    out.write(f"briefbot doctor\nconfiguration: {_config_source(config)}\n")
    for line in _platforms(settings, slack_http):
        out.write(f"  info     {line}\n")
    out.write(f"  info     logs: {settings.log_format}, level {settings.log_level}\n")
    if database_problem is None:
        out.write(f"  ok       database: {database} reachable\n")
    else:
        problems.append(database_problem)
    for problem in problems:
        out.write(f"  {problem.level:<8} {problem}\n")
    errors = sum(1 for p in problems if p.level == "error")
    warnings = len(problems) - errors
    if not problems:
        out.write("everything looks fine\n")
    else:
        out.write(f"{errors} error(s), {warnings} warning(s)\n")
    return 1 if errors else 0
