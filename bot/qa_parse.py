"""Reading a question: its language, what it asks for, and the noun phrases it names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.qa_chunks import PREPOSITIONS, Phrase, after_verb, compare_phrases, noun_phrases
from bot.qa_lexicon import INTENT_VERBS, Lexicon
from bot.qa_text import Word, fold, words

Intent = str  # summary | list_actors | compare | who_is | who_does | statement | yes_no | ellipsis | generic
_FILLERS = re.compile(
    r"\s*(in (this|the) (article|text|story)|im (artikel|text|beitrag)|eigentlich|genau|überhaupt|hier)"
    r"\s*[?.!]*\s*$",
    re.IGNORECASE,
)


@dataclass
class ParsedQuestion:
    text: str
    language: str
    words: list[Word]
    intent: Intent
    verbs: list[str] = field(default_factory=list)  # intent concepts named by the question's verbs
    kind_filter: str | None = None
    phrases: list[Phrase] = field(default_factory=list)
    negated: bool = False

    @property
    def folded(self) -> str:
        return fold(self.text)


def detect_language(ws: list[Word], lex: Lexicon, default: str) -> str:
    score = {"de": 0, "en": 0}
    for w in ws:
        for lang in ("de", "en"):
            if w.folded in lex.language_markers[lang]:
                score[lang] += 1
        if any(c in w.text for c in "äöüÄÖÜß"):
            score["de"] += 1
    if score["de"] == score["en"]:
        return default
    return "de" if score["de"] > score["en"] else "en"


def _matches(lex: Lexicon, intent: str, language: str, folded: str) -> bool:
    by_lang = lex.patterns.get(intent, {})
    pats = [*by_lang.get(language, []), *by_lang.get("any", [])]
    return any(p.search(folded) for p in pats)


def _verb_concepts(ws: list[Word], lex: Lexicon) -> list[str]:
    found: list[str] = []
    for w in ws:
        if w.folded in lex.auxiliaries["en"] or w.folded in lex.auxiliaries["de"]:
            continue
        for concept in lex.concepts_of(w.key):
            if concept.label in INTENT_VERBS and concept.label not in found:
                found.append(concept.label)
    return found


def _expand_contractions(text: str, lex: Lexicon) -> str:
    def repl(match: re.Match[str]) -> str:
        word = match.group()
        return lex.contractions.get(word.lower().replace("’", "'"), word)

    return re.sub(r"\b\w+[’']\w+\b", repl, text)


def _ellipsis_rest(ws: list[Word], lex: Lexicon, language: str) -> int | None:
    """'Und Frankreich?', 'What about France?': the index where the named phrase starts, else None."""
    folded = [w.folded for w in ws]
    for prefix in lex.ellipsis_prefixes:
        if tuple(folded[: len(prefix)]) != prefix:
            continue
        rest = ws[len(prefix) :]
        if not rest or len(rest) > 5:
            return None
        if any(
            w.folded in lex.question_words[language] or w.folded in lex.auxiliaries[language] for w in rest
        ):
            return None
        if _verb_concepts(rest, lex):
            return None
        return len(prefix)
    return None


def parse_question(question: str, lex: Lexicon, default_language: str) -> ParsedQuestion:
    text = _FILLERS.sub("", _expand_contractions(question.strip(), lex)).strip()
    ws = words(text, split_compounds=False)
    language = detect_language(ws, lex, default_language)
    parsed = ParsedQuestion(text=text, language=language, words=ws, intent="generic")
    rest = _ellipsis_rest(ws, lex, language)
    if rest is not None:
        parsed.intent = "ellipsis"
        parsed.phrases = noun_phrases(ws, rest, language, lex)
        return parsed
    if len(ws) > 1 and ws[0].folded in {"und", "and", "also", "so"}:
        ws = ws[1:]  # 'Und was will er?': a follow-up, read without its 'and'
        parsed.words = ws
    folded = fold(" ".join(w.text for w in ws))
    if len(ws) > 2 and ws[0].folded in PREPOSITIONS and ws[1].folded in lex.question_words[language]:
        ws = ws[1:]  # 'Um welches Amt ...', 'With whom ...': read from the question word
        parsed.words = ws
    first = ws[0].folded if ws else ""
    parsed.verbs = _verb_concepts(ws, lex)
    parsed.negated = any(w.folded in lex.negations for w in ws)
    for intent in ("summary", "list_actors", "compare"):
        if _matches(lex, intent, language, folded):
            parsed.intent = intent
            break
    else:
        second = ws[1].folded if len(ws) > 1 else ""
        third = ws[2] if len(ws) > 2 else None
        if (
            first in {"wer", "who"}
            and second in {"ist", "war", "is", "was"}
            and third is not None
            and (third.capitalised or third.folded in lex.determiners)
        ):
            parsed.intent = "who_is"
        elif first in {"wer", "wen", "wem", "who", "whom"} or (
            first in {"welche", "welcher", "welches", "welchen", "which", "whose"}
            and _asks_for_actor(ws, lex)
        ):
            parsed.intent = "who_does"
        elif first in lex.question_words[language]:
            parsed.intent = "statement"
        elif (language == "en" and first in lex.auxiliaries["en"]) or (language == "de" and ws):
            parsed.intent = "yes_no"
    if parsed.intent == "list_actors":
        parsed.kind_filter = next((lex.kind_words[w.folded] for w in ws if w.folded in lex.kind_words), None)
    if parsed.intent == "compare":
        parsed.phrases = compare_phrases(ws, language, lex)
    elif parsed.intent in ("summary", "list_actors"):
        parsed.phrases = noun_phrases(ws, 0, language, lex)
    elif parsed.intent == "who_is":
        parsed.phrases = noun_phrases(ws, 2, language, lex)
    elif parsed.intent == "yes_no":
        parsed.phrases = noun_phrases(ws, 1, language, lex)
    elif parsed.intent == "who_does" and language == "en":
        start = 1
        while start < len(ws) - 1 and ws[start].folded in lex.auxiliaries["en"]:
            start += 1
        parsed.phrases = noun_phrases(ws, start + 1, language, lex)  # past 'who (was) quoted'
    elif ws:
        parsed.phrases = noun_phrases(ws, after_verb(ws, language, lex), language, lex)
    return parsed


def _asks_for_actor(ws: list[Word], lex: Lexicon) -> bool:
    """'Welche Zeitung ...', 'Which minister ...': the question word asks for an actor, not a thing."""
    if len(ws) < 2:
        return False
    noun = ws[1]
    if noun.folded in lex.kind_words:
        return True
    actorish = {"journalist", "newspaper", "minister", "leader", "candidate", "party", "expert", "adviser"}
    actorish.update({"president", "spokesperson", "government", "country", "soldier", "supporter", "voter"})
    return any(c.label in actorish for c in lex.concepts_of(noun.key)) or noun.key in lex.title_keys
