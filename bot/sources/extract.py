"""Web page -> Article: text, title, date and author extracted with trafilatura.

A page with too little text (a paywall, a cookie wall, a page built by JavaScript, a list of links)
is reported as such instead of being briefed as garbage.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.errors import UserFacingError
from bot.ingest import article_from_text, decode
from bot.models import Article

log = logging.getLogger(__name__)

MIN_WORDS = 60  # fewer words than this after extraction is not an article
_WORD = re.compile(r"\w+")
_PAYWALL_MARKERS = re.compile(
    rb"isAccessibleForFree\"?\s*:\s*\"?(?:false|False)|class=\"[^\"]*\bpaywall|id=\"[^\"]*\bpaywall"
    rb"|data-paywall|piano-paywall|plenigo",
    re.IGNORECASE,
)


class ExtractionFailed(UserFacingError):
    """The page holds no article we can brief (empty, paywalled, not an article)."""


@dataclass(frozen=True)
class Extracted:
    url: str
    title: str
    text: str
    date: str | None
    author: str | None
    words: int


def _html_text(body: bytes, charset: str | None) -> str:
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body)


def extract(body: bytes, *, url: str, charset: str | None = None) -> Extracted:
    """Extract the main text and metadata of an HTML page, or raise ExtractionFailed."""
    import trafilatura

    html = _html_text(body, charset)
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as err:  # trafilatura/lxml raise many kinds on broken markup
        log.info("extraction of %s failed: %s", url, err)
        raise ExtractionFailed("I could not read an article on that page.") from err
    text = str(getattr(document, "text", "") or "").strip() if document is not None else ""
    title = str(getattr(document, "title", "") or "").strip() if document is not None else ""
    words = len(_WORD.findall(text))
    if words < MIN_WORDS:
        if _PAYWALL_MARKERS.search(body):
            raise ExtractionFailed(
                f"The article seems to be behind a paywall: only {words} words are readable, "
                "too few to brief. Paste its text instead."
            )
        raise ExtractionFailed(
            f"The page has too little text to brief ({words} words); it may be behind a paywall, built "
            "by JavaScript, or not an article. Paste its text instead."
        )
    if title and text.startswith(title):
        text = text[len(title) :].lstrip()
    date = getattr(document, "date", None)
    author = getattr(document, "author", None)
    return Extracted(
        url=url,
        title=" ".join(title.split()),
        text=text,
        date=str(date) if date else None,
        author=str(author) if author else None,
        words=words,
    )


def article_from_page(page: Extracted, *, source: str | None = None) -> Article:
    """The Article the engine analyses: the title on the first line, then the body."""
    text = f"{page.title}\n\n{page.text}" if page.title else page.text
    article = article_from_text(text, source=source or page.url, url=page.url)
    if page.date:
        article = article.model_copy(update={"date": page.date[:10]})
    return article
