"""All candidate mentions of a document, with roles, subjects and the context rules that decide kinds:
capitals as governments, states named with a role or institution, organisations in apposition.
"""

from __future__ import annotations

from itertools import pairwise

from bot.analysis.actors_context import (
    DET_TAGS,
    NOUN_TAGS,
    is_finite,
    is_subject,
    np_start,
    plural_verb_near,
)
from bot.analysis.actors_kinds import organisation_context
from bot.analysis.actors_lexicon import ActorLexicon
from bot.analysis.actors_phrases import institution, scan_phrases
from bot.analysis.actors_roles import role_at, roles_for_name
from bot.analysis.actors_scan import Mention, after_locative, scan_names, surface
from bot.analysis.document import Document
from bot.language.tokens import Token


def collect_mentions(doc: Document, lex: ActorLexicon) -> list[Mention]:
    out: list[Mention] = []
    for sentence in doc.sentences:
        sent = sentence.tokens
        names = scan_names(sent, sentence.index, lex)
        _place_continuations(names)
        taken = {i for m in names for i in range(m.first, m.last + 1)}
        phrases = scan_phrases(sent, sentence.index, lex, taken)
        for m in names:
            if m.kind in {"person", "unknown", "titled"}:
                roles, gender = roles_for_name(sent, m.first, m.last, lex)
                m.roles.extend(roles)
                m.gender = m.gender or gender
                organisation_context(sent, m, lex)
                located = after_locative(sent, m.first, lex) and not m.roles
                if m.kind == "unknown" and (located or _territory_before(sent, m.first, lex)):
                    m.kind = "place"
        for m in [*names, *phrases]:
            m.subject = is_subject(sent, m.first, m.last, lex)
        _state_context(sent, names, lex)
        group = _role_group(sent, sentence.index, lex, taken)
        if group is not None:
            phrases.append(group)
        covered = taken | {i for m in phrases for i in range(m.first, m.last + 1)}
        phrases.extend(_institution_subjects(sent, sentence.index, lex, covered))
        out.extend(sorted([*names, *phrases], key=lambda m: (m.start, -m.end)))
    return out


def _place_continuations(names: list[Mention]) -> None:
    """A bare name right after a place is part of the place's name: "San Luca", "Bad Kissingen"."""
    for before, m in pairwise(names):
        if (
            before.kind == "place"
            and m.first == before.last + 1
            and m.kind == "unknown"
            and " " not in m.name
        ):
            m.kind = "place"


def _territory_before(sent: list[Token], first: int, lex: ActorLexicon) -> bool:
    j = first - 1
    if j >= 0 and sent[j].text == "of":
        j -= 1
    if j < 0:
        return False
    return any(lex.name_words.get(w, ("", ""))[0] == "territory" for w in (sent[j].text, sent[j].text[:-1]))


def _state_context(sent: list[Token], names: list[Mention], lex: ActorLexicon) -> None:
    previous: Mention | None = None
    for m in names:
        if m.kind == "capital":
            # "Paris" stands for the French government only as the subject of an utterance or act
            acts = m.subject and _acting_verb_after(sent, m, lex)
            m.kind = "state" if acts else "place"
            m.agentive = acts
        if m.kind != "state":
            previous = m
            continue
        if m.subject or _governed_by_role(sent, m, lex) or _followed_by_institution(sent, m, lex):
            m.agentive = True
        elif (
            previous is not None
            and previous.kind == "state"
            and previous.agentive
            and m.first - previous.last == 2
            and sent[m.first - 1].text.lower() in {"und", "and", ",", "sowie"}
        ):
            m.agentive = True  # "die Regierungen von Deutschland und Frankreich"
        previous = m


_COPULAS = frozenset(
    "ist sind war waren wird werden wurde wurden liegt lag gilt galt bleibt "
    "is are was were lies remains".split()
)


def _acting_verb_after(sent: list[Token], m: Mention, lex: ActorLexicon) -> bool:
    k = m.last + 1
    if k >= len(sent) or not is_finite(sent[k]) or sent[k].text.lower() in _COPULAS:
        return False
    return not (lex.language == "de" and sent[m.last].text.endswith("s") and m.name[-1:] != "s")


def _governed_by_role(sent: list[Token], m: Mention, lex: ActorLexicon) -> bool:
    """ "Verteidigungsminister Österreichs", "Regierungen von Deutschland", "president of France",
    "Frankreichs Präsident", "France's president"."""
    j = np_start(sent, m.first) - 1
    if j >= 0 and sent[j].text.lower() in {"von", "of", "for"}:
        j -= 1
    if j >= 0 and _role_or_institution(sent, j, lex):
        return True
    k = m.last + 1
    if k < len(sent) and sent[k].text in {"'s", "’s"}:
        k += 1
    elif not (lex.language == "de" and sent[m.last].text.endswith("s")):
        return False
    return k < len(sent) and _role_or_institution(sent, k, lex)


def _role_or_institution(sent: list[Token], j: int, lex: ActorLexicon) -> bool:
    if role_at(sent, j, lex) is not None:
        return True
    inst = institution(sent, j, lex)
    return inst is not None and inst[2] == "state"


def _followed_by_institution(sent: list[Token], m: Mention, lex: ActorLexicon) -> bool:
    inst = institution(sent, m.last + 1, lex)
    return inst is not None and inst[2] == "state"


def _role_group(sent: list[Token], si: int, lex: ActorLexicon, taken: set[int]) -> Mention | None:
    """Plural role nouns as subjects: "Die Verteidigungsminister der Mitgliedsstaaten ... haben"."""
    for j, tok in enumerate(sent[:12]):
        if j in taken or tok.tag not in NOUN_TAGS | {"NNA"} or role_at(sent, j, lex) is None:
            continue
        if j + 1 < len(sent) and (j + 1 in taken and sent[j + 1].text[:1].isupper()):
            return None  # a title before a name
        start = np_start(sent, j)
        if lex.language == "de":
            if start >= j or sent[start].text.lower() != "die" or tok.text.endswith("in"):
                return None
        elif not (tok.tag == "NN2" and start < j):
            return None
        end = _genitive_chain(sent, j)
        if end == j and not any(t.tag in {"ADJ(A)", "AJ0"} for t in sent[start:j]):
            return None  # "Die Ärzte haben ...": too generic to list
        if not is_subject(sent, start, end, lex) or plural_verb_near(sent, end) is False:
            return None
        first = start + 1 if lex.language == "de" else start
        while first < j and sent[first].tag in DET_TAGS:
            first += 1
        name = surface(sent[first : end + 1])
        if lex.language == "de":
            name = sent[j].text + (" " + surface(sent[j + 1 : end + 1]) if end > j else "")
        key = "group:" + name.lower()
        return Mention(si, first, end, sent[first].start, sent[end].end, "group", key, name=name, gender="pl")
    return None


def _institution_subjects(sent: list[Token], si: int, lex: ActorLexicon, covered: set[int]) -> list[Mention]:
    """A definite institution noun as a subject names an organisation of the story ("die Polizei")."""
    out = []
    for j, tok in enumerate(sent):
        if j in covered or tok.tag not in NOUN_TAGS:
            continue
        inst = institution(sent, j, lex)
        if inst is None or inst[2] != "organisation":
            continue
        start = np_start(sent, j)
        article = sent[start].text.lower() if start < j else ""
        nominative = {"m": "der", "f": "die", "n": "das", "pl": "die"}.get(inst[1], "the")
        if article != nominative or not is_subject(sent, start, inst[3], lex) or _passive(sent, inst[3]):
            continue
        first = start + 1
        name = surface(sent[first : inst[3] + 1])
        if lex.language == "de":
            place = [t.text for t in sent[first:j] if t.text[:1].isupper() and t.text.endswith("er")]
            name = " ".join(
                [*place, tok.text[: len(inst[0])] if tok.text.lower().startswith(inst[0]) else tok.text]
            )
        else:
            name = name[0].upper() + name[1:]
        key = "institution:" + name.lower()
        out.append(
            Mention(
                si,
                first,
                inst[3],
                sent[first].start,
                sent[inst[3]].end,
                "organisation",
                key,
                name=name,
                gender=inst[1],
            )
        )
    return out


_PASSIVE_AUX = frozenset("wird wurde werden wurden is was were are".split())


def _passive(sent: list[Token], last: int) -> bool:
    """ "das Innenministerium wird von X übernommen": a passive subject is no actor."""
    k = last + 1
    if k >= len(sent) or sent[k].text.lower() not in _PASSIVE_AUX:
        return False
    for tok in sent[k + 1 : k + 14]:
        if tok.tag in {"VV(PP)", "VVN"}:
            return True
        if tok.text in {",", ".", ";", ":"}:
            return False
    return False


def _genitive_chain(sent: list[Token], j: int) -> int:
    """ "Verteidigungsminister der Mitgliedsstaaten der EU": the genitive complements after a noun."""
    end = j
    k = j + 1
    if k < len(sent) and sent[k].text.lower() not in {"der", "des", "of"}:
        return j
    while k < len(sent) and k - j < 10:
        tok = sent[k]
        if (
            tok.tag in DET_TAGS
            or tok.tag in {"ADJ(A)", "AJ0"}
            or (tok.tag in NOUN_TAGS and tok.text[:1].isupper())
        ):
            if tok.tag in NOUN_TAGS:
                end = k
            k += 1
            continue
        if tok.text == "of" and lex_free_noun(sent, k + 1):
            k += 1
            continue
        break
    if any(is_finite(t) for t in sent[j + 1 : end + 1]):
        return j
    return end


def lex_free_noun(sent: list[Token], k: int) -> bool:
    return k < len(sent) and (sent[k].tag in NOUN_TAGS or sent[k].tag in DET_TAGS)
