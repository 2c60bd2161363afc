"""Noun phrases and subjects in German sentences, from STTS tags alone.

A small chunker: determiner, adjectives, nouns or names, then genitives ("der Sprecher der
Polizei"), short prepositional attachments ("Günter Metzges vom Netzwerk Campact"), brackets
("(SPD)"), appositions between commas ("Ein Sprecher, Lars Beringer,") and coordination. All
functions take global token indices into doc.tokens and a bound they must not cross.
"""

from __future__ import annotations

from functools import cache

from bot.analysis.positions_de_lexicon import CLOSING_QUOTES, FINITE_TAGS, OPENING_QUOTES, is_source_noun
from bot.language.lexicons import word_list
from bot.language.tokens import Token

_DET = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PWAT"})
_PRE = frozenset({"ADJ(A)", "CARD"})
_HEAD = frozenset({"NN", "NE", "FM", "NNA", "NNI", "TRUNC"})
_GENITIVE = frozenset({"des", "der", "eines", "einer", "seines", "seiner", "ihres", "ihrer", "dieses"})
_ATTACHING = frozenset({"von", "vom", "aus", "in", "im", "bei", "beim"})
_COORDINATION = frozenset({"und", "sowie"})
_SUBJECT_PRONOUNS = frozenset({"er", "sie", "ich", "wir", "ihr"})
_AFTER_VERB_PRONOUNS = _SUBJECT_PRONOUNS | {"es", "man"}
_OBJECT_WORDS = frozenset(
    "dem den einem einen diesem diesen seinem seinen ihrem ihren unserem unseren ihm ihn ihnen "
    "uns mir mich dir dich euch".split()
)
_SKIPPABLE = frozenset({"ADV", "PTKNEG", "PRF", "ADJ(D)", "PROAV", "PTKA"})
_PREPOSITIONS = frozenset(
    "von vor nach mit bei aus zu für über unter in an auf gegen laut seit "
    "am im zum zur vom beim ins ans".split()
)
_MISTAGGED_NAME_TAGS = frozenset({"ADJ(A)", "ADJ(D)", "ADV", "VV(PP)", "VV(FIN)", "VV(INF)", "XY", "PIS"})
_SOURCE_PREPOSITIONS = frozenset({"in", "im", "aus", "laut"})
_CLAUSE_BREAK = frozenset({"$,", "$.", "KOUS", "KON", "PRELS", "PWAV"})


@cache
def _time_nouns() -> frozenset[str]:
    return word_list("time_nouns_de")


def is_time_noun(tok: Token) -> bool:
    return tok.text in _time_nouns() or tok.lower in _time_nouns()


def _is_head(tok: Token) -> bool:
    if tok.tag in _HEAD:
        return tok.text[:1].isalnum()  # (not a dash the tagger took for a foreign word)
    return (
        tok.tag in {"XY", "$("}
        and tok.text[:1].isupper()
        and tok.text.isalpha()
        and tok.lower not in _PREPOSITIONS
    )


def _name_part(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text.isalpha() and tok.tag in _MISTAGGED_NAME_TAGS


def _quote(tok: Token) -> bool:
    return tok.text in OPENING_QUOTES or tok.text in CLOSING_QUOTES


def np_end(toks: list[Token], i: int, hi: int, *, attach: bool = True) -> int | None:
    """End (exclusive) of the noun phrase starting at i, or None when none starts there."""
    if i >= hi:
        return None
    tok = toks[i]
    if tok.tag == "PPER" or tok.tag == "PDS" or tok.tag == "PIS":
        return i + 1
    j = i
    if tok.tag in _DET:
        j += 1
        if j < hi and toks[j].tag in {"APPR", "APPRART"}:
            j = _embedded_phrase(toks, j, hi)  # der für die Region zuständige Koordinator
    while j < hi and (
        toks[j].tag in _PRE
        or (toks[j].tag in {"ADV", "KON", "ADJ(D)"} and j + 1 < hi and toks[j + 1].tag in _PRE and j > i)
    ):
        j += 1  # "Arabische und iranische Medien", "die bisher größte Zeitung"
    start_heads = j
    while j < hi:
        if _is_head(toks[j]):
            j += 1
        elif j > start_heads and toks[j - 1].tag == "NE" and _name_part(toks[j]):
            j += 1  # a name part the tagger missed: "Günther Platter/ADJ(A)"
        elif _quote(toks[j]) and j + 1 < hi and (_is_head(toks[j + 1]) or toks[j + 1].tag in _PRE):
            j = _quoted_name_end(toks, j, hi)  # a quoted name: die „Süddeutsche Zeitung“, „Aktion X hilft“
        elif (_quote(toks[j]) and j > start_heads and toks[j].text in CLOSING_QUOTES) or (
            toks[j].tag in _PRE and j + 1 < hi and _is_head(toks[j + 1]) and j > start_heads
        ):
            j += 1
        else:
            break
    if j == start_heads:
        if tok.tag == "ART" and j > i + 1 and toks[j - 1].tag == "ADJ(A)":
            return j  # a nominalised adjective: "der 81-jährige"
        return None
    return _post_modifiers(toks, j, hi, attach=attach)


def _quoted_name_end(toks: list[Token], j: int, hi: int) -> int:
    """Past the closing mark of a short quoted name opening at j (it may hold a verb: „Aktion
    Deutschland hilft“), or just past the opening mark when none closes it nearby."""
    for m in range(j + 1, min(hi, j + 9)):
        if toks[m].text in CLOSING_QUOTES and m > j + 1:
            return m + 1
        if toks[m].text in {".", ",", ":", ";", "!", "?"}:
            break
    return j + 1


def _embedded_phrase(toks: list[Token], j: int, hi: int) -> int:
    """Skip a prepositional phrase inside a noun phrase up to its adjective, if one follows."""
    for m in range(j + 1, min(hi, j + 8)):
        if toks[m].tag == "ADJ(A)" and m + 1 < hi and _is_head(toks[m + 1]):
            return m
        if toks[m].tag in FINITE_TAGS or toks[m].text in {",", ":"}:
            break
    return j


def _post_modifiers(toks: list[Token], j: int, hi: int, *, attach: bool) -> int:
    for _ in range(6):
        if j >= hi:
            break
        tok = toks[j]
        low = tok.lower
        if tok.tag in {"ART", "PPOSAT", "PDAT"} and low in _GENITIVE:
            end = np_end(toks, j, hi, attach=False)
            if end is None:
                break
            j = end
        elif tok.text == "(":
            close = next((k for k in range(j + 1, min(hi, j + 12)) if toks[k].text == ")"), None)
            if close is None:
                break
            j = close + 1
        elif attach and low in _ATTACHING and j + 1 < hi and toks[j + 1].tag in _DET | _HEAD | _PRE:
            end = np_end(toks, j + 1, hi, attach=False)
            if end is None or not any(toks[k].tag in {"NE", "NN", "FM"} for k in range(j + 1, end)):
                break
            if toks[end - 1].lower in _time_nouns():
                break
            j = end
        elif attach and low in _COORDINATION and j + 1 < hi:
            end = np_end(toks, j + 1, hi, attach=False)
            if end is None or toks[j + 1].tag in {"PPER", "PDS", "PIS"}:
                break
            j = end
        elif attach and tok.text == "," and j + 1 < hi and toks[j + 1].tag in _DET | _HEAD | _PRE:
            if toks[j + 1].tag == "ART" and j + 2 < hi and toks[j + 2].tag in FINITE_TAGS:
                break
            end = np_end(toks, j + 1, hi, attach=False)
            # an apposition is closed by a comma or a colon, or ends the bound
            if end is None or not (end >= hi or toks[end].text in {",", ":"}):
                break
            j = end
        else:
            break
    return j


def subject_before(toks: list[Token], lo: int, verb: int) -> tuple[int, int] | None:
    """The subject filling the prefield [lo, verb) of a verb-second clause, if it is a noun phrase.

    The prefield holds one constituent: when it starts with a noun phrase and holds no verb, the
    whole of it is that phrase even where the chunker stops early ("Ken Rice vom Institut für
    Astronomie in Edinburgh erklärte"); a relative clause after the phrase is left out."""
    i = lo
    while i < verb and (
        toks[i].tag in {"KON", "ADV"} or (_quote(toks[i]) and toks[i].text in CLOSING_QUOTES)
    ):
        i += 1
    if i >= verb:
        return None
    if (toks[i].tag == "PPER" and toks[i].lower not in _SUBJECT_PRONOUNS) or toks[i].lower in _PREPOSITIONS:
        return None  # (a capitalised preposition the tagger took for a name: "Von/NE")
    if toks[i].lower in _OBJECT_WORDS:
        return None  # an object in the prefield: "Den Unmut der CDU brachte X zum Ausdruck"
    end = np_end(toks, i, verb)
    if end is None or toks[end - 1].lower in _time_nouns() or toks[end - 1].text in _time_nouns():
        return None
    k = end
    while k < verb and (toks[k].tag in {"ADV", "PTKNEG", "PROAV"} or (toks[k].text == "," and k == verb - 1)):
        k += 1  # "Die Polizei hingegen sagte", "Claudia Pfeiffer, Geschäftsführerin des KAV, erklärte"
    if k == verb:
        return _trim(toks, i, end)
    if toks[k].text == "," and toks[verb - 1].text == ",":
        nxt = toks[k + 1] if k + 1 < verb else None
        if nxt is not None and (nxt.tag in {"PRELS", "PRELAT"} or (nxt.tag in {"APPR", "APPRART"})):
            return _trim(toks, i, end)  # a relative clause between subject and verb
    if toks[i].tag in {"PPER", "PDS", "PIS"} and toks[i].lower != "einer":
        return None
    if _has_clause(toks, k, verb):
        return None
    return _trim(toks, i, verb)


def _has_clause(toks: list[Token], i: int, j: int) -> bool:
    """A finite verb or clause opener in [i, j), outside quotation marks (quoted names may hold verbs)."""
    quoted = False
    for t in toks[i:j]:
        if t.text in OPENING_QUOTES and not quoted:
            quoted = True
        elif t.text in CLOSING_QUOTES and quoted:
            quoted = False
        elif not quoted and (t.tag in FINITE_TAGS or t.tag in {"PRELS", "KOUS"}):
            return True
    return False


def subject_after(toks: list[Token], verb: int, hi: int) -> tuple[int, int] | None:
    """The subject right after a finite verb ("sagte der Sprecher"), skipping adverbs and objects."""
    j = verb + 1
    limit = min(hi, verb + 14)
    while j < limit:
        tok = toks[j]
        low = tok.lower
        if tok.tag in _SKIPPABLE or low in _time_nouns() or tok.tag == "CARD":
            j += 1
        elif tok.tag in {"APPR", "APPRART"}:
            end = np_end(toks, j + 1, limit, attach=False)
            j = end if end is not None else j + 1
        elif low in _OBJECT_WORDS:
            end = np_end(toks, j, limit, attach=False)
            j = end if end is not None else j + 1
        elif tok.tag == "PPER":
            return (j, j + 1) if low in _AFTER_VERB_PRONOUNS else None
        elif (
            tok.tag in _CLAUSE_BREAK
            or tok.tag in FINITE_TAGS
            or tok.tag == "PTKVZ"
            or (_quote(tok) and not (j + 1 < limit and _is_head(toks[j + 1])))
        ):
            return None
        else:
            end = np_end(toks, j, hi)
            if end is None:
                return None
            return _trim(toks, j, end)
    return None


def np_before(toks: list[Token], end: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase ending right before `end` ("Angaben der Polizei zufolge", "ihm zufolge")."""
    j = end - 1
    if j < lo:
        return None
    if toks[j].tag in {"PPER", "PDS", "PRELS"}:
        return (j, end)
    start = None
    while j >= lo:
        tok = toks[j]
        if tok.tag in _HEAD or tok.tag in _PRE or tok.tag in _DET or _quote(tok) or tok.tag == "ADJ(D)":
            start = j
            j -= 1
        else:
            break
    if start is None:
        return None
    while start < end and (toks[start].text in CLOSING_QUOTES or toks[start].tag == "ADJ(D)"):
        start += 1
    return _trim(toks, start, end) if start < end else None


def _trim(toks: list[Token], i: int, end: int) -> tuple[int, int] | None:
    while end > i and (toks[end - 1].text in {",", "("} or toks[end - 1].tag in {"KON", "$("}):
        if toks[end - 1].text == ")":
            break
        end -= 1
    while (
        i < end
        and toks[i].text in OPENING_QUOTES
        and not any(toks[k].text in CLOSING_QUOTES for k in range(i + 1, end))
    ):
        i += 1
    if i >= end:
        return None
    return (i, end)


def source_in(toks: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """A document or channel named in [lo, hi): "in einem Bericht der X", "aus einer Mitteilung
    der Y" (the noun phrase after the preposition)."""
    for j in range(lo, hi - 1):
        if toks[j].lower in _SOURCE_PREPOSITIONS and toks[j].tag in {"APPR", "APPRART"}:
            end = np_end(toks, j + 1, hi)
            if end is not None and any(is_source_noun(t.text) for t in toks[j + 1 : end]):
                return (j + 1, end)
    return None
