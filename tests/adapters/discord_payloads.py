"""Discord gateway and REST payloads for the fake server: the shapes discord.py parses."""

from __future__ import annotations

from typing import Any

BOT_ID = 900000000000000001
APP_ID = 900000000000000002
GUILD_ID = 900000000000000003
CHANNEL_ID = 900000000000000004
USER_ID = 900000000000000005
BOT_TOKEN = "discord-test-token"
WAIT = 10.0
TIMESTAMP = "2026-04-01T12:00:00.000000+00:00"

BOT_USER = {
    "id": str(BOT_ID),
    "username": "briefbot",
    "discriminator": "0",
    "global_name": "briefbot",
    "avatar": None,
    "bot": True,
    "flags": 0,
}
ALICE = {
    "id": str(USER_ID),
    "username": "alice",
    "discriminator": "0",
    "global_name": "Alice",
    "avatar": None,
    "bot": False,
    "flags": 0,
}
MEMBER = {
    "user": ALICE,
    "roles": [],
    "joined_at": TIMESTAMP,
    "deaf": False,
    "mute": False,
    "flags": 0,
    "permissions": "2147483647",
}
TEXT_CHANNEL = {
    "id": str(CHANNEL_ID),
    "type": 0,
    "guild_id": str(GUILD_ID),
    "name": "news",
    "position": 0,
    "permission_overwrites": [],
    "nsfw": False,
    "parent_id": None,
}


def message_payload(
    message_id: int, channel_id: int, content: str, *, author: dict[str, Any] = ALICE, **extra: Any
) -> dict[str, Any]:
    base = {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": author,
        "content": content,
        "embeds": [],
        "timestamp": TIMESTAMP,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "pinned": False,
        "type": 0,
        "flags": 0,
        "components": [],
    }
    return {**base, **extra}


def thread_payload(thread_id: int, parent_id: int, name: str) -> dict[str, Any]:
    return {
        "id": str(thread_id),
        "type": 11,
        "guild_id": str(GUILD_ID),
        "parent_id": str(parent_id),
        "name": name,
        "owner_id": str(BOT_ID),
        "message_count": 0,
        "member_count": 1,
        "rate_limit_per_user": 0,
        "flags": 0,
        "thread_metadata": {
            "archived": False,
            "auto_archive_duration": 1440,
            "archive_timestamp": TIMESTAMP,
            "locked": False,
        },
    }


def guild_payload() -> dict[str, Any]:
    return {
        "id": str(GUILD_ID),
        "name": "Newsroom",
        "icon": None,
        "owner_id": str(USER_ID),
        "roles": [
            {
                "id": str(GUILD_ID),
                "name": "@everyone",
                "permissions": "0",
                "position": 0,
                "color": 0,
                "hoist": False,
                "managed": False,
                "mentionable": False,
                "flags": 0,
            }
        ],
        "emojis": [],
        "stickers": [],
        "features": [],
        "member_count": 2,
        "members": [],
        "channels": [TEXT_CHANNEL],
        "threads": [],
        "presences": [],
        "voice_states": [],
        "unavailable": False,
        "large": False,
        "joined_at": TIMESTAMP,
        "mfa_level": 0,
        "verification_level": 0,
        "explicit_content_filter": 0,
        "default_message_notifications": 0,
        "system_channel_flags": 0,
        "premium_tier": 0,
        "nsfw_level": 0,
        "preferred_locale": "en-US",
    }
