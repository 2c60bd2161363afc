"""Positions in German articles: quotations, reported speech, intentions and decisions.

Rules over HanTa's STTS tags, in one pass over the sentences and a second over the quotations:
  positions_de_verbs    speech verb frames (sagte, dass ... / „…“, sagte X), with
                        positions_de_frames (complements) and positions_de_fixed (wie X mitteilte,
                        ..., der sagte, ... / heißt es / Dies bestätigte X)
  positions_de_markers  source markers (laut X, X zufolge, nach Angaben X, ..., so X)
  positions_de_nouns    nouns of speech (die Forderung des X, ... zu tun / die Behauptung, dass ...)
  positions_de_flow     quotations without a frame, Konjunktiv continuations, and holders taken
                        from the context (positions_de_speakers) where a frame names none
  positions_de_nested   speech quoted inside a quotation (attributed to the inner speaker)
"""

from __future__ import annotations

import logging

from bot.analysis.document import Document
from bot.analysis.positions import RawPosition
from bot.analysis.positions_de_context import Context
from bot.analysis.positions_de_flow import attribute_quotes, continue_reported, fill_speakers
from bot.analysis.positions_de_markers import marker_frames
from bot.analysis.positions_de_nested import nested_speech
from bot.analysis.positions_de_nouns import noun_frames
from bot.analysis.positions_de_verbs import verb_frames

log = logging.getLogger(__name__)


def find_positions_de(doc: Document) -> list[RawPosition]:
    ctx = Context.build(doc)
    for sent in doc.sentences:
        verb_frames(ctx, sent)
        marker_frames(ctx, sent)
        noun_frames(ctx, sent)
    attribute_quotes(ctx)
    continue_reported(ctx)
    fill_speakers(ctx)
    positions = _dedupe([f.raw for f in ctx.found]) + nested_speech(ctx)
    log.debug("%d German positions", len(positions))
    return positions


def _dedupe(positions: list[RawPosition]) -> list[RawPosition]:
    """Sort by content; drop a position whose content repeats or lies inside another one's."""
    positions.sort(key=lambda p: (p.content[0], -p.content[1]))
    out: list[RawPosition] = []
    for p in positions:
        if out and out[-1].content[0] <= p.content[0] and p.content[1] <= out[-1].content[1]:
            continue
        out.append(p)
    return out
