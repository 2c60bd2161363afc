"""People from mentions: full names with their surname and given-name aliases, short names joined to
the right person ("May" after "Theresa May", "Tate" to the Tate named last), epithets ("Crazy Bernie"),
titles that tell two people of one surname apart ("Secretary Clinton", "President Bill Clinton")."""

from __future__ import annotations

import re
from collections import Counter

from bot.analysis.actors_build import ActorRecord, Registry, modifier_only, unknown_kind
from bot.analysis.actors_scan import Mention

_ROMAN = re.compile(r"^(?:[IVX]+\.?|Jr\.?|Sr\.?)$")


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


def _pick(reg: Registry, candidates: list[ActorRecord], sent: int, start: int = -1) -> ActorRecord:
    """The candidate a short name refers to: the one named last before it (within a sentence or two),
    else the one named first in the text."""
    if len(candidates) == 1:
        return candidates[0]
    if start >= 0:
        before = [(max((s for s, _ in c.mentions if s < start), default=-1), c) for c in candidates]
        latest = max(before, key=lambda pair: pair[0])
        if latest[0] >= 0:
            return latest[1]
    else:
        recent = [c for c in candidates if 0 <= sent - reg.last_seen.get(c.key, -99) <= 1]
        if len(recent) == 1:
            return recent[0]
    return min(candidates, key=lambda c: c.first_sentence)


def alias_lookup(reg: Registry, text: str, sent: int, start: int = -1) -> ActorRecord | None:
    for form in (text, text[:-1] if text.endswith("s") and len(text) > 3 else ""):
        if form and form in reg.surnames:
            return _pick(reg, reg.surnames[form], sent, start)
    return None


def _conflicting_title(m: Mention, rec: ActorRecord) -> bool:
    """A surname with a title that none of the person's roles shares ("Secretary Clinton" is not
    "President Bill Clinton"), or with the other gender ("Ms. Clinton")."""
    if m.gender in {"m", "f"} and rec.gender in {"m", "f"} and m.gender != rec.gender:
        return True
    if not m.roles or not rec.roles:
        return False
    heads = {r.split()[-1].lower().rstrip(".") for r in m.roles}
    known = " ".join(rec.roles).lower()
    return not any(head in known for head in heads)


def merge_persons(reg: Registry, mentions: list[Mention]) -> list[Mention]:
    """Full names first (in text order), then single names: known surname, or a new person.
    Returns the mentions, with runs of several known surnames split into one mention each."""
    split: list[Mention] = []
    counts = Counter(m.name for m in mentions if m.kind in {"unknown", "acronym"})
    for m in mentions:
        if len(m.name.split()) < 2 or m.kind not in {"person", "unknown"}:
            continue
        if m.name in reg.surnames:
            reg.attach(
                _pick(reg, reg.surnames[m.name], m.sent, m.start), m
            )  # "Eskelsen García" after the name
        elif (nicknamed := _nicknamed(reg, m)) is not None:
            reg.attach(nicknamed, m)
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
                reg.attach(_pick(reg, reg.surnames[m.name], m.sent, m.start), m)  # "May" after "Theresa May"
                m.kind = "person"
            continue
        found = alias_lookup(reg, m.name, m.sent, m.start)
        if found is None and m.name in reg.given and len(reg.given[m.name]) == 1:
            found = reg.given[m.name][0]
        if found is not None and _conflicting_title(m, found):
            others = [c for c in reg.surnames.get(m.name, []) if not _conflicting_title(m, c)]
            if others:
                found = _pick(reg, others, m.sent, m.start)
            elif m.start < min(found.mentions)[0]:
                found = None  # "former Secretary Clinton" before "President Bill Clinton": someone else
                m.kind = "person"
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


def _nicknamed(reg: Registry, m: Mention) -> ActorRecord | None:
    """ "Crazy Bernie" after "Bernie Sanders": an epithet before a known person's given name."""
    words = m.name.split()
    given = reg.given.get(words[-1], [])
    first_names = reg.lex.first_names
    if len(words) != 2 or len(given) != 1 or words[0] in first_names or words[-1] not in first_names:
        return None
    return given[0] if words[0] not in reg.surnames else None


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
        reg.attach(_pick(reg, reg.surnames[tok.text], m.sent, tok.start), part)
        out.append(part)
    return True
