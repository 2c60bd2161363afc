"""The LLM engine in the chat service: summaries, answers, quote renderings, per-channel budgets."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from llm_fake_server import FakeLlm, Step
from pydantic import SecretStr

from adapters.runner import build_service
from bot.chat import Command, Reply
from bot.llm import LlmEngine
from bot.llm_budget import StoredBudget
from bot.llm_config import CallBudget, LlmConfig
from bot.models import Actor, Answer, Article, Briefing, Position, Span, SummarySentence
from bot.service import ChatService
from bot.service_llm import LlmChat
from bot.settings import load_settings
from bot.store import Store

ARTICLE_DE = (
    "Hafenpläne verschoben\n\n"
    "Der Stadtrat von Lindau hat am Montag den Ausbau des Hafens verschoben. "
    "„Wir brauchen mehr Zeit für die Prüfung“, sagte Bürgermeisterin Petra Sommer. "
    "Die Baufirmen warnten vor dem Verlust von zweihundert Stellen."
)
ARTICLE_EN = (
    "Harbour plan delayed\n\n"
    "The council of Marlow voted on Monday to delay the harbour expansion. "
    "“We need more time to check the figures,” said Mayor Ines Karsten. "
    "The builders warned that two hundred jobs could be lost."
)
OFFLINE_SUMMARY = "offline summary"
OFFLINE_ANSWER = "offline answer"
_QUOTE = re.compile(r"[„“]([^“”]+)[“”]")


def _analyse(article: Article) -> Briefing:
    """A stand-in for the offline engine: one actor, each quotation a direct position of theirs."""
    positions = [
        Position(actor="a1", kind="direct", text=m.group(1), content=Span(start=m.start(1), end=m.end(1)))
        for m in _QUOTE.finditer(article.text)
    ]
    return Briefing(
        source=article.source,
        language=article.language,
        title=article.title,
        date=None,
        summary=[SummarySentence(text=OFFLINE_SUMMARY, start=0, end=10)],
        actors=[Actor(id="a1", name="Sommer", kind="person", roles=[], mentions=[])],
        positions=positions,
    )


def _answer(briefing: Briefing, text: str, question: str, *, history: list[str]) -> Answer:
    return Answer(question=question, answered=True, answer=OFFLINE_ANSWER)


@pytest.fixture
def fake() -> Iterator[FakeLlm]:
    server = FakeLlm().start()
    yield server
    server.stop()


def _engine(base_url: str, budget: CallBudget | None = None, **overrides: Any) -> LlmEngine:
    config = LlmConfig(
        base_url=base_url,
        model="fake",
        api_key=SecretStr("sk-service-test"),
        timeout=2.0,
        retries=0,
        backoff=0.0,
        cooldown=0.0,
        **overrides,
    )
    return LlmEngine(config, budget=budget, analyse=_analyse, answer_question=_answer)


def _service(engine: LlmEngine, languages: dict[str, str] | None = None) -> ChatService:
    return ChatService(analyse=_analyse, llm=LlmChat(engine, channel_languages=languages))


async def _brief(service: ChatService, text: str, channel: str = "slack:C1") -> list[Reply]:
    return await service.handle(Command(text=text, channel=channel, conversation="t1", intent="brief"))


@pytest.mark.asyncio
async def test_briefing_summary_and_answer_come_from_the_model(fake: FakeLlm) -> None:
    service = _service(_engine(fake.base_url))
    replies = await _brief(service, ARTICLE_EN)
    assert [r.kind for r in replies] == ["briefing"]
    briefing = replies[0].briefing
    assert briefing is not None and briefing.summary[0].text != OFFLINE_SUMMARY
    assert briefing.summary[0].text in ARTICLE_EN
    [answer] = await service.handle(
        Command(text="What did the builders warn about?", channel="slack:C1", conversation="t1", intent="ask")
    )
    assert answer.answer is not None and "two hundred jobs" in answer.answer.answer
    assert answer.answer.citations and len(fake.requests) == 2
    service.close()


@pytest.mark.asyncio
async def test_with_the_model_down_the_offline_summary_comes_with_a_note() -> None:
    service = _service(_engine("http://127.0.0.1:9/v1"))
    replies = await _brief(service, ARTICLE_EN)
    assert [r.kind for r in replies] == ["briefing", "notice"]
    assert replies[0].briefing is not None and replies[0].briefing.summary[0].text == OFFLINE_SUMMARY
    assert "could not be reached" in replies[1].text
    [answer] = await service.handle(
        Command(text="What did the mayor say?", channel="slack:C1", conversation="t1", intent="ask")
    )
    assert answer.text.startswith(OFFLINE_ANSWER) and "could not be reached" in answer.text
    service.close()


@pytest.mark.asyncio
async def test_the_budget_is_counted_per_channel(fake: FakeLlm) -> None:
    service = _service(_engine(fake.base_url, daily_budget=1))
    first = await _brief(service, ARTICLE_EN, channel="slack:C1")
    second = await _brief(service, ARTICLE_EN, channel="slack:C1")
    other = await _brief(service, ARTICLE_EN, channel="discord:7")
    assert len(first) == 1 and len(other) == 1
    assert second[1].kind == "notice" and "budget" in second[1].text
    assert len(fake.requests) == 2  # the spent channel made no call
    service.close()


@pytest.mark.asyncio
async def test_german_quotes_are_rendered_for_an_english_channel_beside_the_original(fake: FakeLlm) -> None:
    service = _service(_engine(fake.base_url), {"slack:EN": "en"})
    replies = await _brief(service, ARTICLE_DE, channel="slack:EN")
    assert [r.kind for r in replies] == ["briefing", "notice"]
    rendered = replies[1].text
    assert rendered.startswith("The quotes in English")
    assert "Sommer: “Wir brauchen mehr Zeit für die Prüfung” → (rendered) Wir brauchen" in rendered
    assert "English" in fake.requests[0]["messages"][1]["content"]  # the summary in the channel's language
    service.close()


@pytest.mark.asyncio
async def test_english_quotes_are_rendered_for_a_german_channel(fake: FakeLlm) -> None:
    service = _service(_engine(fake.base_url), {"slack:DE": "de"})
    replies = await _brief(service, ARTICLE_EN, channel="slack:DE")
    assert replies[-1].text.startswith("Die Zitate auf Deutsch")
    assert "“We need more time to check the figures,”" in replies[-1].text
    service.close()


@pytest.mark.parametrize(
    ("rendering", "why"),
    [
        ({"quote": 1, "original": "Wir brauchen kein Geld", "text": "We need no money"}, "invented original"),
        ({"quote": 1, "original": "Die Baufirmen warnten", "text": "The builders warned"}, "not the quote"),
        ({"quote": 5, "original": "Wir brauchen mehr Zeit", "text": "We need more time"}, "no such quote"),
        (
            {"quote": 1, "original": "Wir brauchen mehr Zeit", "text": "See https://evil.example/x"},
            "injected URL",
        ),
    ],
)
@pytest.mark.asyncio
async def test_ungrounded_renderings_leave_the_original_alone(
    fake: FakeLlm, rendering: dict[str, object], why: str
) -> None:
    service = _service(_engine(fake.base_url), {"slack:EN": "en"})
    # the summary call fails (offline summary, with a note); the rendering is judged on its own
    fake.script += [Step(status=500), Step(content=json.dumps({"renderings": [rendering]}))]
    replies = await _brief(service, ARTICLE_DE, channel="slack:EN")
    assert [r.kind for r in replies] == ["briefing", "notice"], why
    assert "could not be reached" in replies[1].text  # the note in the channel's language
    assert not any("→" in r.text for r in replies), why
    service.close()


@pytest.mark.asyncio
async def test_with_the_model_down_quotes_stay_original_only() -> None:
    service = _service(_engine("http://127.0.0.1:9/v1"), {"slack:EN": "en"})
    replies = await _brief(service, ARTICLE_DE, channel="slack:EN")
    assert not any("→" in r.text for r in replies)
    assert replies[0].briefing is not None and replies[0].briefing.positions[0].text.startswith(
        "Wir brauchen"
    )
    service.close()


def test_the_budget_persists_in_the_store_across_restarts(tmp_path: Path) -> None:
    day = date(2026, 5, 4)
    store = Store.open(f"sqlite:///{tmp_path / 'b.db'}")
    budget = StoredBudget(2, lambda: store, today=lambda: day)
    assert budget.try_spend("slack:C1") and budget.try_spend("slack:C1")
    assert not budget.try_spend("slack:C1")
    assert budget.try_spend("slack:C2")
    store.close()
    reopened = Store.open(f"sqlite:///{tmp_path / 'b.db'}")
    again = StoredBudget(2, lambda: reopened, today=lambda: day)
    assert again.spent("slack:C1") == 2 and not again.try_spend("slack:C1")
    tomorrow = StoredBudget(2, lambda: reopened, today=lambda: date(2026, 5, 5))
    assert tomorrow.try_spend("slack:C1")
    reopened.close()


def test_without_a_store_the_budget_is_kept_in_memory() -> None:
    budget = StoredBudget(1, lambda: None)
    assert budget.try_spend("cli") and not budget.try_spend("cli") and budget.spent("cli") == 1


def test_the_engine_setting_selects_the_llm_for_the_chat_bot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("BRIEFBOT_ENGINE", "BRIEFBOT_CONFIG", "BRIEFBOT_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    assert build_service(load_settings()).llm is None
    config = tmp_path / "bot.toml"
    config.write_text(
        'engine = "llm"\nllm_base_url = "http://127.0.0.1:9/v1"\nllm_model = "m"\n'
        'llm_daily_budget = 3\n[channel_languages]\n"slack:C1" = "en"\n',
        encoding="utf-8",
    )
    service = build_service(load_settings(config))
    assert service.llm is not None and service.llm.language_for("slack:C1") == "en"
    assert service.llm.engine.budget.limit == 3
    monkeypatch.setenv("BRIEFBOT_ENGINE", "offline")
    assert build_service(load_settings(config)).llm is None
    assert not (tmp_path / "briefbot.db").exists()  # no store configured: the budget stays in memory
