"""Size caps (also after decompression), the total timeout, content types, redirects, extraction."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from news_site import NewsSite

from bot.errors import UserFacingError
from bot.sources.extract import ExtractionFailed
from bot.sources.fetch import Fetcher, FetchError, FetchLimits
from bot.sources.links import fetch_article

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    client = Fetcher(FetchLimits(allow_private=True, timeout=1.0, max_bytes=5_000_000))
    yield client
    await client.aclose()


@pytest.mark.parametrize("path", ["/huge", "/huge-undeclared", "/bomb"])
async def test_size_cap_holds_for_declared_streamed_and_compressed_bodies(
    site: NewsSite, fetcher: Fetcher, path: str
) -> None:
    with pytest.raises(FetchError, match="too large"):
        await fetcher.fetch(site.url(path))


async def test_the_whole_fetch_has_one_timeout_even_when_bytes_keep_trickling(
    site: NewsSite, fetcher: Fetcher
) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="did not answer within 1 s"):
        await fetcher.fetch(site.url("/slow"))
    assert time.monotonic() - started < 2.5


async def test_content_type_is_checked(site: NewsSite, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="image/png"):
        await fetcher.fetch(site.url("/image.png"))


async def test_redirects_are_followed_up_to_a_limit(site: NewsSite, fetcher: Fetcher) -> None:
    page = await fetcher.fetch(site.url("/redirect/3"))
    assert page.final_url == site.url("/articles/port-strike.html")
    with pytest.raises(FetchError, match="redirects more than 5 times"):
        await fetcher.fetch(site.url("/redirect/7"))


async def test_http_errors_are_reported_plainly(site: NewsSite, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="404"):
        await fetcher.fetch(site.url("/missing"))


async def test_german_article_page_text_title_author_and_date(site: NewsSite, fetcher: Fetcher) -> None:
    linked = await fetch_article(fetcher, site.url("/artikel/hafen-streik.html"))
    article = linked.article
    assert article.language == "de"
    assert article.title == "Streik legt den Hamburger Hafen lahm"
    assert article.date == "2024-03-04" and linked.author == "Jana Petersen"
    assert "Wir lassen uns nicht länger hinhalten" in article.text
    assert "Impressum" not in article.text and "Politik" not in article.text  # boilerplate dropped
    assert article.url == site.url("/artikel/hafen-streik.html")


async def test_english_article_behind_gzip(site: NewsSite, fetcher: Fetcher) -> None:
    english = await fetch_article(fetcher, site.url("/articles/central-bank.html"))
    assert english.article.language == "en" and "Helena Marquez" in english.article.text
    german = await fetch_article(fetcher, site.url("/gzip/hafen-streik.html"))
    assert german.article.title.startswith("Streik legt")


@pytest.mark.parametrize(
    ("path", "reason"), [("/paywall.html", "paywall"), ("/empty.html", "too little text")]
)
async def test_paywalled_or_empty_pages_are_reported_not_briefed(
    site: NewsSite, fetcher: Fetcher, path: str, reason: str
) -> None:
    with pytest.raises(ExtractionFailed, match=reason) as caught:
        await fetch_article(fetcher, site.url(path))
    assert isinstance(caught.value, UserFacingError)
