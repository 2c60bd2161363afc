"""Exactly once across a crash: SIGKILL `briefbot digest now` mid-digest, run it again, count what arrived."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
import pytest_asyncio
from articles import bench_story
from fake_slack import BOT_TOKEN
from news_site import article_html
from newsroom import fake_analyse
from slack_plus import DigestSlack, delivery_key

from bot.sources.extract import article_from_page, extract
from bot.store import Store
from bot.store_briefs import BriefingCache

pytestmark = pytest.mark.asyncio

ROOT = Path(__file__).resolve().parents[2]
CHANNEL = "CKILL"
STORIES = 30


def _fill(db: Path) -> list[str]:
    """Stored, briefed feed items waiting for the channel's digest; their titles."""
    store = Store.open(f"sqlite:///{db}")
    cache = BriefingCache(store, fake_analyse)  # cached under the default engine: the CLI will not analyse
    titles = []
    for index in range(STORIES):
        story = replace(bench_story(index), title=f"Lagebericht {index}")  # distinct stories, not grouped
        page = extract(article_html(story).encode(), url=f"https://news.example/{story.slug}")
        article_id, article, _ = cache.store_and_brief(article_from_page(page))
        store.add_to_channel(f"slack:{CHANNEL}", article_id, origin="feed")
        titles.append(article.title)
    store.close()
    return titles


async def _digest_now(db: Path, slack: DigestSlack, home: Path) -> asyncio.subprocess.Process:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "BRIEFBOT_DATABASE_URL": f"sqlite:///{db}",
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "BRIEFBOT_SLACK_API_URL": slack.api_url,
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "digest",
        "now",
        "--channel",
        f"slack:{CHANNEL}",
        cwd=str(home),
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


@pytest_asyncio.fixture
async def slack() -> AsyncIterator[DigestSlack]:
    fake = DigestSlack()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.mark.parametrize("moment", ["while a message is in flight", "right after a message was answered"])
async def test_a_killed_digest_resumes_and_delivers_every_item_exactly_once(
    tmp_path: Path, slack: DigestSlack, moment: str
) -> None:
    db = tmp_path / "briefbot.db"
    titles = await asyncio.to_thread(_fill, db)
    slack.hold_post_number = 3
    slack.answer_then_hold = moment.startswith("right after")

    first = await _digest_now(db, slack, tmp_path)
    await asyncio.wait_for(slack.held.wait(), 60)
    os.kill(first.pid, signal.SIGKILL)
    assert await first.wait() == -signal.SIGKILL
    assert len(slack.digest_posts(CHANNEL)) == 3

    slack.hold_post_number = None
    second = await _digest_now(db, slack, tmp_path)
    out, err = await asyncio.wait_for(second.communicate(), 60)
    assert second.returncode == 0, err.decode()
    assert "Finished an interrupted digest" in out.decode()

    posts = slack.digest_posts(CHANNEL)
    keys = [delivery_key(p) for p in posts]
    assert len(keys) == len(set(keys)) >= 4, keys  # no message twice
    store = Store(f"sqlite:///{db}")
    planned = [d.key for d in store.deliveries(f"slack:{CHANNEL}")]
    assert sorted(keys) == sorted(planned) and all(
        d.state == "sent" for d in store.deliveries(f"slack:{CHANNEL}")
    )
    text = "\n".join(p["text"] for p in posts)
    counts = Counter(title for title in titles if f"|{title}>" in text)
    assert counts == Counter(titles)  # every item there...
    for title in titles:
        assert text.count(f"|{title}>") == 1, title  # ...exactly once
    assert store.claim_digest(f"slack:{CHANNEL}") is None
    store.close()

    third = await _digest_now(db, slack, tmp_path)
    out, _ = await asyncio.wait_for(third.communicate(), 60)
    assert out.decode().strip() == "Nothing new since the last digest."
    assert len(slack.digest_posts(CHANNEL)) == len(posts)
