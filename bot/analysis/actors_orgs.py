"""Organisations, states and groups from mentions; names without a given name, title or gazetteer
entry (a person, an organisation, or nothing); acronyms joined to their long names."""

from __future__ import annotations

from collections import Counter

from bot.analysis.actors_build import ActorRecord, Registry, modifier_only, unknown_kind
from bot.analysis.actors_lexicon import ActorLexicon
from bot.analysis.actors_persons import register_person
from bot.analysis.actors_scan import Mention

_CORPORATE = frozenset("Inc Inc. Ltd Ltd. Corp Corp. Co Co. LLC AG GmbH SE plc PLC S.A. SA".split())


def org_key(name: str) -> str:
    """Registry key of an organisation's name: case-blind, without a legal-form suffix ("Whatsapp Inc."
    and "WhatsApp" are one)."""
    words = name.split()
    while len(words) > 1 and words[-1] in _CORPORATE:
        words.pop()
    return "organisation:" + " ".join(words).lower()


def merge_others(reg: Registry, mentions: list[Mention]) -> None:
    """Typed mentions (states, organisations, groups) first, so that a bare name ("Porsche", "Jobbik")
    joins an organisation named anywhere in the text before it is taken for a person."""
    typed = [m for m in mentions if m.kind not in {"unknown", "acronym"}]
    _merge(reg, typed, Counter())
    _link_parenthesised(reg, mentions)
    words = _org_words(reg)
    counts = Counter(m.name for m in mentions if m.kind in {"unknown", "acronym"})
    _merge(reg, [m for m in mentions if m.kind in {"unknown", "acronym"}], counts, words)


def _link_parenthesised(reg: Registry, mentions: list[Mention]) -> None:
    """ "der Chaos Computer Club (CCC)": an acronym in brackets right after an organisation names it."""
    ends = {(m.sent, m.last): m for m in mentions if m.actor and m.kind in {"organisation", "group"}}
    for m in mentions:
        if m.kind != "acronym" or m.actor:
            continue
        sent = reg.doc.sentences[m.sent].tokens
        if (
            m.first < 2
            or m.last + 1 >= len(sent)
            or sent[m.first - 1].text != "("
            or sent[m.last + 1].text != ")"
        ):
            continue
        named = ends.get((m.sent, m.first - 2))
        if named is None:
            continue
        rec = reg.records[named.actor]
        reg.attach(rec, m)
        reg.records.setdefault(org_key(m.name), rec)


def _org_words(reg: Registry) -> dict[str, ActorRecord]:
    """Distinctive words of multi-word organisation names ("Jobbik" of "Jobbik Magyarországért Mozgalom"),
    each naming one organisation only."""
    found: dict[str, ActorRecord | None] = {}
    for rec in reg.records.values():
        if rec.kind != "organisation" or " " not in rec.name:
            continue
        for word in rec.name.split()[:1]:
            if _distinctive(word, reg.lex):
                found[word] = rec if found.get(word, rec) is rec else None
    return {w: r for w, r in found.items() if r is not None}


def _merge(
    reg: Registry, mentions: list[Mention], counts: Counter[str], words: dict[str, ActorRecord] | None = None
) -> None:
    lex = reg.lex
    for m in mentions:
        if m.actor:
            continue
        if m.kind == "state":
            country = lex.countries.get(m.key)
            if country is None:
                continue
            rec = reg.record("state:" + m.key, country.name, "state", m)
            rec.gender = rec.gender or country.gender
            if country.english != country.name:
                rec.english_name = country.english
        elif m.kind == "organisation" and m.key.startswith("institution:") and _named_org(reg, m) is not None:
            reg.attach(_named_org(reg, m), m)  # type: ignore[arg-type]
        elif m.kind in {"organisation", "group"} and m.key:
            canonical = m.english if lex.language == "en" and m.english else m.key
            name = m.name or (canonical if ":" not in m.key else reg.doc.text[m.start : m.end])
            rec = reg.record(m.kind + ":" + m.key, name, m.kind, m)  # type: ignore[arg-type]
            if m.english and m.english != rec.name and lex.language != "en":
                rec.english_name = m.english
            if m.kind == "group" and m.descriptive and m.name and len(m.name) < len(rec.name) and rec.name:
                rec.aliases.append(rec.name)
                rec.name = m.name
        elif m.kind == "organisation":
            m.tag = reg.doc.sentences[m.sent].tokens[m.first].tag
            name = german_org_name(m, lex)
            rec = reg.record(org_key(name), name, "organisation", m)
        elif m.kind in {"unknown", "acronym"} and org_key(m.name) in reg.records:
            reg.attach(reg.records[org_key(m.name)], m)
        elif words is not None and m.kind == "unknown" and m.name in words:
            reg.attach(words[m.name], m)
        elif m.kind in {"unknown", "acronym"} and not modifier_only(reg, m):
            kind = unknown_kind(reg, m, counts)
            if kind == "person":
                register_person(reg, m)
            elif kind is not None:
                reg.record(org_key(m.name), m.name, kind, m)


_STRONG = {"m": "er", "f": "e", "n": "es", "pl": "e"}


def german_org_name(m: Mention, lex: ActorLexicon) -> str:
    """ "des Deutschen Wetterdienstes" -> "Deutscher Wetterdienst": a capitalised adjective takes the
    strong nominative ending of the organisation noun's gender."""
    words = m.name.split()
    if lex.language != "de" or len(words) < 2 or not words[0].endswith(("e", "en")):
        return m.name  # only weak endings change: "des Deutschen Wetterdienstes"
    if reg_tag(m, lex) != "ADJ(A)":
        return m.name
    last = words[-1]
    gender = next(
        (
            g
            for key, (cls, g) in lex.name_words.items()
            if cls == "org" and last.lower().endswith(key.lower())
        ),
        "",
    )
    if gender not in _STRONG or words[0][:1].islower():
        return m.name
    stem = words[0]
    for ending in ("en", "er", "es", "em", "e"):
        if stem.endswith(ending):
            stem = stem[: -len(ending)]
            break
    head = last[:-2] if last.endswith("es") and gender in {"m", "n"} else last
    head = head[:-1] if head.endswith("s") and gender in {"m", "n"} and not last.endswith("es") else head
    return " ".join([stem + _STRONG[gender], *words[1:-1], head])


def _named_org(reg: Registry, m: Mention) -> ActorRecord | None:
    """ "der Sicherheitsrat" after "UN-Sicherheitsrat": the institution named before."""
    noun = m.name.split()[-1].lower()
    for rec in reg.records.values():
        if (
            rec.kind == "organisation"
            and rec.name.lower().split()[-1].endswith(noun)
            and rec.key != "organisation:" + m.key
        ):
            return rec
    return None


def reg_tag(m: Mention, lex: ActorLexicon) -> str:
    del lex
    return m.tag


def link_acronyms(reg: Registry) -> None:
    """ "Democratic National Committee" ... "DNC": an acronym of a longer organisation name joins it."""
    longs: dict[str, ActorRecord] = {}
    for rec in reg.records.values():
        if rec.kind in {"organisation", "group"} and " " in rec.name:
            initials = "".join(w[0] for w in rec.name.replace("-", " ").split() if w[:1].isupper())
            if len(initials) >= 2:
                longs.setdefault(initials, rec)
    firsts: dict[str, ActorRecord] = {}
    for rec in reg.records.values():
        if rec.kind == "organisation" and " " in rec.name:
            firsts.setdefault(rec.name.split()[0], rec)
    for key, rec in list(reg.records.items()):
        target = longs.get(rec.name) if rec.name.isupper() else None
        if rec.kind == "organisation" and " " not in rec.name and target is None:
            target = firsts.get(rec.name)  # "UnitedHealth" after "UnitedHealth Group"
        if target is not None and target is not rec:
            target.mentions.extend(rec.mentions)
            if rec.name not in target.aliases:
                target.aliases.append(rec.name)
            del reg.records[key]
            reg.records.setdefault(key, target)


def _distinctive(word: str, lex: ActorLexicon) -> bool:
    return (
        word[:1].isupper()
        and len(word) > 3
        and word not in lex.name_words
        and word not in lex.first_names
        and word.lower() not in lex.demonym_adjectives
    )
