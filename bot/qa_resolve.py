"""Which actors a question is about, what else it asks about, and what the article does not mention."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.qa_actors import ActorProfile
from bot.qa_chunks import Phrase
from bot.qa_index import ArticleIndex
from bot.qa_lexicon import INTENT_VERBS, Lexicon
from bot.qa_match import SELF_WORDS, match_actors, phrase_profile
from bot.qa_parse import ParsedQuestion
from bot.qa_presence import absent_name, looks_like_name
from bot.qa_text import words

_VERB_WEIGHT = 0.4
_VERBISH = frozenset({*INTENT_VERBS, "describe", "write", "show"})


@dataclass
class Resolution:
    holder: ActorProfile | None = None
    others: list[ActorProfile] = field(default_factory=list)
    missing: str | None = None  # a named thing the article does not mention
    missing_full: str = ""  # ... as the question says it, with its article
    pronoun: bool = False  # the question names its actor only by a pronoun
    topic: list[tuple[str, float]] = field(default_factory=list)  # (key, weight)
    used_words: set[int] = field(default_factory=set)  # question words that name actors
    actor_keys: dict[str, list[str]] = field(default_factory=dict)  # profile key -> its words in the question

    @property
    def actors(self) -> list[ActorProfile]:
        return ([self.holder] if self.holder else []) + self.others


def _owner_follows(parsed: ParsedQuestion, phrase: Phrase) -> bool:
    """'das Wahlkampfteam von Sanders': the next phrase names whose it is; it stands in for the holder."""
    after = parsed.words[phrase.end].folded if phrase.end < len(parsed.words) else ""
    return after in {"von", "vom", "des", "der", "of"} and any(
        p.start == phrase.end + 1 for p in parsed.phrases
    )


def resolve(index: ArticleIndex, parsed: ParsedQuestion, previous: ActorProfile | None) -> Resolution:
    lex = index.lex
    res = Resolution()
    matches = match_actors(index, parsed.words)
    pronouns = lex.pronouns["de"] | lex.pronouns["en"]
    named: list[ActorProfile] = []
    for phrase in parsed.phrases:
        ws = parsed.words[phrase.start : phrase.end]
        if ws and all(w.folded in pronouns for w in ws):
            if phrase.role == "holder" or parsed.intent == "compare":
                res.pronoun = True
                if previous is not None:
                    named.append(previous)
            continue
        check = phrase.role == "holder" or parsed.language == "en" or parsed.intent in ("compare", "ellipsis")
        if check and parsed.intent not in ("list_actors", "summary"):
            absent = absent_name(index, parsed, phrase)
            if absent:
                res.missing, res.missing_full = absent, phrase.full or absent
                return res
        text_ok = (phrase.role == "holder" and parsed.intent != "who_does") or parsed.intent == "compare"
        if parsed.language == "en" and parsed.intent != "compare" and not any(w.capitalised for w in ws):
            text_ok = False  # 'the three elements', 'the polls': words to look for, not an actor
        profile = phrase_profile(index, parsed, phrase, matches, text_ok=text_ok)
        if profile is not None:
            res.used_words.update(range(phrase.start, phrase.end))
            res.actor_keys.setdefault(profile.key, [w.key for w in ws if not lex.is_stopword(w.folded)])
            if profile not in named:
                named.append(profile)
        elif (
            phrase.role == "holder"
            and parsed.intent in ("statement", "who_is", "yes_no", "ellipsis")
            and (looks_like_name(ws, lex) or parsed.intent == "who_is")
            and not _owner_follows(parsed, phrase)
        ):
            res.missing, res.missing_full = phrase.text, phrase.full or phrase.text
            return res
    for m in matches:  # actors named outside the phrases ('Welche Zeitung sah Rajoy ...')
        if m.profile not in named and not res.used_words & set(range(m.start, m.end)):
            named.append(m.profile)
            res.actor_keys.setdefault(m.profile.key, [w.key for w in parsed.words[m.start : m.end]])
        res.used_words.update(range(m.start, m.end))
    if parsed.intent not in ("who_does",) and named:
        res.holder, res.others = named[0], named[1:]
    else:
        res.others = named
    res.topic = _topic(index, parsed, res)
    return res


def _topic(index: ArticleIndex, parsed: ParsedQuestion, res: Resolution) -> list[tuple[str, float]]:
    """Question words to look for in sentences (not the holder's own name), with weights."""
    lex = index.lex
    skip: set[int] = set()
    if res.holder is not None and parsed.intent != "who_does":
        for m in match_actors(index, parsed.words):
            if m.profile is res.holder:
                skip.update(range(m.start, m.end))
        for phrase in parsed.phrases:
            if phrase.role == "holder":
                skip.update(range(phrase.start, phrase.end))
    for m in match_actors(index, parsed.words):
        if m.profile in res.others:
            skip.update(range(m.start, m.end))  # matched as whole actors (Resolution.others)
    out: dict[str, float] = {}
    ws = parsed.words
    for n in (3, 2):  # multi-word terms: 'foreign policy', 'interest rates'
        for i in range(len(ws) - n + 1):
            span = range(i, i + n)
            if skip.intersection(span):
                continue
            joined = " ".join(ws[j].key for j in span)
            if lex.concepts_of(joined) or lex.places_of(joined):
                out[joined] = 1.0
                skip.update(span)
    for i, w in enumerate(ws):
        if i in skip or w.folded in SELF_WORDS:
            continue
        modal = w.folded in lex.modal_verbs and not w.capitalised
        if not modal and (lex.is_stopword(w.folded) or _is_function_word(w.folded, lex)):
            continue
        weight = _VERB_WEIGHT if modal else 1.0
        if any(c.label in _VERBISH for c in lex.concepts_of(w.key)):
            weight = _VERB_WEIGHT
        for key in [w.key, *(x.key for x in words(w.text)[1:] if "-" in w.text)]:
            out[key] = max(out.get(key, 0.0), weight)
    return list(out.items())


def _is_function_word(folded: str, lex: Lexicon) -> bool:
    return any(
        folded in group[lang] for group in (lex.question_words, lex.auxiliaries) for lang in ("de", "en")
    )
