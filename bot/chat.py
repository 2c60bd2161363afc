"""What chat adapters send to the service (Command) and get back (Reply): platform-neutral values."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from bot.models import Answer, Briefing, Frozen

Intent = Literal["auto", "brief", "ask", "help"]
ReplyKind = Literal["briefing", "answer", "help", "notice", "error"]


class Command(Frozen):
    """One user request, already translated from the platform's event.

    `channel` is where the message was written (platform-qualified, e.g. "slack:C123"); `conversation`
    is the thread the exchange lives in, when the platform has one (a Slack thread, a Discord thread or
    DM), or None for a message at channel level. `intent` is "auto" for free text (mentions, direct
    messages, the console), or what an explicit command asked for.
    """

    text: str
    channel: str
    conversation: str | None = None
    intent: Intent = "auto"
    user: str = ""
    source: str = ""
    user_is_admin: bool = False  # the platform says so: Slack workspace admin, Discord "Manage Server"


class Reply(Frozen):
    """One answer to a command. `text` is plain (unescaped) text; adapters escape and format it.

    A briefing reply carries the Briefing to render; `topic` names the article the reply is about, so
    an adapter that opens a thread only after replying can attach that thread to it (ChatService.attach).
    """

    kind: ReplyKind
    text: str
    briefing: Briefing | None = None
    answer: Answer | None = None
    evidence: list[str] = Field(default_factory=list)
    topic: str | None = None
    about: str | None = None
