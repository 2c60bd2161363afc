"""The optional LLM backend: abstractive summaries and free-form answers, grounded in the article.

The offline engine (bot.analysis.pipeline.analyse, bot.qa.answer_question) stays the default and the
fallback. The model sees the article as numbered sentences plus the offline actors and positions
(bot.llm_prompt) and must reply with JSON citing sentence numbers; a reply that fails a grounding
rule (bot.llm_grounding), a model that cannot be reached (bot.llm_client) or a spent daily budget
(bot.llm_config) gives the offline result instead, with a note saying why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from bot.errors import UserFacingError
from bot.ingest import article_from_text
from bot.llm_client import ChatClient, LlmUnavailable
from bot.llm_config import CallBudget, DailyBudget, LlmConfig
from bot.llm_grounding import AnswerReply, Grounding, Malformed, SummaryReply, Ungrounded, parse_reply
from bot.llm_prompt import NumberedArticle, Prompt, answer_prompt, summary_prompt
from bot.models import Answer, Article, Briefing, Citation, SummarySentence
from bot.settings import Settings

log = logging.getLogger(__name__)

Analyse = Callable[[Article], Briefing]
AnswerQuestion = Callable[..., Answer]
DEFAULT_CHANNEL = "cli"
MAX_QUESTION_CHARS = 500

_NOTES = {
    "en": {
        "not_configured": "offline answer: the language model is not configured",
        "budget": "offline answer: today's language-model budget for this channel is used up",
        "unavailable": "offline answer: the language model could not be reached",
        "ungrounded": "offline answer: the language model's answer was not backed by the article",
        "malformed": "offline answer: the language model's reply could not be read",
    },
    "de": {
        "not_configured": "Offline-Antwort: Das Sprachmodell ist nicht eingerichtet",
        "budget": "Offline-Antwort: Das heutige Sprachmodell-Budget dieses Kanals ist aufgebraucht",
        "unavailable": "Offline-Antwort: Das Sprachmodell war nicht erreichbar",
        "ungrounded": "Offline-Antwort: Die Antwort des Sprachmodells war nicht durch den Artikel gedeckt",
        "malformed": "Offline-Antwort: Die Antwort des Sprachmodells war unlesbar",
    },
}
_NOT_SAID = {"en": "The article does not say.", "de": "Das steht nicht im Artikel."}


def note_text(reason: str, language: str) -> str:
    return _NOTES.get(language, _NOTES["en"])[reason]


class Fallback(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class BriefResult:
    briefing: Briefing
    note: str | None = None  # set when the summary is the offline one although the LLM was asked for


class LlmEngine:
    """Briefs and answers with the model where it is grounded, else with the offline engine."""

    def __init__(
        self,
        config: LlmConfig,
        *,
        client: ChatClient | None = None,
        budget: CallBudget | None = None,
        analyse: Analyse | None = None,
        answer_question: AnswerQuestion | None = None,
    ) -> None:
        self.config = config
        self.client = client or ChatClient(config)
        self.budget: CallBudget = budget or DailyBudget(config.daily_budget)
        self._analyse = analyse
        self._answer_question = answer_question
        self._last_numbered: NumberedArticle | None = None

    # -- briefing -----------------------------------------------------------------------------------
    def brief(
        self, article: Article, *, channel: str = DEFAULT_CHANNEL, language: str | None = None
    ) -> BriefResult:
        """The offline briefing with the model's summary (in `language`, else the article's)."""
        return self.improve(article, self._offline_analyse(article), channel=channel, language=language)

    def improve(
        self,
        article: Article,
        briefing: Briefing,
        *,
        channel: str = DEFAULT_CHANNEL,
        language: str | None = None,
    ) -> BriefResult:
        """An offline briefing of `article` with its summary replaced by the model's, where grounded."""
        numbered = NumberedArticle.of(article)
        try:
            prompt = summary_prompt(briefing, numbered, language=language)
            reply = parse_reply(self.ask(prompt, channel), SummaryReply)
            summary = _grounded_summary(
                reply, numbered, Grounding(article.text, numbered.shown, nonce=prompt.nonce)
            )
        except (Fallback, Ungrounded) as err:
            reason = _reason(err)
            log.warning("LLM summary not used for %s: %s", article.source or "article", reason)
            return BriefResult(briefing, note_text(reason, language or article.language))
        return BriefResult(briefing.model_copy(update={"summary": summary}))

    def analyse(self, article: Article) -> Briefing:
        """The Analyse callable the CLI and the chat service take."""
        return self.brief(article).briefing

    # -- questions ----------------------------------------------------------------------------------
    def answer(
        self,
        briefing: Briefing,
        text: str,
        question: str,
        *,
        history: list[str] | None = None,
        channel: str = DEFAULT_CHANNEL,
    ) -> Answer:
        """The AnswerQuestion callable: the model's grounded answer, else the offline one with a note."""
        earlier = list(history or [])
        if not question.strip() or len(question) > MAX_QUESTION_CHARS:
            return self._offline_answer(briefing, text, question, earlier)
        numbered = self._numbered(briefing, text)
        try:
            prompt = answer_prompt(briefing, numbered, question, earlier)
            reply = parse_reply(self.ask(prompt, channel), AnswerReply)
            return _grounded_answer(
                reply,
                question,
                numbered,
                Grounding(text, numbered.shown, nonce=prompt.nonce),
                briefing.language,
            )
        except (Fallback, Ungrounded) as err:
            reason = _reason(err)
            log.warning("LLM answer not used: %s", reason)
            offline = self._offline_answer(briefing, text, question, earlier)
            note = note_text(reason, briefing.language)
            return offline.model_copy(update={"answer": f"{offline.answer}\n({note})"})

    # -- plumbing -----------------------------------------------------------------------------------
    def _numbered(self, briefing: Briefing, text: str) -> NumberedArticle:
        cached = self._last_numbered
        if cached is None or cached.text != text:
            cached = NumberedArticle.of(_article_of(briefing, text))
            self._last_numbered = cached
        return cached

    def ask(self, prompt: Prompt, channel: str) -> str:
        """The model's raw reply to `prompt`, counted against `channel`'s budget; Fallback if none."""
        if not self.config.configured:
            raise Fallback("not_configured")
        if not self.budget.try_spend(channel):
            raise Fallback("budget")
        try:
            return self.client.complete(prompt.messages)
        except LlmUnavailable as err:
            log.info("LLM unavailable: %s", err.reason)
            raise Fallback("unavailable") from None

    def _offline_analyse(self, article: Article) -> Briefing:
        if self._analyse is None:
            from bot.analysis.pipeline import analyse

            self._analyse = analyse
        return self._analyse(article)

    def _offline_answer(self, briefing: Briefing, text: str, question: str, history: list[str]) -> Answer:
        if self._answer_question is None:
            from bot.qa import answer_question

            self._answer_question = answer_question
        return self._answer_question(briefing, text, question, history=history)


def _reason(err: Exception) -> str:
    """The note key for why the offline result is given; rejections are logged with their rule."""
    if isinstance(err, Fallback):
        return err.reason
    if isinstance(err, Malformed):
        return "malformed"
    log.info("LLM reply rejected: %s", err)
    return "ungrounded"


def _article_of(briefing: Briefing, text: str) -> Article:
    """The article a briefing was made from, rebuilt from its text (for where the text starts)."""
    try:
        article = article_from_text(text, source=briefing.source)
    except UserFacingError:
        return Article(text=text, language=briefing.language, source=briefing.source)
    return article.model_copy(update={"language": briefing.language})


def _grounded_summary(
    reply: SummaryReply, numbered: NumberedArticle, grounding: Grounding
) -> list[SummarySentence]:
    for claim in reply.summary:
        grounding.check_claim(claim)
    out = []
    for claim in reply.summary:
        start, end = numbered.span(min(claim.sentences))
        out.append(SummarySentence(text=claim.text.strip(), start=start, end=end))
    return out


def _grounded_answer(
    reply: AnswerReply, question: str, numbered: NumberedArticle, grounding: Grounding, language: str
) -> Answer:
    if reply.answered and not reply.claims:
        raise Ungrounded("an answer without claims")
    for claim in reply.claims:
        grounding.check_claim(claim)
    if not reply.answered:
        grounding.check_text(reply.reason)
    if not reply.answered:
        said = reply.reason.strip() or _NOT_SAID.get(language, _NOT_SAID["en"])
        return Answer(question=question, answered=False, answer=said)
    cited = sorted({n for claim in reply.claims for n in claim.sentences})
    citations = [Citation(start=numbered.span(n)[0], end=numbered.span(n)[1]) for n in cited]
    text = " ".join(claim.text.strip() for claim in reply.claims)
    return Answer(question=question, answered=True, answer=text, citations=citations)


def engine_from_settings(settings: Settings, **parts: object) -> LlmEngine:
    """The LLM engine the settings describe (parts: client, budget, analyse, answer_question)."""
    return LlmEngine(LlmConfig.from_settings(settings), **parts)  # type: ignore[arg-type]
