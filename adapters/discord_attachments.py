"""Discord attachments: read the text files the bot can brief, say plainly why it will not read the others."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

import discord

ATTACHMENT_TYPES = ("text/plain", "text/markdown")
TEXT_SUFFIXES = (".txt", ".md")
_KINDS = {"application/pdf": "PDF", ".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".odt": "OpenDocument"}
_SEND_INSTEAD = "Attach a plain-text file (.txt or .md), or paste the article's text into the message."


@dataclass(frozen=True)
class AttachmentsRead:
    """The text of the last readable attachment, and why the first unreadable one was refused."""

    text: str | None = None
    refusal: str | None = None


def _kind(content_type: str, filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower()
    known = _KINDS.get(content_type) or _KINDS.get(suffix)
    if known:
        return f"a {known} file"
    if content_type:
        return f"a file of type {content_type}"
    return f"a {suffix} file" if suffix else "a file without a type"


def refusal(attachment: discord.Attachment, limit_bytes: int) -> str | None:
    """Why `attachment` cannot be briefed (what was wrong, what to send instead); None when it can."""
    name = attachment.filename
    content_type = (attachment.content_type or "").split(";")[0].strip().lower()
    if content_type not in ATTACHMENT_TYPES and not name.lower().endswith(TEXT_SUFFIXES):
        return f"I can only read plain text, and {name} is {_kind(content_type, name)}. {_SEND_INSTEAD}"
    if attachment.size > limit_bytes:
        return (
            f"{name} is too large to brief ({attachment.size // 1024:,} KB; the limit is "
            f"{limit_bytes // 1024:,} KB). Send a shorter text, e.g. only the article without comments."
        )
    return None


async def read_attachments(attachments: Iterable[discord.Attachment], limit_bytes: int) -> AttachmentsRead:
    from bot.ingest import decode

    text: str | None = None
    first_refusal: str | None = None
    for attachment in attachments:
        problem = refusal(attachment, limit_bytes)
        if problem is None:
            text = decode(await attachment.read()) or text
        elif first_refusal is None:
            first_refusal = problem
    return AttachmentsRead(text, first_refusal)
