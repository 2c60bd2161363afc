"""Replies as Discord messages: embeds for briefings, plain content for the rest, within Discord's limits."""

from __future__ import annotations

from dataclasses import dataclass, field

import discord

from bot.chat import Reply
from bot.render_chat import (
    ZERO_WIDTH_SPACE,
    ActorLine,
    PositionLine,
    briefing_parts,
    defang,
    group,
    pack,
    quoted,
    truncate,
)

CONTENT_CHARS = 2000
EMBED_TITLE_CHARS = 256
EMBED_DESCRIPTION_CHARS = 4096
EMBED_FOOTER_CHARS = 300  # Discord allows 2,048; the meta line is short
EMBED_TOTAL_CHARS = 6000  # all embeds of one message together
EMBEDS_PER_MESSAGE = 10
THREAD_NAME_CHARS = 100
COLOUR = 0x2B6CB0
NO_MENTIONS = discord.AllowedMentions.none()


@dataclass
class DiscordMessage:
    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)

    def kwargs(self) -> dict[str, object]:
        """Keyword arguments for Messageable.send / Webhook.send; never pings anyone."""
        return {"content": self.content, "embeds": self.embeds, "allowed_mentions": NO_MENTIONS}


def escape(text: str) -> str:
    """Article text made inert: no markdown, no mentions, no links.

    escape_markdown escapes only the first `[` of several masked links and leaves `<#channel>`,
    `</command:id>` and `<t:...>` alone, so a zero-width space also goes between `](` and after `<`.
    """
    z = ZERO_WIDTH_SPACE
    escaped = discord.utils.escape_markdown(text).replace("](", f"]{z}(").replace("<", f"<{z}")
    return defang(escaped)


def escape_plain(text: str) -> str:
    """For places without markdown (embed footers, thread names): no mentions, no links."""
    z = ZERO_WIDTH_SPACE
    return defang(text).replace("<", f"<{z}").replace("](", f"]{z}(")


def thread_name(reply: Reply) -> str:
    title = reply.briefing.title if reply.briefing else reply.text
    return truncate(escape_plain(" ".join(title.split())) or "Briefing", THREAD_NAME_CHARS)


def _actor(actor: ActorLine) -> str:
    roles = f": {escape(actor.roles)}" if actor.roles else ""
    return f"• **{escape(actor.name)}** ({actor.kind}){roles}"


def _position(position: PositionLine) -> str:
    return f"• **{escape(position.who)}** *({position.kind})*: {quoted(escape(position.quote))}"


def _embed_size(embed: discord.Embed) -> int:
    return len(embed)


def briefing_embeds(reply: Reply) -> list[discord.Embed]:
    assert reply.briefing is not None
    parts = briefing_parts(reply.briefing)
    labels = parts.labels
    embeds: list[discord.Embed] = []
    summary = pack([escape(s) for s in parts.summary] or ["–"], EMBED_DESCRIPTION_CHARS - 600)
    for index, chunk in enumerate(summary):
        title = truncate(escape(parts.heading), EMBED_TITLE_CHARS) if index == 0 else None
        embed = discord.Embed(title=title, description=chunk, colour=COLOUR)
        if index == 0 and parts.meta:
            embed.set_footer(text=truncate(escape_plain(parts.meta), EMBED_FOOTER_CHARS))
        embeds.append(embed)
    sections = [
        (labels["actors"], [_actor(a) for a in parts.actors] or [labels["no_actors"]]),
        (labels["positions"], [_position(p) for p in parts.positions] or [labels["no_positions"]]),
    ]
    for label, lines in sections:
        for index, chunk in enumerate(pack(lines, EMBED_DESCRIPTION_CHARS - 200)):
            title = label if index == 0 else f"{label} ({index + 1})"
            embeds.append(discord.Embed(title=title, description=chunk, colour=COLOUR))
    return embeds


def reply_messages(reply: Reply) -> list[DiscordMessage]:
    if reply.briefing is not None:
        embeds = briefing_embeds(reply)
        runs = group(
            [_embed_size(e) for e in embeds], max_items=EMBEDS_PER_MESSAGE, max_total=EMBED_TOTAL_CHARS
        )
        return [DiscordMessage(embeds=embeds[start:end]) for start, end in runs]
    lines = [escape(reply.text)] + [f"> {escape(quote)}" for quote in reply.evidence]
    return [DiscordMessage(content=chunk) for chunk in pack(lines, CONTENT_CHARS)]
