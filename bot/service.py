"""The use cases chat adapters call: brief an article, answer questions in its thread, help.

Adapters translate platform events into `Command`s and render the `Reply`s; everything they have in
common lives here. Analysis and question answering are CPU work: they run in a worker thread, never
on the event loop, so Slack acks and Discord heartbeats keep flowing.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from bot import metrics
from bot.chat import Command, Reply
from bot.chat_text import decide, first_url, parse_manage
from bot.errors import UserFacingError
from bot.ingest import DEFAULT_MAX_BYTES, read_article
from bot.models import Answer, Article, Briefing

if TYPE_CHECKING:
    from bot.service_llm import LlmChat
    from bot.service_news import NewsDesk

log = logging.getLogger(__name__)

Analyse = Callable[[Article], Briefing]
AnswerQuestion = Callable[..., Answer]
AnswerFromJson = Callable[..., Answer]  # (briefing_json, text, question, *, history)
ReadAndAnalyse = Callable[..., tuple[Article, Briefing]]  # (data, *, source, max_bytes)
T = TypeVar("T")

HELP_TEXT = (
    "I brief German and English news articles and answer questions about them.\n"
    "• Paste an article's text (or use “Brief this message”): I reply in a thread with a briefing: "
    "summary, actors with their roles, and their positions with the quoted evidence.\n"
    "• Ask in that thread (mention me): I answer about that article and follow the conversation. "
    "Outside a thread I answer about the channel's most recent article and say which one.\n"
    "• Commands: `brief <article text>`, `ask <question>`, `help`.\n"
    "• Links: send a link and I fetch the article and brief it.\n"
    "• Feeds: `feeds add URL [keywords: a, b] [actors: Name]`, `feeds remove URL`, `feeds list`.\n"
    "• Digests: `schedule set daily 08:00 Europe/Berlin` (or `weekdays 07:30`, or cron), "
    "`schedule show`, `schedule clear`, `digest now`."
)
FALLBACK_TEXT = (
    "Sorry, I did not understand that. Paste a news article (German or English) and I will brief it, "
    "or ask a question about an article in its thread. Say `help` to see what I can do."
)
LINK_TEXT = (
    "Links are not supported yet: I cannot fetch articles from the web. "
    "Please paste the article's text instead."
)
NO_NEWS_TEXT = "Feeds, schedules and digests are not set up for this bot."
NO_ARTICLE_TEXT = "There is no article here yet to ask about. Paste one and I will brief it first."
EMPTY_BRIEF_TEXT = "There is no text to brief. Paste the article's text after the command."
EMPTY_QUESTION_TEXT = "What would you like to know? Write your question after the command."
MAX_EVIDENCE = 3
MAX_EVIDENCE_CHARS = 400


@dataclass
class Topic:
    """An article that was briefed, and where.

    The briefing is kept as its JSON: one string rather than a thousand objects per article, which
    every full garbage collection would walk (hundreds of remembered articles stall the event loop
    for tens of milliseconds). The engine's child process takes it as it is; in threads it is read back,
    in a worker thread, for each question (under 1 ms).
    """

    id: str
    article: Article
    briefing_json: str
    title: str | None
    channel: str

    def briefing(self) -> Briefing:
        return Briefing.model_validate_json(self.briefing_json)


@dataclass
class Thread:
    """A conversation about one topic: the questions asked so far resolve follow-ups."""

    topic: Topic
    history: list[str] = field(default_factory=list)


class _Bounded(OrderedDict[str, T]):
    """A dict that forgets its least recently used entries beyond `limit`."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def put(self, key: str, value: T) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.limit:
            self.popitem(last=False)

    def use(self, key: str | None) -> T | None:
        if key is None or key not in self:
            return None
        self.move_to_end(key)
        return self[key]


class ChatService:
    def __init__(
        self,
        *,
        analyse: Analyse | None = None,
        answer_question: AnswerQuestion | None = None,
        answer_question_json: AnswerFromJson | None = None,
        read_and_analyse: ReadAndAnalyse | None = None,
        max_article_bytes: int = DEFAULT_MAX_BYTES,
        max_conversations: int = 500,
        workers: int = 1,
        news: NewsDesk | None = None,
        llm: LlmChat | None = None,
    ) -> None:
        self.news = news
        self.llm = llm  # the LLM engine (settings engine = "llm"): summaries, answers, quote renderings
        self._analyse = analyse
        self._answer = answer_question
        self._answer_json = answer_question_json  # given the remembered JSON: nothing parsed here
        self._read_and_analyse_elsewhere = read_and_analyse
        self.max_article_bytes = max_article_bytes
        self._in_flight = 0
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="briefbot-work")
        self._threads: _Bounded[Thread] = _Bounded(max_conversations)
        self._latest: _Bounded[Topic] = _Bounded(max_conversations)
        self._topics: _Bounded[Topic] = _Bounded(max_conversations)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    @property
    def in_flight(self) -> int:
        """Commands being handled right now (a graceful shutdown waits for them)."""
        return self._in_flight

    async def drain(self, timeout: float) -> bool:
        """Wait until no command is in flight, at most `timeout` seconds; whether it got there."""
        deadline = asyncio.get_running_loop().time() + timeout
        while self._in_flight and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        return not self._in_flight

    async def handle(self, command: Command) -> list[Reply]:
        """Answer one command. Never raises: problems become an error reply safe to show."""
        self._in_flight += 1
        try:
            with metrics.timed_command(command.channel):
                replies = await self._handle(command)
        finally:
            self._in_flight -= 1
        platform = metrics.platform_of(command.channel)
        for reply in replies:
            metrics.REPLIES.labels(platform, reply.kind).inc()
            if reply.kind == "briefing":
                metrics.BRIEFINGS.labels(platform).inc()
        return replies

    async def _handle(self, command: Command) -> list[Reply]:
        try:
            return await self._dispatch(command)
        except UserFacingError as err:
            return [Reply(kind="error", text=err.reason)]
        except Exception:
            metrics.ERRORS.labels("command").inc()
            error_id = secrets.token_hex(4)
            log.exception("command failed (error id %s, channel %s)", error_id, command.channel)
            return [
                Reply(kind="error", text=f"Sorry, something went wrong on my side (error id {error_id}).")
            ]

    def attach(self, *, conversation: str, topic: str) -> bool:
        """Let a thread the adapter opened after replying follow the topic of that reply."""
        found = self._topics.use(topic)
        if found is not None:
            self._threads.put(conversation, Thread(topic=found))
        return found is not None

    def knows(self, conversation: str | None) -> bool:
        return conversation is not None and conversation in self._threads

    def help(self) -> Reply:
        return Reply(kind="help", text=HELP_TEXT)

    async def _dispatch(self, command: Command) -> list[Reply]:
        thread = self._threads.use(command.conversation)
        decision, body = decide(command.text, command.intent, in_article_thread=thread is not None)
        log.debug("channel %s: %s (%d chars)", command.channel, decision, len(body))
        if decision == "help":
            return [self.help()]
        if decision == "link":
            return await self._brief_link(command, body)
        if decision == "manage":
            return [await self._manage(command, body)]
        if decision == "fallback":
            return [Reply(kind="notice", text=FALLBACK_TEXT)]
        if decision == "brief":
            return await self._brief(command, body)
        return [await self._ask(command, body, thread)]

    async def _brief(self, command: Command, text: str) -> list[Reply]:
        if not text.strip():
            return [Reply(kind="notice", text=EMPTY_BRIEF_TEXT)]
        source = command.source or "chat message"
        article, briefing = await self._run(self._read_and_analyse, text, source)
        return await self._briefed_with_llm(command, article, briefing)

    async def _briefed_with_llm(self, command: Command, article: Article, briefing: Briefing) -> list[Reply]:
        """The briefing reply; with the LLM engine, its summary is the model's and notes may follow."""
        extras: list[Reply] = []
        if self.llm is not None:
            briefing, extras = await self._run(self.llm.brief, article, briefing, command.channel)
        return [self._briefed(command, article, briefing), *extras]

    def _briefed(self, command: Command, article: Article, briefing: Briefing) -> Reply:
        topic = Topic(
            id=secrets.token_hex(6),
            article=article,
            briefing_json=briefing.model_dump_json(),
            title=briefing.title,
            channel=command.channel,
        )
        self._topics.put(topic.id, topic)
        self._latest.put(command.channel, topic)
        if command.conversation is not None:
            self._threads.put(command.conversation, Thread(topic=topic))
        heading = briefing.title or "the article"
        return Reply(kind="briefing", text=f"Briefing: {heading}", briefing=briefing, topic=topic.id)

    async def _brief_link(self, command: Command, text: str) -> list[Reply]:
        url = first_url(text)
        if self.news is None or url is None:
            return [Reply(kind="notice", text=LINK_TEXT)]
        article, briefing = await self.news.brief_link(url, channel=command.channel)
        return await self._briefed_with_llm(command, article, briefing)

    async def _manage(self, command: Command, text: str) -> Reply:
        manage = parse_manage(text)
        if self.news is None or manage is None:
            return Reply(kind="notice", text=NO_NEWS_TEXT)
        answer = await self.news.manage(
            manage, channel=command.channel, user=command.user, user_is_admin=command.user_is_admin
        )
        return Reply(kind="notice", text=answer)

    async def _ask(self, command: Command, question: str, thread: Thread | None) -> Reply:
        if not question.strip():
            return Reply(kind="notice", text=EMPTY_QUESTION_TEXT)
        about = None
        if thread is None and self.news is not None:
            across = await self.news.ask_across(command.channel, question)
            if across is not None:
                return Reply(kind="answer", text=across.text, evidence=across.evidence)
        if thread is None:
            latest = self._latest.use(command.channel)
            if latest is None:
                return Reply(kind="notice", text=NO_ARTICLE_TEXT)
            thread = Thread(topic=latest)
            about = latest.title or latest.article.source
            if command.conversation is not None:
                self._threads.put(command.conversation, thread)
        topic = thread.topic
        history = list(thread.history)
        answer = await self._run(lambda: self._answer_about(topic, question, history, command.channel))
        thread.history.append(question)
        text = answer.answer if about is None else f"About “{about}”: {answer.answer}"
        evidence = [_clip(topic.article.text[c.start : c.end]) for c in answer.citations[:MAX_EVIDENCE]]
        return Reply(
            kind="answer",
            text=text,
            answer=answer,
            evidence=[e for e in evidence if e],
            topic=topic.id,
            about=about,
        )

    def _read_and_analyse(self, text: str, source: str) -> tuple[Article, Briefing]:
        data = text.encode("utf-8")
        if self._read_and_analyse_elsewhere is not None:  # the engine's process reads it too
            return self._read_and_analyse_elsewhere(data, source=source, max_bytes=self.max_article_bytes)
        article = read_article(data, source=source, max_bytes=self.max_article_bytes)
        return article, self._analyser()(article)

    async def _run(self, func: Callable[..., T], *args: object, **kwargs: object) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, lambda: func(*args, **kwargs))

    def _answer_about(self, topic: Topic, question: str, history: list[str], channel: str) -> Answer:
        if self.llm is None and self._answer_json is not None:
            return self._answer_json(topic.briefing_json, topic.article.text, question, history=history)
        answerer = self._answerer(channel)
        return answerer(topic.briefing(), topic.article.text, question, history=history)

    def _analyser(self) -> Analyse:
        if self._analyse is None:
            from bot.analysis.pipeline import analyse

            self._analyse = analyse
        return self._analyse

    def _answerer(self, channel: str) -> AnswerQuestion:
        if self.llm is not None:
            return self.llm.answerer_for(channel)
        if self._answer is None:
            from bot.qa import answer_question

            self._answer = answer_question
        return self._answer


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_EVIDENCE_CHARS else text[: MAX_EVIDENCE_CHARS - 1].rstrip() + "…"
