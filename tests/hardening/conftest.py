"""Fixtures for the hardening tests: the fake Slack and Discord servers of tests/adapters, and the adapters
running the real slack-bolt and discord.py stacks against them."""

from __future__ import annotations

import sys
from pathlib import Path

ADAPTER_TESTS = Path(__file__).resolve().parents[1] / "adapters"
if str(ADAPTER_TESTS) not in sys.path:
    sys.path.insert(0, str(ADAPTER_TESTS))  # fake_slack, fake_discord, drivers, discord_payloads

from hardening_harness import (  # noqa: E402
    article_en,
    discord_bot,
    recording_service,
    slack_http,
)
from stacks import discord_fake, slack_fake  # noqa: E402

__all__ = ["article_en", "discord_bot", "discord_fake", "recording_service", "slack_fake", "slack_http"]
