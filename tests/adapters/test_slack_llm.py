"""The LLM engine's text goes out to Slack with link and media unfurling off."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
from fake_slack import FakeSlack, event_body, events_url, mention, post_signed
from llm_fake_server import FakeLlm, Step
from pydantic import SecretStr
from stacks import start_slack_http

from adapters.slack_adapters import SlackHttpAdapter
from bot.llm import LlmEngine
from bot.llm_config import LlmConfig
from bot.models import Article, Briefing, SummarySentence
from bot.service import ChatService
from bot.service_llm import LlmChat

pytestmark = pytest.mark.asyncio

ARTICLE = (
    "Ferry service cut\n\n"
    "The island council of Norby cut the winter ferry service on Tuesday. "
    "The shipping line said fuel costs had doubled since spring. "
    "Islanders plan a protest at the harbour on Friday."
)
MODEL_SUMMARY = "The Norby council has cut the winter ferries, citing fuel costs."


def _offline(article: Article) -> Briefing:
    return Briefing(
        source=article.source,
        language="en",
        title="Ferry service cut",
        date=None,
        summary=[SummarySentence(text="offline summary", start=0, end=5)],
        actors=[],
        positions=[],
    )


@pytest.fixture
def fake_llm() -> Iterator[FakeLlm]:
    server = FakeLlm().start()
    yield server
    server.stop()


@pytest_asyncio.fixture
async def adapter(slack_fake: FakeSlack, fake_llm: FakeLlm) -> AsyncIterator[SlackHttpAdapter]:
    config = LlmConfig(base_url=fake_llm.base_url, model="fake", api_key=SecretStr("sk-x"), retries=0)
    engine = LlmEngine(config, analyse=_offline)
    service = ChatService(analyse=_offline, llm=LlmChat(engine))
    slack = await start_slack_http(service, slack_fake)
    yield slack
    await slack.stop()
    service.close()


async def test_the_model_summary_is_posted_with_unfurling_off(
    slack_fake: FakeSlack, fake_llm: FakeLlm, adapter: SlackHttpAdapter
) -> None:
    fake_llm.script.append(
        Step(content=json.dumps({"summary": [{"text": MODEL_SUMMARY, "sentences": [1, 2]}]}))
    )
    status, _ = await post_signed(
        events_url(adapter), event_body(mention("brief " + ARTICLE, channel="C9", ts="7.1"))
    )
    assert status == 200
    [post] = await slack_fake.wait_for_posts(1)
    assert MODEL_SUMMARY in json.dumps(post.params, ensure_ascii=False)
    assert post.params["unfurl_links"] is False and post.params["unfurl_media"] is False
    assert len(fake_llm.requests) == 1
