"""`briefbot feeds|schedule|digest --channel CH` from the command line (console channel, real engine)."""

from __future__ import annotations

from pathlib import Path

import pytest
from news_site import NewsSite

from bot.cli import main


def test_feeds_schedule_and_digest_from_the_command_line(
    tmp_path: Path, site: NewsSite, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("BRIEFBOT_ALLOW_PRIVATE_URLS", "true")
    monkeypatch.delenv("BRIEFBOT_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    feed = site.url("/feeds/en.atom")

    def run(*args: str) -> str:
        assert main([*args, "--channel", "console"]) == 0
        return capsys.readouterr().out

    assert run("feeds", "add", feed, "--keyword", "bank").startswith("Subscribed to English Test News")
    assert "keywords: bank" in run("feeds", "list")
    assert "daily 08:00 (Europe/Berlin)" in run("schedule", "set", "daily", "08:00")
    assert "daily 08:00 (Europe/Berlin)" in run("schedule", "show")
    digest = run("digest", "now")
    assert "News digest · 1 story" in digest and "Central bank holds interest rates steady" in digest
    assert digest.rstrip().endswith("Digest posted: 1 items in 1 messages.")
    assert run("schedule", "clear").startswith("Digest schedule cleared.")
    assert run("feeds", "remove", feed).startswith("Unsubscribed")
    assert main(["schedule", "set", "sometimes", "--channel", "console"]) == 2
    assert "I cannot read the schedule" in capsys.readouterr().err
