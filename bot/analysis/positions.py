"""Positions: what actors say, want, decide or do, tied to spans of the text.

Public interface used by the pipeline:
  find_positions(doc) -> list[RawPosition]
Each language has its own extractor module (positions_de, positions_en).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.analysis.document import Document
from bot.models import PositionKind

Offsets = tuple[int, int]


@dataclass(slots=True)
class RawPosition:
    kind: PositionKind
    content: Offsets
    speaker: Offsets | None = None  # the local mention of the holder: a name, a pronoun, a noun phrase
    cue: Offsets | None = None


def find_positions(doc: Document) -> list[RawPosition]:
    if doc.language == "de":
        from bot.analysis.positions_de import find_positions_de

        return find_positions_de(doc)
    from bot.analysis.positions_en import find_positions_en

    return find_positions_en(doc)
