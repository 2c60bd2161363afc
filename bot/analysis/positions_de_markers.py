"""Source markers without a speech verb.

  laut X / X zufolge / gemäß X / nach Angaben X / nach X-Angaben / seiner Meinung nach
  Content, so X.   Demnach ...   ..., wonach ...
The content is the sentence (or, for "wonach", what follows); the speaker is the source phrase.
"""

from __future__ import annotations

from bot.analysis.positions_de_context import Context
from bot.analysis.positions_de_frames import content_before
from bot.analysis.positions_de_lexicon import (
    FINITE_TAGS,
    is_source_noun,
    is_subjunctive,
    source_event_nouns,
    speech_nouns,
)
from bot.analysis.positions_de_phrases import np_before, np_end
from bot.language.tokens import Sentence, Token

_GENITIVE_FORMS = frozenset({"des", "der", "eines", "einer", "seines", "seiner", "ihres", "ihrer", "dieses"})
_SPEAKER_POSSESSIVES = ("mein", "unser", "dein", "euer", "eur")
_SO_BEFORE = frozenset({",", "–", "—", "-", "("})  # "..., so X" / "... – so X –"
_INDEFINITE = frozenset({"ein", "eine", "einer", "einem", "eines", "einen"})
_ANTECEDENT_REACH = 4  # tokens before ", nach denen" that may name the source ("Umfragen im Land")
_NP_START = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "NN", "NE", "FM", "NNA", "ADJ(A)", "CARD", "PPER"})


def marker_frames(ctx: Context, sent: Sentence) -> None:
    toks = ctx.toks
    lo, hi = sent.first, sent.last + 1
    tails = [
        f.raw.cue[1]
        for f in ctx.found[-4:]
        if f.raw.cue and sent.start <= f.raw.cue[0] and f.raw.content[1] <= f.raw.cue[0]
    ]  # inverted frames of this sentence
    for k in range(lo, hi):
        tok = toks[k]
        low = tok.lower
        if low not in _MARKER_WORDS or ctx.in_quote(k):
            continue
        found = _MARKER_WORDS[low](ctx, sent, k)
        if found is None:
            continue
        speaker, content_from = found
        if any(tail <= tok.start for tail in tails):
            continue  # after an inverted frame: "„…“, sagte Raab laut Spiegel Online"
        if ctx.claimed(toks[k].start, toks[k].end):
            _take_over(ctx, sent, k, speaker)
            continue
        if low == "so" and content_from == lo:
            content, is_quote = content_before(ctx, sent, k - 1)
            if is_quote:
                ctx.add("direct", content, sent.index, speaker, (k, k + 1), is_quote=True)
                continue
        content = ctx.content(content_from, hi)
        ctx.add("indirect", content, sent.index, speaker, (k, k + 1))


def _take_over(ctx: Context, sent: Sentence, k: int, speaker: tuple[int, int] | None) -> None:
    """A stance reported without complement whose sentence names a source: the source holds it
    ("Der Vorsitzende bestritt nach Angaben von Xinhua den Einsatz von Waffen")."""
    if speaker is None:
        return
    for f in ctx.by_sentence.get(sent.index, ()):
        if (
            f.raw.kind == "reported"
            and not f.silent
            and f.raw.content[0] <= ctx.toks[k].start < f.raw.content[1]
        ):
            f.raw.kind = "indirect"
            f.raw.speaker = ctx.chars(*speaker)
            f.raw.cue = ctx.chars(k, k + 1)
            f.speaker_tokens = speaker


Found = tuple[tuple[int, int] | None, int] | None


def _laut(ctx: Context, sent: Sentence, k: int) -> Found:
    toks = ctx.toks
    hi = sent.last + 1
    if k + 1 >= hi or not (toks[k + 1].tag in _NP_START or _capitalised(toks[k + 1].text)):
        return None
    end = np_end(toks, k + 1, hi)
    if end is None:
        end = k + 1  # a name the tagger missed: "laut el-Baradei/ADV"
        while end < hi and _capitalised(toks[end].text) and not ctx.in_quote(end):
            end += 1
        if end == k + 1:
            return None
    return (k + 1, end), sent.first


def _capitalised(text: str) -> bool:
    return any(ch.isupper() for ch in text) and text.replace("-", "").isalpha()


def _zufolge(ctx: Context, sent: Sentence, k: int) -> Found:
    speaker = np_before(ctx.toks, k, sent.first)
    if speaker is None:
        return None
    return speaker, sent.first


def _nach(ctx: Context, sent: Sentence, k: int) -> Found:
    toks = ctx.toks
    lo, hi = sent.first, sent.last + 1
    postposition = toks[k].tag == "APPO" or k + 1 >= hi or toks[k + 1].tag in {"$,", "$.", "ADV"}
    if postposition or (k > lo and is_source_noun(toks[k - 1].text)):
        # postposition: "Seiner Meinung nach", "Dem Vernehmen nach"
        before = np_before(toks, k, lo)
        if before is None or not any(is_source_noun(toks[j].text) for j in range(*before)):
            return None
        if toks[before[0]].lower.startswith(_SPEAKER_POSSESSIVES) or toks[before[0]].text.startswith("Ihr"):
            return None  # "meiner Meinung nach", "Ihrer Ansicht nach": an interview, not a source
        return before, lo
    if k + 1 < hi and toks[k + 1].tag == "PRELS" and k > lo and toks[k - 1].text == ",":
        if not any(_names_source(toks[j].text) for j in range(max(lo, k - 1 - _ANTECEDENT_REACH), k - 1)):
            return None  # "die Pause, nach der ...": a time, not a source
        return (k + 1, k + 2), k + 2  # "Gerüchte, nach denen ...": the relative clause is the content
    j = k + 1
    while j < hi and (
        toks[j].tag in {"ART", "ADJ(A)", "PPOSAT", "PIAT", "ADV", "CARD", "PDAT", "PRELAT"}
        or toks[j].lower in {"deren", "dessen"}  # "nach deren Angaben"
        or (toks[j].tag == "NE" and j + 1 < hi and is_source_noun(toks[j + 1].text))  # "nach Grupps Meinung"
    ):
        j += 1
    if j >= hi or not is_source_noun(toks[j].text):
        return None
    head = j
    following = toks[head + 1] if head + 1 < hi else None
    if following is not None and (
        following.tag in {"NE", "APPR", "APPRART"}
        or (following.tag in {"ART", "PPOSAT", "PDAT"} and following.lower in _GENITIVE_FORMS)
    ):  # "nach Angaben der Polizei", "nach Angaben von Zeugen", not "nach Angaben dem Transport"
        attach = head + 1
        if toks[attach].tag in {"APPR", "APPRART"}:
            if toks[attach].lower not in {"von", "vom", "aus"}:
                return (k + 1, head + 1), lo
            attach += 1
        end = np_end(toks, attach, hi)
        if end is not None:
            return (attach, end), lo
    if (
        toks[head].text in source_event_nouns()
        and toks[k + 1].lower not in _INDEFINITE  # "nach einer Studie" names a source
        and not _reported(toks, lo, hi)
    ):
        return None  # "Nach der Veröffentlichung kam es zu Protesten": a time, not a source
    return (k + 1, head + 1), lo


def _names_source(text: str) -> bool:
    return is_source_noun(text) or text in speech_nouns()


def _reported(toks: list[Token], lo: int, hi: int) -> bool:
    return any(is_subjunctive(t) for t in toks[lo:hi])


def _gemaess(ctx: Context, sent: Sentence, k: int) -> Found:
    toks = ctx.toks
    end = np_end(toks, k + 1, sent.last + 1)
    if end is None or not any(toks[j].tag in {"NN", "NE", "FM"} for j in range(k + 1, end)):
        return None
    return (k + 1, end), sent.first


def _so(ctx: Context, sent: Sentence, k: int) -> Found:
    """Content, so X.  /  Content, so X weiter."""
    toks = ctx.toks
    lo, hi = sent.first, sent.last + 1
    if k <= lo or toks[k - 1].text not in _SO_BEFORE or k + 1 >= hi or toks[k + 1].tag not in _NP_START:
        return None
    end = np_end(toks, k + 1, hi)
    if end is None or (end < hi and toks[end].tag in FINITE_TAGS):
        return None
    return (k + 1, end), lo


def _demnach(ctx: Context, sent: Sentence, k: int) -> Found:
    toks = ctx.toks
    if k != sent.first:
        return None
    if toks[k].lower == "danach" and not any(is_subjunctive(t) for t in toks[k : sent.last + 1]):
        return None
    return (k, k + 1), k + 1


def _wonach(ctx: Context, sent: Sentence, k: int) -> Found:
    toks = ctx.toks
    if k <= sent.first or toks[k - 1].text != ",":
        return None
    speaker = np_before(toks, k - 1, sent.first)
    return speaker, k + 1


_MARKER_WORDS = {
    "laut": _laut,
    "zufolge": _zufolge,
    "nach": _nach,
    "gemäß": _gemaess,
    "so": _so,
    "demnach": _demnach,
    "danach": _demnach,
    "wonach": _wonach,
}
