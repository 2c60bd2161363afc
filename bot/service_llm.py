"""The chat service's use of the optional LLM backend: summaries, answers and quote renderings.

`LlmChat` is given to `ChatService` when the engine setting is "llm". The offline briefing comes
first; the model then writes the summary (in the channel's language) and, for a channel set to
another language than the article's, renders the quotes, each beside its original. A summary the
model could not give is the offline one, with a note; the daily budget is counted per channel.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping

from bot.chat import Reply
from bot.llm import LlmEngine
from bot.llm_quotes import QuoteRendering, render_quotes
from bot.models import Answer, Article, Briefing
from bot.settings import Settings
from bot.store_llm import LlmUsageStore

log = logging.getLogger(__name__)

_RENDERED_HEADING = {
    "en": "The quotes in English, each beside its original:",
    "de": "Die Zitate auf Deutsch, jeweils neben dem Original:",
}


class LlmChat:
    def __init__(self, engine: LlmEngine, *, channel_languages: Mapping[str, str] | None = None) -> None:
        self.engine = engine
        self.channel_languages = dict(channel_languages or {})

    def language_for(self, channel: str) -> str | None:
        """The language the channel is set to (settings `channel_languages`), or None: the article's."""
        return self.channel_languages.get(channel)

    def brief(self, article: Article, briefing: Briefing, channel: str) -> tuple[Briefing, list[Reply]]:
        """The briefing with the model's summary, and the replies to post after it (note, renderings)."""
        language = self.language_for(channel)
        result = self.engine.improve(article, briefing, channel=channel, language=language)
        extras: list[Reply] = []
        if result.note:
            extras.append(Reply(kind="notice", text=result.note))
        if language is not None and language != briefing.language:
            rendered = render_quotes(
                self.engine, article, result.briefing, language=language, channel=channel
            )
            if rendered:
                extras.append(Reply(kind="notice", text=renderings_text(rendered, language)))
        return result.briefing, extras

    def answer(
        self, briefing: Briefing, text: str, question: str, *, history: list[str], channel: str
    ) -> Answer:
        return self.engine.answer(briefing, text, question, history=history, channel=channel)

    def answerer_for(self, channel: str) -> functools.partial[Answer]:
        """The AnswerQuestion callable for one channel (its budget)."""
        return functools.partial(self.answer, channel=channel)


def renderings_text(rendered: list[QuoteRendering], language: str) -> str:
    lines = [_RENDERED_HEADING.get(language, _RENDERED_HEADING["en"])]
    for item in rendered:
        who = f"{item.speaker}: " if item.speaker else ""
        lines.append(f"• {who}“{item.original}” → {item.rendering}")
    return "\n".join(lines)


def llm_chat_from_settings(
    settings: Settings, store_for: Callable[[], LlmUsageStore | None] | None = None
) -> LlmChat | None:
    """The LlmChat for `briefbot run` when the engine setting is "llm", else None (offline).

    With `store_for` (the store when one is configured, else None) the daily budget is kept there.
    """
    if settings.engine != "llm":
        return None
    from bot.llm import engine_from_settings
    from bot.llm_budget import StoredBudget

    if not (settings.llm_base_url.strip() and settings.llm_model.strip()):
        log.warning("engine is llm but llm_base_url or llm_model is not set: every answer is offline")
    budget = StoredBudget(settings.llm_daily_budget, store_for or (lambda: None))
    return LlmChat(
        engine_from_settings(settings, budget=budget), channel_languages=settings.channel_languages
    )
