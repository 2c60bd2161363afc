"""A link -> an Article: fetch the page safely, extract it with trafilatura (in a worker thread)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from bot.models import Article
from bot.sources.extract import Extracted, article_from_page, extract
from bot.sources.fetch import HTML_TYPES, Fetcher


@dataclass(frozen=True)
class LinkedArticle:
    article: Article
    author: str | None
    final_url: str


async def fetch_article(fetcher: Fetcher, url: str) -> LinkedArticle:
    """Fetch and extract; raises a UserFacingError (refused, failed, paywalled, empty...)."""
    page = await fetcher.fetch(url, accept=HTML_TYPES)
    extracted: Extracted = await asyncio.to_thread(
        extract, page.body, url=page.final_url, charset=page.charset
    )
    article = await asyncio.to_thread(article_from_page, extracted)
    return LinkedArticle(article=article, author=extracted.author, final_url=page.final_url)
