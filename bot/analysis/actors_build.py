"""Merge mentions into actors: people with surname aliases, organisations with acronyms, states,
groups; decide which candidates are actors of the story.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from bot.analysis.actors_lexicon import ActorLexicon
from bot.analysis.actors_roles import role_at
from bot.analysis.actors_scan import Mention
from bot.analysis.document import Document
from bot.models import ActorKind

_QUOTES = frozenset({'"', "„", "“", "”", "»", "«", "(", "'"})


def unknown_kind(reg: Registry, m: Mention, counts: Counter[str]) -> ActorKind | None:
    """Names without a given name, title or gazetteer entry: a person, an organisation, or nothing."""
    sent = reg.doc.sentences[m.sent].tokens
    lex = reg.lex
    j = m.first - 1
    while j >= 0 and sent[j].text in _QUOTES:
        j -= 1
    prev = sent[j] if j >= 0 else None
    if prev is not None and prev.tag in {"NN", "NN1", "NN2"} and role_at(sent, j, lex) is None:
        # a name after a common noun names that thing: "die Drogenbande Comando Vermelho"
        return "organisation" if lex.orgnoun(prev.text) else None
    nxt = sent[m.last + 1] if m.last + 1 < len(sent) else None
    spoke = (nxt is not None and nxt.text.lower() in lex.speech) or (
        prev is not None and prev.text.lower() in lex.speech
    )
    last = m.name.split()[-1]
    evidence = m.subject or spoke or counts[m.name] >= 2 or (last != m.name and counts[last] >= 1)
    if m.kind == "acronym":
        return "organisation" if evidence else None
    words = m.name.split()
    placed = any(_place_word(w, lex) for w in words) if lex.language == "de" else _place_word(words[0], lex)
    if len(words) >= 2 and words[0] not in lex.first_names and placed:
        return "organisation"  # "Red Bull Salzburg", "Eintracht Frankfurt"
    if len(m.name.split()) >= 2 and (lex.language == "de" or evidence or m.roles):
        return "person"
    if not evidence:
        return None
    return "organisation" if any(c.isupper() for c in m.name[1:]) else "person"


def _place_word(word: str, lex: ActorLexicon) -> bool:
    return any(
        p.entry.kind in {"place", "state", "capital"} and len(p.words) == 1 and p.words[0] == word
        for p in lex.gazetteer.get(word.lower(), ())
    )


def modifier_only(reg: Registry, m: Mention) -> bool:
    """English: a name used as a modifier ("the Vermont senator", "Obama administration")."""
    if reg.lex.language != "en":
        return False
    sent = reg.doc.sentences[m.sent].tokens
    nxt = sent[m.last + 1] if m.last + 1 < len(sent) else None
    return nxt is not None and nxt.text[:1].islower() and nxt.tag in {"NN1", "NN2", "NN0"}


_ROMAN = re.compile(r"^(?:[IVX]+\.?|Jr\.?|Sr\.?)$")


_LISTED_ALWAYS = frozenset({"person", "organisation"})


@dataclass
class ActorRecord:
    id: str
    name: str
    kind: ActorKind
    english_name: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    gender: str = ""  # m f n pl, "" when unknown
    listed: bool = True
    key: str = ""
    first_sentence: int = 0


@dataclass
class Registry:
    doc: Document
    lex: ActorLexicon
    records: dict[str, ActorRecord] = field(default_factory=dict)  # key -> record
    surnames: dict[str, list[ActorRecord]] = field(default_factory=dict)
    given: dict[str, list[ActorRecord]] = field(default_factory=dict)
    last_seen: dict[str, int] = field(default_factory=dict)  # record key -> last sentence

    def record(self, key: str, name: str, kind: ActorKind, m: Mention) -> ActorRecord:
        rec = self.records.get(key)
        if rec is None:
            rec = ActorRecord(id="", name=name, kind=kind, key=key, first_sentence=m.sent)
            self.records[key] = rec
        self.attach(rec, m)
        return rec

    def attach(self, rec: ActorRecord, m: Mention) -> None:
        m.actor = rec.key
        rec.mentions.append((m.start, m.end))
        self.last_seen[rec.key] = m.sent
        for role in m.roles:
            add_role(rec, role)
        if m.gender and not rec.gender:
            rec.gender = m.gender
        surface = self.doc.text[m.start : m.end]
        if surface != rec.name and surface not in rec.aliases and len(rec.aliases) < 8:
            rec.aliases.append(surface)


def add_role(rec: ActorRecord, role: str) -> None:
    """Add a role unless a fuller form is known ("President" after "AFT President"); a fuller form
    replaces a shorter one."""
    low = role.lower()
    for k, known in enumerate(rec.roles):
        other = known.lower()
        if other == low or other.endswith(" " + low):
            return
        if low.endswith(" " + other):
            rec.roles[k] = role
            return
    rec.roles.append(role)


def _person_key(words: list[str]) -> str:
    parts = [w for w in " ".join(words).replace("-", " ").split() if not _ROMAN.match(w) and w != "."]
    if len(parts) >= 2:
        return "person:" + (parts[0] + " " + parts[-1]).lower()
    return "person:" + " ".join(parts).lower()


def register_person(reg: Registry, m: Mention) -> None:
    words = m.name.split()
    if len(words) >= 2 and _saxon_genitive(reg, m):
        words = [*words[:-1], words[-1][:-1]]  # "David Schalkos neue Serie" -> David Schalko
    key = _person_key(words)
    if key not in reg.records and words[-1].endswith("s") and len(words) >= 2:
        genitive = _person_key([*words[:-1], words[-1][:-1]])
        key = genitive if genitive in reg.records else key  # "Theresa Mays"
    rec = reg.records.get(key)
    if rec is None:
        rec = reg.record(key, " ".join(words), "person", m)
    else:
        if len(words) > len(rec.name.split()):
            rec.aliases.append(rec.name) if rec.name not in rec.aliases else None
            rec.name = m.name
        reg.attach(rec, m)
    lex = reg.lex
    core = [w for w in words if not _ROMAN.match(w)]
    if not core:
        return
    if lex.name_words.get(core[0], ("", ""))[0] == "nametitle":
        rec.roles.append(core[0]) if core[0] not in rec.roles else None
        _add_alias(reg.surnames, " ".join(words[1:]), rec)
        return
    k = 0
    while k < len(core) - 1 and core[k] in lex.first_names:
        k += 1
    _add_alias(reg.surnames, core[-1], rec)
    if len(core) - max(k, 1) >= 2:
        _add_alias(reg.surnames, " ".join(core[max(k, 1) :]), rec)
    _add_alias(reg.given, core[0], rec)


def _saxon_genitive(reg: Registry, m: Mention) -> bool:
    """German: a name ending in -s right before a noun phrase is a genitive ("Schalkos Serie")."""
    last = m.name.split()[-1]
    if reg.lex.language != "de" or not last.endswith("s") or last.endswith(("ss", "us", "os")):
        return False
    sent = reg.doc.sentences[m.sent].tokens
    k = m.last + 1
    if k < len(sent) and sent[k].text == "(":
        while k < len(sent) and sent[k].text != ")":
            k += 1
        k += 1  # "David Schalkos (Buch und Regie) achtteilige Familiensaga"
    nxt = sent[k] if k < len(sent) else None
    return nxt is not None and nxt.tag in {"ADJ(A)", "NN"} and nxt.text not in reg.lex.first_names


def _add_alias(table: dict[str, list[ActorRecord]], alias: str, rec: ActorRecord) -> None:
    bucket = table.setdefault(alias, [])
    if rec not in bucket:
        bucket.append(rec)


def _pick(reg: Registry, candidates: list[ActorRecord], sent: int) -> ActorRecord:
    if len(candidates) == 1:
        return candidates[0]
    recent = [c for c in candidates if sent - reg.last_seen.get(c.key, -99) <= 1]
    if len(recent) == 1:
        return recent[0]
    return min(candidates, key=lambda c: c.first_sentence)


def alias_lookup(reg: Registry, text: str, sent: int) -> ActorRecord | None:
    for form in (text, text[:-1] if text.endswith("s") and len(text) > 3 else ""):
        if form and form in reg.surnames:
            return _pick(reg, reg.surnames[form], sent)
    return None


def merge_persons(reg: Registry, mentions: list[Mention]) -> list[Mention]:
    """Full names first (in text order), then single names: known surname, or a new person.
    Returns the mentions, with runs of several known surnames split into one mention each."""
    split: list[Mention] = []
    counts = Counter(m.name for m in mentions if m.kind in {"unknown", "acronym"})
    for m in mentions:
        if len(m.name.split()) < 2 or m.kind not in {"person", "unknown"}:
            continue
        if m.name in reg.surnames:
            reg.attach(_pick(reg, reg.surnames[m.name], m.sent), m)  # "Eskelsen García" after the full name
        elif m.kind == "unknown" and _split_surnames(reg, m, split):
            m.kind = "nonactor"
        elif m.kind == "person" or (not modifier_only(reg, m) and unknown_kind(reg, m, counts) == "person"):
            register_person(reg, m)
    for m in mentions:
        if m.actor or m.kind not in {"person", "unknown", "nonactor"}:
            continue
        if m.kind == "nonactor":
            sent = reg.doc.sentences[m.sent].tokens
            dated = m.first > 0 and sent[m.first - 1].tag in {"APPR", "APPRART", "PRP", "CRD", "CARD"}
            if not dated and " " not in m.name and m.name in reg.surnames:
                reg.attach(_pick(reg, reg.surnames[m.name], m.sent), m)  # "May" after "Theresa May"
                m.kind = "person"
            continue
        found = alias_lookup(reg, m.name, m.sent)
        if found is None and m.name in reg.given and len(reg.given[m.name]) == 1:
            found = reg.given[m.name][0]
        if found is not None:
            if m.name not in reg.surnames and m.name not in reg.given:
                m.roles.clear()  # a genitive: "Stellvertreter Johnsons" is someone else's role
            reg.attach(found, m)
        elif m.kind == "unknown" and _split_surnames(reg, m, split):
            m.kind = "nonactor"
        elif m.kind == "person" or m.roles:
            register_person(reg, m)
    if not split:
        return mentions
    return sorted([*mentions, *split], key=lambda m: (m.start, -m.end))


def _split_surnames(reg: Registry, m: Mention, out: list[Mention]) -> bool:
    """ "So kritisierte Rajoy Zapatero": two known surnames side by side are two people."""
    words = m.name.split()
    if len(words) < 2 or any(w not in reg.surnames for w in words):
        return False
    sent = reg.doc.sentences[m.sent].tokens
    for k in range(m.first, m.last + 1):
        tok = sent[k]
        part = Mention(
            m.sent, k, k, tok.start, tok.end, "person", name=tok.text, subject=m.subject and k == m.first
        )
        reg.attach(_pick(reg, reg.surnames[tok.text], m.sent), part)
        out.append(part)
    return True


def decide_listing(reg: Registry, mentions: list[Mention]) -> None:
    agentive: set[str] = set()
    for m in mentions:
        if m.actor and (m.agentive or m.subject or (m.kind == "group" and not m.descriptive)):
            agentive.add(m.actor)
    for rec in reg.records.values():
        if rec.kind in _LISTED_ALWAYS:
            rec.listed = True
        elif rec.key.startswith("group:bare-group"):
            rec.listed = False
        else:
            rec.listed = rec.key in agentive
