"""What a name's neighbours say about its kind: "die Zeitung The Guardian", "„Correio da Manhã“, einem
Boulevardblatt" name organisations; "Restaurant „Da Bruno“" or a quoted foreign phrase names no actor."""

from __future__ import annotations

from bot.analysis.actors_context import DET_TAGS
from bot.analysis.actors_lexicon import ActorLexicon
from bot.analysis.actors_scan import Mention
from bot.language.tokens import Token

_QUOTE_MARKS = frozenset({'"', "„", "“", "”", "»", "«"})


def _quoted_title(sent: list[Token], m: Mention, lex: ActorLexicon) -> bool:
    """A short quoted name after a common noun names a thing ("Restaurant „Da Bruno“"), and a quoted
    run of foreign words in German text is a phrase ("sein „Running Mate“"), not a person."""
    o = m.first - 1
    while o >= 0 and m.first - o <= 3 and sent[o].text not in _QUOTE_MARKS:
        o -= 1
    c = m.last + 1
    if o < 0 or c >= len(sent) or sent[o].text not in _QUOTE_MARKS or sent[c].text not in _QUOTE_MARKS:
        return False
    before = sent[o - 1] if o > 0 else None
    run = sent[m.first : m.last + 1]
    foreign = any(t.tag == "FM" for t in run) and m.name.split()[0] not in lex.first_names
    if lex.language == "de" and foreign and (before is None or before.tag not in {"ART", "APPRART"}):
        return True
    return (
        o < m.first
        and before is not None
        and before.tag in {"NN", "NN1", "NN2"}
        and lex.role(before.text) is None
        and not lex.orgnoun(before.text)
    )


def organisation_context(sent: list[Token], m: Mention, lex: ActorLexicon) -> None:
    """ "die Zeitung The Guardian", "„Correio da Manhã“, einem Boulevardblatt": names of organisations."""
    if m.roles:
        return
    given = m.kind == "person" and m.name.split()[0] in lex.first_names
    if _quoted_title(sent, m, lex):
        m.kind = "nonactor"
        return
    titled = m.kind == "titled"
    if titled:
        m.kind = "unknown"
    j = m.first - 1
    while j >= 0 and sent[j].text in _QUOTE_MARKS:
        j -= 1
    before = sent[j] if j >= 0 else None
    if before is not None and _orgnoun(before, lex) and not given:
        m.kind = "organisation"  # but "der grünen Bundestagsfraktion Volker Beck" is a person
        return
    k = m.last + 1
    while k < len(sent) and sent[k].text in _QUOTE_MARKS:
        k += 1
    if k + 1 < len(sent) and sent[k].text == ",":
        k += 1
        while k < len(sent) and (sent[k].tag in DET_TAGS or sent[k].tag in {"ADJ(A)", "AJ0"}):
            k += 1
        if k < len(sent) and _orgnoun(sent[k], lex):
            m.kind = "organisation"
            return
    quoted = m.first > 0 and sent[m.first - 1].text in _QUOTE_MARKS and m.last + 1 < len(sent)
    if quoted and sent[m.last + 1].text in _QUOTE_MARKS and m.kind == "unknown":
        j = m.first - 2
        while j >= 0 and sent[j].tag in {"ADJ(A)", "AJ0"}:
            j -= 1
        if j >= 0 and sent[j].tag in {"ART", "AT0", "APPRART"}:
            m.kind = "organisation"  # a title in quotes after an article: a newspaper or broadcaster
            return
    if titled:
        m.kind = "nonactor"


def _orgnoun(tok: Token, lex: ActorLexicon) -> bool:
    return lex.orgnoun(tok.text)
