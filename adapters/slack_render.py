"""Replies as Slack messages: Block Kit for briefings, mrkdwn text for the rest, within Slack's limits."""

from __future__ import annotations

import re
from typing import Any

from bot.chat import Reply
from bot.render_chat import (
    ZERO_WIDTH_SPACE,
    ActorLine,
    PositionLine,
    briefing_parts,
    defang,
    pack,
    quoted,
    truncate,
)

SECTION_CHARS = 3000  # text of a section block
HEADER_CHARS = 150  # plain text of a header block
CONTEXT_CHARS = 2000
BLOCKS_PER_MESSAGE = 50
TEXT_CHARS = 3900  # Slack accepts 40,000 but folds long messages away; stay readable

Message = dict[str, Any]

_SLACK_LINK = re.compile(r"<(?P<target>[^<>|]+)(?:\|(?P<label>[^<>]*))?>")


def escape(text: str) -> str:
    """Article text made inert in mrkdwn: no mentions, no links, no special commands."""
    return defang(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def escape_plain(text: str) -> str:
    """Article text made inert in a plain_text object (a header): shown as written, never a mention or link.

    plain_text is not parsed for mentions, but a zero-width space after each `<` keeps even a client that
    did parse it from seeing `<!channel>` or `<@U1>`; entities would show literally here, so none are used.
    """
    return defang(text).replace("<", "<" + ZERO_WIDTH_SPACE)


def plain_from_slack(text: str) -> str:
    """Slack's message markup back to plain text: `<url|label>` -> url, `<@U1>` -> @U1, entities decoded."""

    def replace(match: re.Match[str]) -> str:
        target, label = match.group("target"), match.group("label")
        if target.startswith(("@", "#")):
            return target
        if target.startswith("!"):
            return f"@{label or target[1:]}"
        return target if not label or target.endswith(label) else f"{label} ({target})"

    text = _SLACK_LINK.sub(replace, text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _actor(actor: ActorLine) -> str:
    roles = f": {escape(actor.roles)}" if actor.roles else ""
    return f"• *{escape(actor.name)}* ({actor.kind}){roles}"


def _position(position: PositionLine) -> str:
    return f"• *{escape(position.who)}* _({position.kind})_: {quoted(escape(position.quote))}"


def briefing_blocks(reply: Reply) -> list[dict[str, Any]]:
    assert reply.briefing is not None
    parts = briefing_parts(reply.briefing)
    labels = parts.labels
    blocks: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": truncate(escape_plain(parts.heading), HEADER_CHARS)},
        },
    ]
    if parts.meta:
        meta = truncate(escape(parts.meta), CONTEXT_CHARS)
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": meta}]})
    sections = [
        (labels["summary"], [escape(s) for s in parts.summary] or ["–"]),
        (labels["actors"], [_actor(a) for a in parts.actors] or [labels["no_actors"]]),
        (labels["positions"], [_position(p) for p in parts.positions] or [labels["no_positions"]]),
    ]
    for label, lines in sections:
        blocks.append({"type": "divider"})
        blocks += [_section(chunk) for chunk in pack([f"*{label}*", *lines], SECTION_CHARS)]
    return blocks


def reply_messages(reply: Reply) -> list[Message]:
    """One or more chat.postMessage payloads (without channel and thread) for a reply."""
    if reply.briefing is not None:
        blocks = briefing_blocks(reply)
        runs = [blocks[i : i + BLOCKS_PER_MESSAGE] for i in range(0, len(blocks), BLOCKS_PER_MESSAGE)]
        fallback = escape(truncate(reply.text, 300))  # the notification text: mrkdwn, so escaped too
        messages = []
        for number, run in enumerate(runs, 1):
            suffix = f" ({number}/{len(runs)})" if len(runs) > 1 else ""
            messages.append({"text": fallback + suffix, "blocks": run})
        return messages
    lines = [escape(reply.text)] + [f"> {escape(quote)}" for quote in reply.evidence]
    return [{"text": chunk} for chunk in pack(lines, TEXT_CHARS)]
