"""The container's HEALTHCHECK: is the bot in PID 1 alive and, when it serves HTTP, answering /healthz?

Exit status 0 (healthy) or 1 (unhealthy), with one line saying why. Standard library only.

- `BRIEFBOT_HEALTH_URL` set: that URL must answer 200.
- PID 1 runs `briefbot run` serving the Slack Events API (--slack-http; or SLACK_BOT_TOKEN with
  BRIEFBOT_SLACK_MODE=http, or without SLACK_APP_TOKEN in auto mode): http://127.0.0.1:N/healthz must
  answer 200 (N from --port, else BRIEFBOT_SLACK_HTTP_PORT, else 3000).
- PID 1 runs plain `briefbot run --port N` (Socket Mode, Discord or the console; or BRIEFBOT_OPS_PORT=N):
  /healthz and /metrics have a server of their own on N, probed the same way.
- Otherwise nothing serves HTTP: PID 1 must be briefbot.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path

DEFAULT_PORT = "3000"
TIMEOUT = 4.0  # seconds; Docker's --timeout is 5 s


def health_url(command: Sequence[str], env: Mapping[str, str]) -> str | None:
    """The URL to probe for this command line and environment, or None when it serves no HTTP."""
    if env.get("BRIEFBOT_HEALTH_URL"):
        return env["BRIEFBOT_HEALTH_URL"]
    if "run" not in command:
        return None
    port = None
    for index, word in enumerate(command):
        if word == "--port" and index + 1 < len(command):
            port = command[index + 1]
        elif word.startswith("--port="):
            port = word.partition("=")[2]
    if port is None and _serves_slack_http(command, env):
        port = _setting(env, "BRIEFBOT_SLACK_HTTP_PORT") or DEFAULT_PORT
    if port is None and _setting(env, "BRIEFBOT_OPS_PORT") not in ("", "0"):
        port = _setting(env, "BRIEFBOT_OPS_PORT")
    return None if port is None else f"http://127.0.0.1:{port.strip()}/healthz"


def _setting(env: Mapping[str, str], name: str) -> str:
    return env.get(name, "").strip()


def _serves_slack_http(command: Sequence[str], env: Mapping[str, str]) -> bool:
    """As bot.settings decides it: --slack-http, or a bot token with mode http (or auto, no app token)."""
    if "--slack-http" in command:
        return True
    if not _setting(env, "SLACK_BOT_TOKEN"):  # empty counts as absent
        return False
    mode = _setting(env, "BRIEFBOT_SLACK_MODE").lower() or "auto"
    return mode == "http" or (mode == "auto" and not _setting(env, "SLACK_APP_TOKEN"))


def answers(url: str, timeout: float = TIMEOUT) -> tuple[bool, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200, f"{url} answered {response.status}"
    except urllib.error.HTTPError as err:
        return False, f"{url} answered {err.code}"
    except (OSError, ValueError) as err:
        return False, f"{url} did not answer: {err}"


def main_command(proc: Path = Path("/proc/1/cmdline")) -> list[str]:
    try:
        return [part.decode(errors="replace") for part in proc.read_bytes().split(b"\0") if part]
    except OSError:
        return []


def main(command: Sequence[str] | None = None, env: Mapping[str, str] | None = None) -> int:
    command = main_command() if command is None else command
    env = os.environ if env is None else env
    url = health_url(command, env)
    if url is not None:
        healthy, why = answers(url)
    else:
        healthy = any(Path(word).name == "briefbot" or word.endswith("bot.cli") for word in command)
        why = f"PID 1 is {' '.join(command)[:80] or 'unknown'}"
    print(("healthy: " if healthy else "unhealthy: ") + why)
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
