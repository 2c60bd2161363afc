"""The chat use cases, the settings, the console and the boundaries between core and adapters."""

from __future__ import annotations

import asyncio
import io
import logging
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from adapters.console import ConsoleAdapter
from adapters.runner import build_adapters
from bot.chat import Command
from bot.errors import UserFacingError
from bot.ingest import read_article
from bot.models import Answer, Article, Briefing
from bot.service import FALLBACK_TEXT, NO_ARTICLE_TEXT, ChatService
from bot.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]


def _briefing(article: Article) -> Briefing:
    return Briefing(
        source=article.source,
        language=article.language,
        title=article.title or "Untitled",
        date=None,
        summary=[],
        actors=[],
        positions=[],
    )


@pytest.mark.asyncio
async def test_analysis_runs_in_a_worker_thread_while_the_loop_keeps_going(article_en: str) -> None:
    threads: list[str] = []

    def slow(article: Article) -> Briefing:
        threads.append(threading.current_thread().name)
        time.sleep(0.3)
        return _briefing(article)

    service = ChatService(analyse=slow)
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    ticker = asyncio.create_task(tick())
    replies = await service.handle(Command(text=article_en, channel="c"))
    ticker.cancel()
    service.close()
    assert replies[0].kind == "briefing" and threads[0].startswith("briefbot-work")
    assert ticks >= 5


@pytest.mark.asyncio
async def test_threads_keep_their_own_history_and_channels_their_latest_article(article_en: str) -> None:
    seen: list[tuple[str, list[str]]] = []

    def answer(briefing: Briefing, text: str, question: str, *, history: list[str] | None = None) -> Answer:
        seen.append((question, list(history or [])))
        return Answer(question=question, answered=True, answer=f"answer to {question}")

    service = ChatService(analyse=_briefing, answer_question=answer)
    assert (await service.handle(Command(text="Who?", channel="c")))[0].text == NO_ARTICLE_TEXT
    await service.handle(Command(text=article_en, channel="c", conversation="t1"))
    await service.handle(Command(text="Who is she?", channel="c", conversation="t1"))
    await service.handle(Command(text="and why", channel="c", conversation="t1"))
    other = await service.handle(Command(text="Who is he?", channel="c", conversation="t2"))
    assert seen == [("Who is she?", []), ("and why", ["Who is she?"]), ("Who is he?", [])]
    assert other[0].about == "Port strike halts grain exports as talks collapse"
    assert other[0].text.startswith("About “Port strike")
    assert (await service.handle(Command(text="and the mayor", channel="elsewhere")))[0].text == FALLBACK_TEXT
    service.close()


@pytest.mark.asyncio
async def test_an_answerer_taking_json_gets_the_remembered_briefing_as_it_was_stored(article_en: str) -> None:
    given: list[tuple[str, str, list[str]]] = []

    def answer_json(briefing_json: str, text: str, question: str, *, history: list[str]) -> Answer:
        given.append((briefing_json, question, list(history)))
        return Answer(question=question, answered=True, answer="from the JSON")

    def parsed_answer(*_: object, **__: object) -> Answer:
        raise AssertionError("the briefing was parsed back although the answerer takes JSON")

    service = ChatService(analyse=_briefing, answer_question=parsed_answer, answer_question_json=answer_json)
    await service.handle(Command(text=article_en, channel="c", conversation="t1"))
    await service.handle(Command(text="Who is she?", channel="c", conversation="t1"))
    reply = (await service.handle(Command(text="and why", channel="c", conversation="t1")))[0]
    service.close()
    briefing = _briefing(read_article(article_en.encode(), source="chat message"))
    assert reply.text == "from the JSON"
    assert [(Briefing.model_validate_json(j), q, h) for j, q, h in given] == [
        (briefing, "Who is she?", []),
        (briefing, "and why", ["Who is she?"]),
    ]


@pytest.mark.asyncio
async def test_errors_are_short_and_never_a_traceback(
    article_en: str, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(article: Article) -> Briefing:
        raise RuntimeError("secret internals")

    service = ChatService(analyse=broken)
    reply = (await service.handle(Command(text=article_en, channel="c")))[0]
    assert reply.kind == "error" and "error id" in reply.text and "secret internals" not in reply.text
    assert "secret internals" in caplog.text  # logged with its traceback for the operator
    too_big = ChatService(analyse=_briefing, max_article_bytes=100)
    reply = (await too_big.handle(Command(text=article_en, channel="c")))[0]
    assert reply.kind == "error" and "too large" in reply.text
    service.close()
    too_big.close()


@pytest.mark.asyncio
async def test_console_session(service: ChatService, tmp_path: Path, article_en: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(article_en, encoding="utf-8")
    stdin = io.StringIO(f"help\n{path}\nWho is Maria Okafor?\nmissing.txt\nquit\nnever read\n")
    stdout = io.StringIO()
    await ConsoleAdapter(service, stdin=stdin, stdout=stdout).run()
    shown = stdout.getvalue()
    assert "I brief German and English" in shown and "Port strike halts grain exports" in shown
    assert "Actors" in shown and "No such file: missing.txt" in shown and "never read" not in shown


def test_settings_from_toml_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "briefbot.toml"
    config.write_text('slack_api_url = "http://127.0.0.1:1/api/"\nworkers = 2\nslack_http_port = 4000\n')
    monkeypatch.setenv("BRIEFBOT_WORKERS", "3")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-secretval")
    monkeypatch.setenv("BRIEFBOT_DISCORD_GATEWAY_URL", "ws://127.0.0.1:2/")
    settings = load_settings(config)
    assert settings.slack_api_url == "http://127.0.0.1:1/api/" and settings.slack_http_port == 4000
    assert settings.workers == 3 and settings.discord_gateway_url == "ws://127.0.0.1:2/"
    assert (
        settings.slack_bot_token is not None
        and settings.slack_bot_token.get_secret_value() == "xoxb-secretval"
    )
    assert "xoxb-secretval" not in repr(settings) and "xoxb-secretval" not in str(settings)
    with pytest.raises(UserFacingError):
        load_settings(tmp_path / "missing.toml")


def test_adapters_are_chosen_by_configuration(monkeypatch: pytest.MonkeyPatch, service: ChatService) -> None:
    for name in (
        "SLACK_BOT_TOKEN",
        "SLACK_APP_TOKEN",
        "SLACK_SIGNING_SECRET",
        "DISCORD_TOKEN",
        "BRIEFBOT_CONFIG",
    ):
        monkeypatch.delenv(name, raising=False)
    assert build_adapters(load_settings(), service) == []
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    with pytest.raises(UserFacingError, match="SLACK_SIGNING_SECRET"):
        build_adapters(load_settings(), service, slack_http=True)
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1")
    monkeypatch.setenv("DISCORD_TOKEN", "d-1")
    names = [adapter.name for adapter in build_adapters(load_settings(), service)]
    assert names == ["slack-socket-mode", "discord"]
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s-1")
    assert build_adapters(load_settings(), service, slack_http=True, port=0)[0].name == "slack-http"


def test_the_core_imports_no_chat_sdk() -> None:
    code = (
        "import sys, bot.service, bot.settings, bot.render_chat, bot.chat_text, bot.cli\n"
        "sdks = {'slack_bolt', 'slack_sdk', 'discord', 'aiohttp', 'adapters'}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in sdks)\n"
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "[]", out.stderr


def test_briefbot_chat_command_runs_the_console(article_en: str, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(article_en, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        input=f"{path}\nhelp\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    assert "Port strike halts grain exports" in out.stdout and "I brief German and English" in out.stdout


@pytest.mark.asyncio
async def test_no_token_reaches_the_logs(
    caplog: pytest.LogCaptureFixture, slack_fake: object, article_en: str
) -> None:
    from fake_slack import SIGNING_SECRET, event_body, events_url, mention, post_signed

    from adapters.slack_adapters import SlackHttpAdapter

    caplog.set_level(logging.DEBUG)
    service = ChatService(analyse=_briefing)
    token = "xoxb-nolog-123"
    adapter = SlackHttpAdapter(
        service,
        bot_token=token,
        signing_secret=SIGNING_SECRET,
        api_url=slack_fake.api_url,
        host="127.0.0.1",
        port=0,
    )  # type: ignore[attr-defined]
    await adapter.start()
    try:
        await post_signed(events_url(adapter), event_body(mention(article_en, channel="C1", ts="1.1")))
        await slack_fake.wait_for_posts(1)  # type: ignore[attr-defined]
    finally:
        await adapter.stop()
        service.close()
    assert token not in caplog.text and SIGNING_SECRET not in caplog.text


def test_the_example_configuration_documents_every_setting() -> None:
    import tomllib

    from bot.settings import Settings

    documented = tomllib.loads((ROOT / "config" / "briefbot.example.toml").read_text(encoding="utf-8"))
    tokens = {"slack_bot_token", "slack_app_token", "slack_signing_secret", "discord_token"}
    assert set(documented) == set(Settings.model_fields) - tokens
    Settings(**documented)  # and every value there is valid
