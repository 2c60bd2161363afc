"""`briefbot feeds|schedule|digest ... --channel CH`: the chat commands for scripts and operators.

They act on the same store as the running bot (and may run beside it: they never start a scheduler;
the running bot picks up schedule changes within a minute). `--channel console` posts to the terminal.
The operator at the command line may change everything.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from bot.chat_text import Manage

CHANNEL_HELP = "the channel: slack:C123, discord:4567 or console (prints to the terminal)"


def _config(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--channel", required=True, help=CHANNEL_HELP)
    parser.add_argument("--config", default=None, help="TOML settings file (default: $BRIEFBOT_CONFIG)")


def add_news_commands(sub: Any) -> None:
    feeds = sub.add_parser("feeds", help="subscribe a channel to RSS/Atom feeds, unsubscribe, list")
    feeds.add_argument("action", choices=["add", "remove", "list"])
    feeds.add_argument("url", nargs="?", default="", help="the feed's URL (add, remove)")
    feeds.add_argument(
        "--keyword", action="append", default=[], help="only items with this word (repeatable)"
    )
    feeds.add_argument("--actor", action="append", default=[], help="only items with this actor (repeatable)")
    _config(feeds)
    feeds.set_defaults(func=cmd_feeds)

    schedule = sub.add_parser("schedule", help="set, show or clear a channel's digest schedule")
    schedule.add_argument("action", choices=["set", "show", "clear"])
    schedule.add_argument(
        "spec", nargs="*", help='e.g. daily 08:00 Europe/Berlin; weekdays 07:30; "30 7 * * 1-5"'
    )
    _config(schedule)
    schedule.set_defaults(func=cmd_schedule)

    digest = sub.add_parser("digest", help="post a channel's digest now")
    digest.add_argument("action", choices=["now"])
    _config(digest)
    digest.set_defaults(func=cmd_digest)


def cmd_feeds(args: argparse.Namespace) -> int:
    return _manage(args, Manage("feeds", args.action, args.url, list(args.keyword), list(args.actor)))


def cmd_schedule(args: argparse.Namespace) -> int:
    return _manage(args, Manage("schedule", args.action, " ".join(args.spec)))


def cmd_digest(args: argparse.Namespace) -> int:
    return _manage(args, Manage("digest", "now"))


def _manage(args: argparse.Namespace, command: Manage) -> int:
    from adapters.sinks import build_sinks
    from bot.service_news import NewsDesk
    from bot.settings import load_settings

    settings = load_settings(args.config)
    desk = NewsDesk.from_settings(settings, sinks=build_sinks(settings))
    desk.use_scheduler = False  # a running bot may own the scheduler of this database

    async def run() -> str:
        try:
            return await desk.manage(command, channel=args.channel, user="cli", user_is_admin=True)
        finally:
            await desk.close()

    print(asyncio.run(run()))
    return 0
