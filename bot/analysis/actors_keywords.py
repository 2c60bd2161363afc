"""German organisation names made of a keyword noun and a name noun: "Stiftung Warentest",
"Arbeitskreis Vorratsdatenspeicherung", "Piratenpartei Deutschland". The tagger reads both words as
common nouns, so they form no name run; two bare nouns side by side rarely occur otherwise."""

from __future__ import annotations

from bot.analysis.actors_lexicon import ActorLexicon
from bot.language.tokens import Token

_NAME_NOUN_TAGS = frozenset({"NN", "NE", "FM"})
# a noun right before these is an object in a verb-final clause ("hat der Verband Klage eingereicht")
_CLAUSE_END_TAGS = frozenset({"VV(PP)", "VV(INF)", "VV(IZU)", "VA(PP)", "VA(INF)", "PTKVZ", "VM(INF)"})
_INFLECTION = ("es", "s")
_CORPORATE = frozenset("GmbH AG KG SE Inc Ltd Corp LLC plc".split())


def keyword_base(word: str, lex: ActorLexicon) -> str:
    """The word's nominative form when it is an organisation keyword ("Arbeitskreises" -> "Arbeitskreis",
    "Piratenpartei"), else ""."""
    for form in (word, *(word[: -len(e)] for e in _INFLECTION if word.endswith(e))):
        if lex.name_words.get(form, ("", ""))[0] == "org" or (
            len(form) > 6 and form.lower().endswith(lex.org_suffixes)
        ):
            return form
    return ""


def keyword_name_end(sent: list[Token], i: int, lex: ActorLexicon) -> int:
    """Index of the last word when sent[i] starts "KEYWORD Name" or "Name GmbH", else -1."""
    if lex.language != "de" or i + 1 >= len(sent):
        return -1
    tok, nxt = sent[i], sent[i + 1]
    if nxt.text in _CORPORATE and tok.tag in _NAME_NOUN_TAGS and tok.text[:1].isupper():
        return i + 1  # "Hochschul-Informations-System GmbH"
    if tok.tag != "NN" or not tok.text[:1].isupper() or not keyword_base(tok.text, lex):
        return -1
    if (
        nxt.tag not in _NAME_NOUN_TAGS
        or not nxt.text[:1].isupper()
        or not nxt.text.replace("-", "").isalpha()
    ):
        return -1
    cls = lex.name_words.get(nxt.text, ("", ""))[0]
    if lex.role(nxt.text) is not None or keyword_base(nxt.text, lex) or (cls and cls != "place"):
        return -1
    if nxt.tag == "NE" and not _state_word(nxt.text, lex):
        return -1  # "die Partei Jobbik": the name alone is the organisation's name
    after = sent[i + 2] if i + 2 < len(sent) else None
    if after is not None and (after.tag in _CLAUSE_END_TAGS or after.tag in _NAME_NOUN_TAGS):
        return -1
    return i + 1


def _state_word(word: str, lex: ActorLexicon) -> bool:
    return any(
        p.entry.kind == "state" and len(p.words) == 1 and p.words[0] == word
        for p in lex.gazetteer.get(word.lower(), ())
    )


def keyword_start(sent: list[Token], i: int) -> int:
    """Index where the name starts, taking in a truncated first conjunct ("Lesben- und
    Schwulenverband")."""
    if i >= 2 and sent[i - 1].text in {"und", "oder"} and sent[i - 2].text.endswith("-"):
        return i - 2
    return i


def keyword_name(sent: list[Token], first: int, i: int, lex: ActorLexicon) -> str:
    """The name in the nominative: "des Arbeitskreises Vorratsdatenspeicherung" -> "Arbeitskreis
    Vorratsdatenspeicherung"."""
    if sent[i + 1].text in _CORPORATE:
        return f"{sent[i].text} {sent[i + 1].text}"
    head = [t.text for t in sent[first:i]]
    return " ".join([*head, keyword_base(sent[i].text, lex), sent[i + 1].text])


_DETERMINERS = frozenset({"ART", "AT0", "PPOSAT", "PDAT", "PIAT", "DT0", "DPS", "PPER", "PNP"})
_NAME_LINKS = frozenset({"für", "und", "der", "des", "von", "zur", "zum", "de", "of", "and", "for"})


def bracket_name_end(sent: list[Token], i: int, lex: ActorLexicon) -> int:
    """Index of the last word of a name that an acronym in brackets follows ("Tier- und Naturschutzbund
    Bayern (TNB)", "Bundesamt für Migration (BAMF)"), else -1. The acronym starts with the name's
    initial; a person's name ("Christian Schmidt (CSU)") is no such name."""
    first = sent[i]
    if not first.text[:1].isupper() or first.text in lex.first_names or first.tag in _DETERMINERS:
        return -1
    if i > 0 and sent[i - 1].text == "(":
        return -1
    common = False
    for j in range(i, min(len(sent) - 3, i + 7)):
        tok = sent[j]
        if not (tok.text[:1].isupper() or tok.tag == "TRUNC" or tok.text in _NAME_LINKS):
            return -1
        common = common or tok.tag in {"NN", "NN1", "NN2", "TRUNC"} or bool(keyword_base(tok.text, lex))
        single = j == i and tok.tag == "NN" and lex.role(tok.text) is None  # "Weltgesundheitsorganisation"
        if (
            sent[j + 1].text == "("
            and sent[j + 3].text == ")"
            and (j > i or single)
            and tok.text[:1].isupper()
        ):
            acronym = sent[j + 2].text
            if len(acronym) >= 2 and acronym.isupper() and acronym[0] == first.text[0].upper() and common:
                return j
            return -1
    return -1
