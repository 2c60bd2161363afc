"""The discord.py client: slash commands, the message context menu and mentions in; replies out.

Everything works without the privileged message-content intent: slash commands carry their text,
context-menu targets and messages that mention the bot carry their content. Interactions are
deferred at once (Discord wants an answer within 3 s) and followed up when the analysis is done.
"""

from __future__ import annotations

import logging
import re
from typing import Literal

import discord
from discord import app_commands

from adapters.base import Command, Reply
from adapters.discord_attachments import AttachmentsRead, read_attachments
from adapters.discord_render import NO_MENTIONS, escape, reply_messages, thread_name
from bot.chat_text import parse_manage
from bot.service import ChatService

log = logging.getLogger(__name__)

SOURCE = "Discord message"
_MENTION = re.compile(r"<@!?(\d+)>")
_THREAD_TYPES = (discord.ChannelType.public_thread, discord.ChannelType.private_thread)


def _key(snowflake: int | None) -> str:
    return f"discord:{snowflake}"


def _where(channel: object, channel_id: int | None) -> tuple[str, str | None]:
    """(channel key, conversation key) for a message or interaction in `channel`."""
    kind = getattr(channel, "type", None)
    if kind in _THREAD_TYPES:
        return _key(getattr(channel, "parent_id", None) or channel_id), _key(channel_id)
    if kind in (discord.ChannelType.private, discord.ChannelType.group):
        return _key(channel_id), _key(channel_id)  # a DM is one conversation
    return _key(channel_id), None


def _can_open_threads(channel: object) -> bool:
    return getattr(channel, "type", None) in (discord.ChannelType.text, discord.ChannelType.news)


def _refused(read: AttachmentsRead, text: str) -> Reply | None:
    """Why the attachment was not read, when it was all the message had (else its text is handled)."""
    if read.text is None and read.refusal is not None and not text.strip():
        return Reply(kind="error", text=read.refusal)
    return None


class BriefBotClient(discord.Client):
    def __init__(
        self,
        service: ChatService,
        *,
        guild_ids: list[int] | None = None,
        sync_commands: bool = True,
        guild_ready_timeout: float = 2.0,
    ) -> None:
        intents = discord.Intents.default()
        intents.message_content = False  # privileged; not needed
        super().__init__(
            intents=intents, allowed_mentions=NO_MENTIONS, guild_ready_timeout=guild_ready_timeout
        )
        self.service = service
        self.guild_ids = guild_ids or []
        self.sync_commands = sync_commands
        self.tree = app_commands.CommandTree(self)
        self._add_commands()

    def _add_commands(self) -> None:
        @app_commands.command(
            name="brief", description="Brief a news article: paste its text (or attach a file)"
        )
        @app_commands.describe(text="the article's text (links are not supported yet)", file="a .txt file")
        async def brief(
            interaction: discord.Interaction, text: str | None = None, file: discord.Attachment | None = None
        ) -> None:
            await interaction.response.defer(thinking=True)
            read = await self._read([file] if file is not None else [])
            refused = _refused(read, text or "")
            if refused is not None:
                await self._follow_up(interaction, refused)
                return
            await self._respond(interaction, read.text or text or "", intent="brief")

        @app_commands.command(
            name="ask", description="Ask about the article of this thread (or the channel's latest)"
        )
        @app_commands.describe(question="your question")
        async def ask(interaction: discord.Interaction, question: str) -> None:
            await interaction.response.defer(thinking=True)
            await self._respond(interaction, question, intent="ask")

        @app_commands.context_menu(name="Brief this message")
        async def brief_message(interaction: discord.Interaction, message: discord.Message) -> None:
            await interaction.response.defer(thinking=True)
            read = await self._read(message.attachments)
            refused = _refused(read, message.content)
            if refused is not None:
                await self._follow_up(interaction, refused)
                return
            await self._respond(interaction, read.text or message.content, intent="brief")

        self.tree.add_command(brief)
        self.tree.add_command(ask)
        self.tree.add_command(brief_message)
        self._add_news_commands()

    def _add_news_commands(self) -> None:
        @app_commands.command(
            name="feeds", description="Subscribe this channel to a news feed, unsubscribe, list"
        )
        @app_commands.describe(
            action="add, remove or list",
            url="the RSS or Atom feed's URL",
            keywords="only items with one of these words (comma-separated)",
            actors="only items with one of these actors (comma-separated)",
        )
        async def feeds(
            interaction: discord.Interaction,
            action: Literal["add", "remove", "list"],
            url: str | None = None,
            keywords: str | None = None,
            actors: str | None = None,
        ) -> None:
            text = f"feeds {action} {url or ''}".strip()
            text += f" keywords: {keywords}" if keywords else ""
            text += f" actors: {actors}" if actors else ""
            await self._manage(interaction, text)

        @app_commands.command(
            name="schedule", description="Set, show or clear this channel's digest schedule"
        )
        @app_commands.describe(
            action="set, show or clear", when="e.g. daily 08:00 Europe/Berlin, weekdays 07:30"
        )
        async def schedule(
            interaction: discord.Interaction, action: Literal["set", "show", "clear"], when: str | None = None
        ) -> None:
            await self._manage(interaction, f"schedule {action} {when or ''}".strip())

        @app_commands.command(name="digest", description="Post this channel's news digest now")
        async def digest(interaction: discord.Interaction) -> None:
            await self._manage(interaction, "digest now")

        self.tree.add_command(feeds)
        self.tree.add_command(schedule)
        self.tree.add_command(digest)

    async def _manage(self, interaction: discord.Interaction, text: str) -> None:
        permissions = getattr(interaction, "permissions", None)
        is_admin = bool(permissions is not None and permissions.manage_guild)
        manage = parse_manage(text)
        refused = not is_admin and manage is not None and manage.changes_something
        await interaction.response.defer(thinking=True, ephemeral=refused)  # a refusal only its user sees
        channel, _ = _where(interaction.channel, interaction.channel_id)
        command = Command(
            text=text, channel=channel, user=str(interaction.user.id), source=SOURCE, user_is_admin=is_admin
        )
        for reply in await self.service.handle(command):
            await self._follow_up(interaction, reply, ephemeral=refused)

    async def _follow_up(
        self, interaction: discord.Interaction, reply: Reply, *, ephemeral: bool = False
    ) -> None:
        for message in reply_messages(reply):
            await interaction.followup.send(  # type: ignore[call-overload]
                wait=True, ephemeral=ephemeral, **message.kwargs()
            )

    async def setup_hook(self) -> None:
        if not self.sync_commands:
            return
        if self.guild_ids:
            for guild_id in self.guild_ids:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                await self.tree.sync(guild=guild)
        else:
            await self.tree.sync()

    async def _respond(self, interaction: discord.Interaction, text: str, *, intent: str) -> None:
        channel, conversation = _where(interaction.channel, interaction.channel_id)
        command = Command(
            text=text,
            channel=channel,
            conversation=conversation,
            intent="brief" if intent == "brief" else "ask",
            user=str(interaction.user.id),
            source=SOURCE,
        )
        for reply in await self.service.handle(command):
            if reply.kind == "briefing" and _can_open_threads(interaction.channel):
                opener = await interaction.followup.send(
                    content=f"📰 {escape(reply.text)}", wait=True, allowed_mentions=NO_MENTIONS
                )
                await self._brief_in_thread(interaction.channel, opener, reply)  # type: ignore[arg-type]
                continue
            await self._follow_up(interaction, reply)

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.user is None:
            return
        is_dm = message.guild is None
        if not is_dm and not any(user.id == self.user.id for user in message.mentions):
            return
        text = _MENTION.sub(lambda m: "" if int(m.group(1)) == self.user.id else m.group(0), message.content)  # type: ignore[union-attr]
        read = await self._read(message.attachments)
        refused = _refused(read, text)
        if refused is not None:
            for rendered in reply_messages(refused):
                await message.channel.send(**rendered.kwargs())  # type: ignore[call-overload]
            return
        text = read.text or text
        channel, conversation = _where(message.channel, message.channel.id)
        permissions = getattr(message.author, "guild_permissions", None)
        command = Command(
            text=text.strip(),
            channel=channel,
            conversation=conversation,
            user=str(message.author.id),
            source=SOURCE,
            user_is_admin=bool(permissions is not None and permissions.manage_guild),
        )
        for reply in await self.service.handle(command):
            if reply.kind == "briefing" and _can_open_threads(message.channel):
                await self._brief_in_thread(message.channel, message, reply)  # type: ignore[arg-type]
                continue
            for rendered in reply_messages(reply):
                await message.channel.send(**rendered.kwargs())  # type: ignore[call-overload]

    async def _brief_in_thread(
        self, channel: discord.TextChannel, opener: discord.Message, reply: Reply
    ) -> None:
        """A thread started from `opener` (REST messages carry no guild, so ask the channel to open it)."""
        thread = await channel.create_thread(name=thread_name(reply), message=opener)
        if reply.topic:
            self.service.attach(conversation=_key(thread.id), topic=reply.topic)
        for rendered in reply_messages(reply):
            await thread.send(**rendered.kwargs())  # type: ignore[call-overload]

    async def _read(self, attachments: list[discord.Attachment]) -> AttachmentsRead:
        return await read_attachments(attachments, self.service.max_article_bytes)

    async def on_error(self, event_method: str, /, *args: object, **kwargs: object) -> None:
        log.exception("Discord event handler %s failed", event_method)


class AutoShardedBriefBotClient(BriefBotClient, discord.AutoShardedClient):
    """The same bot over several gateway shards in one process; Discord recommends how many."""
