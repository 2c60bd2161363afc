"""Roles of people from titles and appositions, normalised to a citation form.

"der deutsche Außenminister Heiko Maas" -> "deutscher Außenminister"; "Eine Sprecherin der
französischen Regierung, Sibeth Ndiaye" -> "Sprecherin der französischen Regierung";
"Stein, a physician from Massachusetts and longtime Green Party activist" -> two roles.
"""

from __future__ import annotations

from bot.analysis.actors_context import ADJ_TAGS, NOUN_TAGS, is_finite
from bot.analysis.actors_lexicon import ActorLexicon, adj_stem
from bot.analysis.actors_scan import surface
from bot.language.tokens import Token

_STRONG = {"m": "er", "f": "e", "n": "es", "x": "e", "": "er"}
_BOUNDARY = frozenset({",", ".", ":", ";", "(", ")", '"', "„", "“", "”", "«", "»", "?", "!", "–", "—"})
_CLAUSE_START = frozenset({",", ";", ":", '"', "„", "“", "(", "–", "—"})
_EN_MODIFIERS = frozenset(
    {"former", "presumptive", "acting", "deputy", "vice", "longtime", "then", "retired"}
    | {"outgoing", "incoming", "sitting", "leading", "ruling", "founding", "reigning", "governing"}
)
_FEMININE_ARTICLES = frozenset({"die", "eine", "seine", "ihre"})


def role_at(sent: list[Token], j: int, lex: ActorLexicon) -> tuple[int, str] | None:
    """(first index, gender) of a role noun ending at sent[j] ("Außenminister", "secretary of state")."""
    tok = sent[j]
    if lex.language == "de":
        if not tok.text[:1].isupper() or tok.tag not in NOUN_TAGS | {"NNA"}:
            return None
        hit = lex.role(tok.text)
        return (j, hit[1]) if hit else None
    for size in (3, 2, 1):
        a = j - size + 1
        if a < 0:
            continue
        words = " ".join(t.text.lower() for t in sent[a : j + 1])
        hit = lex.role(words)
        if hit is not None:
            return a, hit[1]
    return None


def base_text(tok: Token, form: str) -> str:
    """The token's text cut to a base form that it starts with ("Präsidenten" -> "Präsident")."""
    if form and tok.text.lower().startswith(form) and form != tok.text.lower():
        return tok.text[: len(form)]
    if form.endswith("in") and tok.text.lower().endswith("innen"):
        return tok.text[:-3]
    return tok.text


def _article_gender(sent: list[Token], a: int) -> str:
    if a > 0 and sent[a - 1].tag in {"ART", "PPOSAT"}:
        return "f" if sent[a - 1].text.lower() in _FEMININE_ARTICLES else "m"
    return ""


def _german_phrase(sent: list[Token], a: int, j: int, end: int, gender: str, lex: ActorLexicon) -> str:
    """Adjectives a..j-1 in the strong nominative, the role noun's lemma, the complement as written."""
    nominal = gender == "x"  # a nominalised adjective: "der Vorsitzende" -> "Vorsitzender"
    if nominal:
        gender = _article_gender(sent, a) or "m"
    parts = []
    for tok in sent[a:j]:
        if tok.tag == "ADJ(A)" and tok.text[:1].isupper() and tok.text.endswith("er"):
            parts.append(tok.text)  # place adjectives do not inflect: "Erlanger", "Schönenwerder"
        elif tok.tag == "ADJ(A)":
            stem = tok.text[: len(adj_stem(tok.text.lower()))]  # keeps "US-amerikanisch" as written
            parts.append(stem + _STRONG.get(gender, "er"))
        elif tok.text[:1].isupper():
            parts.append(tok.text)
    hit = lex.role(sent[j].text)
    noun = base_text(sent[j], hit[0] if hit else "")
    parts.append(noun + "r" if nominal and gender == "m" and noun.endswith("e") else noun)
    if end > j:
        parts.append(surface(sent[j + 1 : end + 1]))
    return " ".join(parts)


def modifiers_start(sent: list[Token], a: int, lex: ActorLexicon) -> int:
    while a > 0:
        prev = sent[a - 1]
        low = prev.text.lower()
        if lex.language == "de":
            if prev.tag == "ADJ(A)":
                a -= 1
                continue
            break
        if low.endswith("ing") and low not in _EN_MODIFIERS:
            break  # "a super PAC supporting Democratic nominee Hillary Clinton"
        if (
            prev.tag in ADJ_TAGS
            or low in _EN_MODIFIERS
            or (prev.tag in NOUN_TAGS and (prev.text[:1].isupper() or _compound_noun(sent, a - 1)))
        ):
            a -= 1  # "Republican candidate", "Radio talk host", "election lawyer", "minority leader"
            continue
        break
    return a


def _compound_noun(sent: list[Token], k: int) -> bool:
    """An English common noun that can modify a role noun ("communications director"); a plural right
    after a name is more likely a verb ("Sanders trails front-runner Clinton")."""
    tok = sent[k]
    word = tok.text.replace("-", "")
    if tok.tag not in {"NN", "NN1", "NN2", "NN0"} or not word.isalpha() or not tok.text[:1].islower():
        return False  # "communications director", "anti-Trump delegate"
    before = sent[k - 1] if k > 0 else None
    return not (
        tok.tag == "NN2" and before is not None and (before.text[:1].isupper() or before.tag == "PNP")
    )


def _phrase(
    sent: list[Token], a: int, role_first: int, j: int, end: int, gender: str, lex: ActorLexicon
) -> str:
    if lex.language == "de":
        return _german_phrase(sent, a, j, end, gender, lex)
    del role_first
    return surface(sent[a : end + 1])


def _complement_end(sent: list[Token], j: int, limit: int) -> int:
    """Last index of a role's complement ("der International Crisis Group", "from Massachusetts")."""
    k = _complement_scan(sent, j, limit)
    while k > j and (
        sent[k].tag in {"PRP", "PRF", "APPR", "ART", "AT0", "CJC", "KON"} or sent[k].text.endswith("-")
    ):
        k -= 1  # no dangling "author of"
    return k


def _complement_scan(sent: list[Token], j: int, limit: int) -> int:
    k = j
    while k + 1 < min(len(sent), limit):
        nxt = sent[k + 1]
        low = nxt.text.lower()
        verbal = nxt.tag in {"VVN", "VVG", "VV(PP)"} and not nxt.text[:1].isupper()
        if nxt.text in _BOUNDARY or is_finite(nxt) or nxt.tag in {"PRELS", "PNQ"} or verbal:
            break
        if sent[k].text.endswith("-"):
            k += 1  # "Außen- und Sicherheitspolitik"
            continue
        if low in {"which", "who", "whom", "whose", "where", "when"}:
            break
        if low in {"und", "and", "sowie", "who", "which", "that", "der", "die"} and nxt.tag in {
            "KON",
            "CJC",
            "PNQ",
            "CJT",
            "PRELS",
        }:
            break
        k += 1
    return k


def _roles_in_segment(sent: list[Token], a: int, b: int, lex: ActorLexicon) -> tuple[list[str], str]:
    """Roles in sent[a..b] ("Der Krisenforscher und Präsident der ICG"), split at coordinations."""
    roles: list[str] = []
    gender = ""
    k = a
    while k <= b:
        tok = sent[k]
        if tok.tag in {"ART", "AT0", "DT0", "PPOSAT", "DPS"} or tok.text.lower() in {"und", "and", "a", "an"}:
            k += 1
            continue
        m = _modifiers_end(sent, k, b, lex)
        hit = role_at(sent, m, lex) if m <= b else None
        if hit is None:
            break
        role_first, g = hit
        end = min(_complement_end(sent, m, b + 1), b)
        if end > m and any(_starts_name(sent, x, lex) for x in range(m + 1, end + 1)):
            break  # "Bildungsminister Damian Hinds, Kulturminister Jeremy Wright": a list, not a role
        if sent[m].tag == "NN2":
            break
        roles.append(_phrase(sent, k, role_first, m, end, g, lex))
        gender = gender or (g if g in {"m", "f"} else _article_gender(sent, k) if g == "x" else "")
        k = end + 1
    return roles, gender


def _modifiers_end(sent: list[Token], k: int, b: int, lex: ActorLexicon) -> int:
    """Skip adjectives (and English noun modifiers and possessors) to the role noun they modify."""
    m = k
    english = lex.language == "en"
    while m < b and role_at(sent, m, lex) is None:
        tok = sent[m]
        if (
            tok.tag in ADJ_TAGS
            or tok.text.lower() in _EN_MODIFIERS
            or (english and tok.tag in NOUN_TAGS and (tok.text[:1].isupper() or _compound_noun(sent, m)))
            or (english and tok.text in {"'s", "’s"} and m > k)
        ):
            m += 1  # "Carson's business manager", "communications director"
            continue
        break
    return m


def roles_for_name(sent: list[Token], first: int, last: int, lex: ActorLexicon) -> tuple[list[str], str]:
    """Roles and natural gender evidence for the name at sent[first..last]."""
    roles: list[str] = []
    gender = ""
    # a title or role right before the name, maybe with a genitive between ("Ministerpräsident Spaniens X")
    j = first - 1
    complement_end = j
    genitive = lex.language == "de" and j >= 1 and sent[j].tag == "NE" and sent[j].text.endswith("s")
    if genitive and role_at(sent, j - 1, lex):
        j -= 1
    hit = role_at(sent, j, lex) if j >= 0 else None
    named = last > first or sent[first].text in lex.first_names  # not "Mitglied der Aktionsgruppe Banat"
    if (
        hit is None
        and lex.language == "de"
        and named
        and (r := _role_with_genitive(sent, first - 1, lex)) >= 0
    ):
        j, hit = r, role_at(sent, r, lex)  # "Die Vorsitzende der Linken Gesine Lötzsch"
    if hit is not None and sent[j].tag != "NN2":
        role_first, g = hit
        a = modifiers_start(sent, role_first, lex)
        roles.append(_phrase(sent, a, role_first, j, complement_end, g, lex))
        gender = g if g in {"m", "f"} else _article_gender(sent, a) if g == "x" else ""
        if a >= 2 and sent[a - 1].text.lower() in {"und", "and"} and role_at(sent, a - 2, lex):
            before, g2 = _roles_in_segment(sent, _segment_start(sent, a - 2), a - 2, lex)
            roles = before + roles
            gender = gender or g2
    elif first >= 2 and sent[first - 1].text == ",":
        b = first - 2
        a = _segment_start(sent, b)
        if a >= 0 and b - a < 16:
            found, g = _roles_in_segment(sent, a, b, lex)
            if found and _segment_is_apposition(sent, a, b):
                roles.extend(found)
                gender = gender or g
        elif a < 0 and _apposition_closes(sent, last) and (r := _role_with_genitive(sent, b, lex, True)) >= 0:
            # "der Rücktritt des langjährigen Porsche-Vorstandsvorsitzenden, Wendelin Wiedeking, der"
            found, g = _roles_in_segment(sent, modifiers_start(sent, r, lex), b, lex)
            roles.extend(found)
            gender = gender or g
    # an apposition after the name: "Günther Platter, der Verteidigungsminister Österreichs, ..."
    if last + 2 < len(sent) and sent[last + 1].text == ",":
        found, g = _roles_in_segment(sent, last + 2, min(len(sent) - 1, last + 16), lex)
        roles.extend(found)
        gender = gender or g
    return roles, gender


_GENITIVE_LINKS = frozenset({"der", "des", "von", "vom", "im", "am", "für", "beim"})
_COMPLEMENT_TAGS = frozenset({"ART", "ADJ(A)", "NN", "NE", "NNA", "FM", "APPR", "APPRART", "TRUNC", "KON"})


def _role_with_genitive(sent: list[Token], b: int, lex: ActorLexicon, bare: bool = False) -> int:
    """Index of a role noun whose phrase ends at sent[b]: "Vorsitzende der Linken", "Fraktionsvorsitzenden
    der Partei im Deutschen Bundestag"; with bare, the role noun itself may end there."""
    if b < 0:
        return -1
    if bare and role_at(sent, b, lex) is not None and sent[b].tag != "NN2":
        return b
    if sent[b].tag not in NOUN_TAGS | {"NNA"}:
        return -1
    for r in range(b - 2, max(-1, b - 9), -1):
        tok = sent[r]
        if tok.tag not in _COMPLEMENT_TAGS:
            return -1
        if sent[r + 1].text in _GENITIVE_LINKS and role_at(sent, r, lex) is not None:
            if any(_starts_name(sent, x, lex) for x in range(r + 1, b + 1)):
                return -1  # "Bildungsminister Damian Hinds, ...": the role belongs to another name
            return r
    return -1


def _apposition_closes(sent: list[Token], last: int) -> bool:
    return last + 1 >= len(sent) or sent[last + 1].text in {",", ".", ")", ";", "–", "—"}


def _starts_name(sent: list[Token], k: int, lex: ActorLexicon) -> bool:
    tok = sent[k]
    if tok.text in lex.first_names:
        return True
    nxt = sent[k + 1] if k + 1 < len(sent) else None
    return (
        tok.tag in {"NE", "NP0"}
        and nxt is not None
        and nxt.tag in {"NE", "NP0"}
        and not tok.text.endswith("s")
    )


def _segment_start(sent: list[Token], b: int) -> int:
    a = b
    while a > 0 and sent[a - 1].text not in _CLAUSE_START:
        if is_finite(sent[a - 1]):
            return -1
        a -= 1
    return a


def _segment_is_apposition(sent: list[Token], a: int, b: int) -> bool:
    return all(not is_finite(t) for t in sent[a : b + 1])
