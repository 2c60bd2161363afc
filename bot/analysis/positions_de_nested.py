"""Speech reported inside a quotation: the speaker quotes someone else.

  Malley erklärte: „Wenn Außenminister Pompeo sagt, wir sind sicherer, so ...“
gives, besides Malley's quotation, a position of Pompeo holding "wir sind sicherer". Only a
named speaker counts (a pronoun inside a quotation usually points at the quoted speaker).
"""

from __future__ import annotations

from bot.analysis.positions import RawPosition
from bot.analysis.positions_de_context import Context
from bot.analysis.positions_de_lexicon import FINITE_TAGS, is_subjunctive, speech_verbs
from bot.analysis.positions_de_phrases import np_end, subject_before

_BREAKS = frozenset({",", ":", ";", ".", "!", "?"})


def nested_speech(ctx: Context) -> list[RawPosition]:
    toks = ctx.toks
    out: list[RawPosition] = []
    for found in ctx.found:
        if not found.is_quote:
            continue
        first = ctx.doc.token_at(found.raw.content[0])
        last = ctx.doc.token_at(found.raw.content[1] - 1)
        if first is None or last is None:
            continue
        for k in range(first.index + 2, last.index - 2):
            tok = toks[k]
            if tok.tag not in FINITE_TAGS or is_subjunctive(tok) or tok.lemma.lower() not in speech_verbs():
                continue
            seg = k
            while seg > first.index + 1 and toks[seg - 1].text not in _BREAKS:
                seg -= 1
            speaker = _speaker(ctx, seg, k)
            if speaker is None or toks[k + 1].text not in {",", ":"}:
                continue
            end = next((j for j in range(k + 2, last.index) if toks[j].text in _BREAKS), last.index)
            if end - (k + 2) < 2:
                continue
            out.append(
                RawPosition(
                    "indirect",
                    (toks[k + 2].start, toks[end - 1].end),
                    ctx.chars(*speaker),
                    (tok.start, tok.end),
                )
            )
    return out


def _speaker(ctx: Context, seg: int, verb: int) -> tuple[int, int] | None:
    """A named subject: before the verb ("Pompeo sagt") or after a conjunction ("Wenn Pompeo sagt")."""
    toks = ctx.toks
    if toks[seg].tag == "KOUS":
        end = np_end(toks, seg + 1, verb)
        speaker = (seg + 1, end) if end == verb else None
    else:
        speaker = subject_before(toks, seg, verb)
    if speaker is None or not any(toks[j].tag == "NE" for j in range(*speaker)):
        return None
    return speaker
