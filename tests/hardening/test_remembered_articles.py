"""Remembered articles cost the garbage collector next to nothing, and questions about them still work."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from bot.chat import Command
from bot.service import ChatService

EXAMPLE = (Path(__file__).resolve().parents[2] / "examples" / "example-en.txt").read_text(encoding="utf-8")


@pytest.mark.asyncio
async def test_a_remembered_briefing_is_a_few_objects_not_thousands() -> None:
    service = ChatService()
    try:
        first = await service.handle(Command(text=EXAMPLE, channel="test:C", conversation="test:C:0"))
        assert first[0].briefing is not None and len(first[0].briefing.positions) > 3
        del first
        gc.collect()
        before = len(gc.get_objects())
        for number in range(1, 11):
            await service.handle(Command(text=EXAMPLE, channel="test:C", conversation=f"test:C:{number}"))
        gc.collect()
        per_article = (len(gc.get_objects()) - before) / 10
        assert per_article < 30, per_article  # as a model, even this short briefing holds about 140
        answer = await service.handle(
            Command(text="Who is Maria Okafor?", channel="test:C", conversation="test:C:10")
        )
        assert answer[0].kind == "answer" and "Okafor" in answer[0].text
    finally:
        service.close()
