"""The container files: the HEALTHCHECK script against a live endpoint, and the Dockerfile and compose file's
promises (multi-stage, non-root, HEALTHCHECK, STOPSIGNAL, sources that exist, PostgreSQL, no inline secrets).

No Docker engine runs here; docker/check-install.sh replays the image's install steps in a clean
virtual environment instead (too slow for the test suite: it installs every dependency).
"""

from __future__ import annotations

import asyncio
import fnmatch
import importlib.util
import re
import socket
from pathlib import Path
from types import ModuleType

import pytest
from fake_slack import FakeSlack
from hardening_harness import RecordingService, start_slack_http

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def _healthcheck() -> ModuleType:
    spec = importlib.util.spec_from_file_location("briefbot_healthcheck", ROOT / "docker" / "healthcheck.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


healthcheck = _healthcheck()
PYTHON, SCRIPT = "/opt/briefbot/bin/python", "/opt/briefbot/bin/briefbot"


@pytest.mark.parametrize(
    ("command", "env", "url"),
    [
        ([PYTHON, SCRIPT, "run", "--slack-http", "--port", "8080"], {}, "http://127.0.0.1:8080/healthz"),
        ([PYTHON, SCRIPT, "run", "--slack-http", "--port=9000"], {}, "http://127.0.0.1:9000/healthz"),
        (
            [PYTHON, SCRIPT, "run", "--slack-http"],
            {"BRIEFBOT_SLACK_HTTP_PORT": "4000"},
            "http://127.0.0.1:4000/healthz",
        ),
        ([PYTHON, SCRIPT, "run", "--slack-http"], {}, "http://127.0.0.1:3000/healthz"),
        ([PYTHON, SCRIPT, "run", "--port", "9100"], {}, "http://127.0.0.1:9100/healthz"),
        ([PYTHON, SCRIPT, "run"], {"BRIEFBOT_SLACK_HTTP_PORT": "4000"}, None),
        ([PYTHON, SCRIPT, "chat"], {}, None),
        ([PYTHON, SCRIPT, "run"], {}, None),
        ([PYTHON, SCRIPT, "run"], {"BRIEFBOT_HEALTH_URL": "http://127.0.0.1:1/x"}, "http://127.0.0.1:1/x"),
        ([PYTHON, SCRIPT, "run", "--port=9200"], {"SLACK_BOT_TOKEN": "t"}, "http://127.0.0.1:9200/healthz"),
        ([PYTHON, SCRIPT, "run"], {"BRIEFBOT_OPS_PORT": "9300"}, "http://127.0.0.1:9300/healthz"),
        ([PYTHON, SCRIPT, "run"], {"BRIEFBOT_OPS_PORT": "0"}, None),
        # the Events API without --slack-http: auto mode without an app token, or mode http
        ([PYTHON, SCRIPT, "run"], {"SLACK_BOT_TOKEN": "t"}, "http://127.0.0.1:3000/healthz"),
        (
            [PYTHON, SCRIPT, "run"],
            {"SLACK_BOT_TOKEN": "t", "SLACK_APP_TOKEN": "a", "BRIEFBOT_SLACK_MODE": "http"},
            "http://127.0.0.1:3000/healthz",
        ),
        ([PYTHON, SCRIPT, "run"], {"SLACK_BOT_TOKEN": "t", "SLACK_APP_TOKEN": "a"}, None),  # Socket Mode
        ([PYTHON, SCRIPT, "run"], {"SLACK_BOT_TOKEN": " ", "BRIEFBOT_SLACK_HTTP_PORT": "4000"}, None),
    ],
)
def test_the_healthcheck_probes_the_endpoint_the_command_serves(
    command: list[str], env: dict[str, str], url: str | None
) -> None:
    assert healthcheck.health_url(command, env) == url


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.asyncio
async def test_the_healthcheck_passes_while_the_bot_serves_and_fails_when_it_does_not(
    slack_fake: FakeSlack, recording_service: RecordingService, capsys: pytest.CaptureFixture[str]
) -> None:
    adapter = await start_slack_http(recording_service, slack_fake)
    command = [PYTHON, SCRIPT, "run", "--slack-http", "--port", str(adapter.port)]
    try:
        assert await asyncio.to_thread(healthcheck.main, command, {}) == 0
    finally:
        await adapter.stop()
    assert await asyncio.to_thread(healthcheck.main, command, {}) == 1
    closed = [PYTHON, SCRIPT, "run", "--slack-http", "--port", str(_free_port())]
    assert await asyncio.to_thread(healthcheck.main, closed, {}) == 1
    assert "unhealthy" in capsys.readouterr().out


def test_without_http_the_healthcheck_checks_that_pid_1_is_the_bot() -> None:
    assert healthcheck.main([PYTHON, SCRIPT, "run"], {}) == 0
    assert healthcheck.main(["/bin/sh", "-c", "sleep 1000"], {}) == 1
    assert healthcheck.main([], {}) == 1


def _instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    joined = re.sub(r"\\\n", " ", text)
    pairs = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            pairs.append((word.upper(), rest.strip()))
    return pairs


def test_the_dockerfile_is_multi_stage_non_root_with_healthcheck_and_stopsignal() -> None:
    steps = _instructions(DOCKERFILE)
    stages = [i for i, (word, _) in enumerate(steps) if word == "FROM"]
    assert len(stages) >= 2
    runtime = steps[stages[-1] :]
    users = [args for word, args in runtime if word == "USER"]
    assert users and users[-1].split(":")[0].isdigit() and int(users[-1].split(":")[0]) >= 1000
    assert ("STOPSIGNAL", "SIGTERM") in runtime
    healthchecks = [args for word, args in runtime if word == "HEALTHCHECK"]
    assert len(healthchecks) == 1 and "healthcheck.py" in healthchecks[0]
    copied = [args.split()[-1] for word, args in runtime if word == "COPY" and "healthcheck.py" in args]
    assert copied and copied[0] in healthchecks[0]
    assert any(word == "COPY" and args.startswith("--from=") for word, args in runtime)
    assert not any(word == "RUN" and "pip" in args for word, args in runtime), "no pip in the runtime image"
    assert not re.search(r"(?i)(token|secret|api_key|password)\s*=", DOCKERFILE), "a secret in the image"


def test_every_file_the_dockerfile_copies_exists_and_is_not_ignored() -> None:
    ignored = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    sources = [
        part
        for word, args in _instructions(DOCKERFILE)
        if word == "COPY" and not args.startswith("--from=")
        for part in args.split()[:-1]
    ]
    assert {"pyproject.toml", "bot", "adapters", "docker/healthcheck.py"} <= set(sources)
    for source in sources:
        assert (ROOT / source).exists(), source
        assert not any(fnmatch.fnmatch(source, pattern) for pattern in ignored), source


def test_the_compose_example_runs_the_bot_with_postgresql_and_no_inline_secrets() -> None:
    yaml = pytest.importorskip("yaml")
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    services = compose["services"]
    bot, postgres = services["briefbot"], services["postgres"]
    assert postgres["image"].startswith("postgres:") and "healthcheck" in postgres
    assert bot["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert bot["environment"]["BRIEFBOT_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert "@postgres:5432/" in bot["environment"]["BRIEFBOT_DATABASE_URL"]
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "DISCORD_TOKEN"):
        assert bot["environment"][name] is None, f"{name} must come from the shell, not the file"
    assert bot["command"][:2] == ["run", "--slack-http"] and "3000:3000" in bot["ports"]
    assert bot.get("read_only") is True and bot.get("stop_signal") == "SIGTERM"
