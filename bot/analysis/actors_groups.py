"""Speaker phrases that name a group of people: "Sanders supporters", "one of Carson's advisers",
"die Veranstalter", "den Veranstaltern", "Brandt-Kenner", "analysts"."""

from __future__ import annotations

from bot.analysis.actors_build import ActorRecord
from bot.analysis.actors_context import ADJ_TAGS, DET_TAGS, NOUN_TAGS
from bot.analysis.actors_lexicon import ActorLexicon
from bot.analysis.actors_roleref import Index
from bot.analysis.actors_scan import surface
from bot.language.tokens import Token

PARTITIVE = frozenset("one some many most several each all both two three few none any".split())
_QUANT_DE = frozenset("einer eine eines einige viele mehrere manche alle beide zwei drei".split())
# German plural nouns for people that act: agent nouns ("Veranstalter", "Kenner"), "-ant/-ent/-ist" nouns
_AGENT_PLURAL_DE = ("er", "ern", "anten", "enten", "isten", "eure", "leute")


def plural_head(toks: list[Token], h: int, lex: ActorLexicon) -> bool:
    tok = toks[h]
    if lex.language == "en":
        return tok.tag == "NN2"
    if tok.text.lower().endswith("innen"):
        return True
    articles = [t.text.lower() for t in toks[:h] if t.tag == "ART"]
    feminine = tok.text.lower().endswith("in")
    return bool(articles) and articles[0] in {"die", "den"} and not feminine and h + 1 == len(toks)


def agent_plural_de(toks: list[Token], h: int, plural_verb: bool | None) -> bool:
    """German: a plural noun for people as the holder ("Die Veranstalter zeigten sich", "nach Ansicht
    von Brandt-Kennern", "von den Veranstaltern"): an agent-like ending and evidence of the plural."""
    tok = toks[h]
    low = tok.text.lower()
    if not tok.text[:1].isupper() or not low.endswith(_AGENT_PLURAL_DE) or h + 1 != len(toks):
        return False
    articles = [t.text.lower() for t in toks[:h] if t.tag == "ART"]
    if articles and articles[0] == "den" and low.endswith("n"):
        return True  # dative plural
    if plural_verb is not None:
        return plural_verb and (not articles or articles[0] == "die")
    return bool(articles) and articles[0] == "die"


def group_holder(index: Index, toks: list[Token], h: int, sent: int) -> ActorRecord | None:
    """The group a plural speaker phrase names: an existing group it overlaps or shares its name with,
    else a new one."""
    lex = index.lex
    first = 0
    if lex.language == "en" and len(toks) > 2 and toks[0].text.lower() in PARTITIVE and toks[1].text == "of":
        first = 2
    while first < h and (toks[first].tag in DET_TAGS or toks[first].text.lower() in _QUANT_DE | PARTITIVE):
        first += 1
    end = h
    if lex.language == "de":
        while end + 1 < len(toks) and (
            toks[end + 1].tag in DET_TAGS | ADJ_TAGS or toks[end + 1].tag in NOUN_TAGS
        ):
            end += 1
    elif end + 2 < len(toks) and toks[end + 1].text == "of" and toks[end + 2].text[:1].isupper():
        end += 2  # "Supporters of Sanders"
        while end + 1 < len(toks) and toks[end + 1].text[:1].isupper():
            end += 1
    name = surface(toks[first : end + 1])
    head = toks[h].text
    if lex.language == "de" and end == h and head.endswith("ern"):
        name = name[:-1]  # dative plural: "den Veranstaltern" -> "Veranstalter"
    for rec in index.records():
        if rec.kind == "group" and any(
            rec_start < toks[-1].end and toks[0].start < rec_end for rec_start, rec_end in rec.mentions
        ):
            return rec
    for rec in index.records():
        if rec.kind == "group" and rec.name.lower() == name.lower():
            return rec
    return index.create("group", "group:" + name.lower(), name, (toks[first].start, toks[end].end), sent)
