"""Briefings through the store: analysed once per article and engine version, then read back."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from bot import ENGINE_VERSION
from bot.models import Article, Briefing
from bot.store import Store

log = logging.getLogger(__name__)

Analyse = Callable[[Article], Briefing]
DEFAULT_ENGINE = f"offline-{ENGINE_VERSION}"


def default_analyse(article: Article) -> Briefing:
    from bot.analysis.pipeline import analyse

    return analyse(article)


class BriefingCache:
    """`briefing_for` returns the stored briefing, or analyses (CPU: call it from a worker thread)."""

    def __init__(self, store: Store, analyse: Analyse | None = None, *, engine_version: str = DEFAULT_ENGINE):
        self.store = store
        self.analyse = analyse or default_analyse
        self.engine_version = engine_version
        self.analysed = 0  # how many analyses ran (a cache hit costs none)
        self._engine_lock = threading.Lock()  # one analysis at a time: the engine is CPU-bound anyway

    def briefing_for(self, article_id: int, article: Article) -> Briefing:
        cached = self.store.briefing(article_id, self.engine_version)
        if cached is not None:
            return cached
        with self._engine_lock:
            briefing = self.analyse(article)
            self.analysed += 1
        self.store.save_briefing(article_id, self.engine_version, briefing)
        return briefing

    def store_and_brief(
        self, article: Article, *, author: str | None = None
    ) -> tuple[int, Article, Briefing]:
        """Store the article (or find it stored) and brief it; the article returned is the stored one."""
        article_id, _ = self.store.save_article(article, author=author)
        stored = self.store.article(article_id)
        # an article stored earlier (same text or URL) is briefed from its stored text: offsets match it
        kept = stored.article if stored else article
        return article_id, kept, self.briefing_for(article_id, kept)
